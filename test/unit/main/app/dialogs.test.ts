import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  saveFileWithDialog,
  saveWorkbooksWithDialog,
  saveWorkbookWithDialog,
} from '../../../../main/app/dialogs';
import type { WorkbookSpec } from '../../../../shared/workbook-spec';

const window = {} as BrowserWindow;
const bytes = (text: string) => new TextEncoder().encode(text);
/** A one-sheet workbook whose sheet and only cell say which it is. */
const workbook = (text: string): WorkbookSpec => ({
  sheets: [{ name: text, columns: [{ header: 'What', type: 'text' }], rows: [[text]] }],
});

/** The sheet names and first data cell of the workbook written at `path`: what main built there. */
async function written(path: string): Promise<[string[], unknown]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
  return [book.worksheets.map((s) => s.name), book.worksheets[0]?.getCell('A2').value];
}

/** A dialog that answers as a user would: this folder or file, then Replace (0) or Cancel (1). */
function dialog(path: string | null, answer = 0) {
  const asked: string[] = [];
  const fake = {
    showOpenDialog: () =>
      Promise.resolve({ canceled: path === null, filePaths: path ? [path] : [] }),
    showSaveDialog: () => Promise.resolve({ canceled: path === null, filePath: path ?? '' }),
    showMessageBox: (_w: BrowserWindow, options: { message: string }) => {
      asked.push(options.message);
      return Promise.resolve({ response: answer, checkboxChecked: false });
    },
  };
  return {
    fake: fake as unknown as Pick<Dialog, 'showOpenDialog' | 'showMessageBox' | 'showSaveDialog'>,
    asked,
  };
}

describe('building and saving workbooks into a folder', () => {
  it('writes them all when none exists, without asking', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'csm-files-'));
    const { fake, asked } = dialog(folder);
    const saved = await saveWorkbooksWithDialog(fake, window, {
      title: 'Reports',
      files: [
        { name: 'a.xlsx', workbook: workbook('A') },
        { name: 'b.xlsx', workbook: workbook('B') },
      ],
    });
    expect(saved).toEqual({ folder, files: [join(folder, 'a.xlsx'), join(folder, 'b.xlsx')] });
    expect(asked).toEqual([]);
    expect((await readdir(folder)).sort()).toEqual(['a.xlsx', 'b.xlsx']);
    expect(await written(join(folder, 'a.xlsx'))).toEqual([['A'], 'A']);
    expect(await written(join(folder, 'b.xlsx'))).toEqual([['B'], 'B']);
  });

  it('asks before replacing, and a Cancel writes nothing at all', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'csm-files-'));
    await writeFile(join(folder, 'a.xlsx'), 'old');
    const { fake, asked } = dialog(folder, 1);
    const saved = await saveWorkbooksWithDialog(fake, window, {
      title: 'Reports',
      files: [
        { name: 'a.xlsx', workbook: workbook('new') },
        { name: 'b.xlsx', workbook: workbook('B') },
      ],
    });
    expect(saved).toBeNull();
    expect(asked).toEqual([`1 of these files exist already in ${folder}. Replace them?`]);
    expect(await readFile(join(folder, 'a.xlsx'), 'utf8')).toBe('old');
    expect(await readdir(folder)).toEqual(['a.xlsx']);
  });

  it('replaces after the user says so, leaving no temporary files', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'csm-files-'));
    await writeFile(join(folder, 'a.xlsx'), 'old');
    const { fake } = dialog(folder, 0);
    await saveWorkbooksWithDialog(fake, window, {
      title: 'Reports',
      files: [{ name: 'a.xlsx', workbook: workbook('new') }],
    });
    expect(await written(join(folder, 'a.xlsx'))).toEqual([['new'], 'new']);
    expect(await readdir(folder)).toEqual(['a.xlsx']);
  });

  it('does nothing when the folder dialog is cancelled', async () => {
    const { fake } = dialog(null);
    expect(
      await saveWorkbooksWithDialog(fake, window, {
        title: 'x',
        files: [{ name: 'a.xlsx', workbook: workbook('A') }],
      }),
    ).toBeNull();
    expect(
      await saveFileWithDialog(fake, window, {
        suggestedName: 'a.xlsx',
        bytes: bytes('A'),
        filters: [],
      }),
    ).toBeNull();
    expect(
      await saveWorkbookWithDialog(fake, window, {
        suggestedName: 'a.xlsx',
        workbook: workbook('A'),
      }),
    ).toBeNull();
  });
});

describe('building and saving one workbook', () => {
  it('builds it in main and writes it where the user chose', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'csm-file-')), 'report.xlsx');
    const { fake } = dialog(path);
    expect(
      await saveWorkbookWithDialog(fake, window, {
        suggestedName: 'x.xlsx',
        workbook: workbook('Report'),
      }),
    ).toEqual({ path });
    expect(await written(path)).toEqual([['Report'], 'Report']);
  });

  it('writes its PDF beside it when asked, keeping a PDF that is there already', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'csm-file-'));
    const path = join(folder, 'report.xlsx');
    await writeFile(join(folder, 'report.pdf'), 'kept');
    const spec = workbook('Report');
    spec.sheets[0]!.isInPdf = true;
    const saved = await saveWorkbookWithDialog(dialog(path).fake, window, {
      suggestedName: 'x.xlsx',
      workbook: spec,
      withPdf: true,
    });
    expect(saved).toEqual({ path, pdfPath: join(folder, 'report (2).pdf') });
    expect(await readFile(join(folder, 'report.pdf'), 'utf8')).toBe('kept');
    expect((await readFile(join(folder, 'report (2).pdf'))).subarray(0, 5).toString()).toBe(
      '%PDF-',
    );
    expect(await written(path)).toEqual([['Report'], 'Report']);
  });
});
