import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import { describe, expect, it } from 'vitest';
import { saveFilesWithDialog, saveFileWithDialog } from '../../../../main/app/dialogs';

const window = {} as BrowserWindow;
const bytes = (text: string) => new TextEncoder().encode(text);

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

describe('saving several files into a folder', () => {
  it('writes them all when none exists, without asking', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'csm-files-'));
    const { fake, asked } = dialog(folder);
    const saved = await saveFilesWithDialog(fake, window, {
      title: 'Reports',
      files: [
        { name: 'a.xlsx', bytes: bytes('A') },
        { name: 'b.xlsx', bytes: bytes('B') },
      ],
    });
    expect(saved).toEqual({ folder, files: [join(folder, 'a.xlsx'), join(folder, 'b.xlsx')] });
    expect(asked).toEqual([]);
    expect((await readdir(folder)).sort()).toEqual(['a.xlsx', 'b.xlsx']);
  });

  it('asks before replacing, and a Cancel writes nothing at all', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'csm-files-'));
    await writeFile(join(folder, 'a.xlsx'), 'old');
    const { fake, asked } = dialog(folder, 1);
    const saved = await saveFilesWithDialog(fake, window, {
      title: 'Reports',
      files: [
        { name: 'a.xlsx', bytes: bytes('new') },
        { name: 'b.xlsx', bytes: bytes('B') },
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
    await saveFilesWithDialog(fake, window, {
      title: 'Reports',
      files: [{ name: 'a.xlsx', bytes: bytes('new') }],
    });
    expect(await readFile(join(folder, 'a.xlsx'), 'utf8')).toBe('new');
    expect(await readdir(folder)).toEqual(['a.xlsx']);
  });

  it('does nothing when the folder dialog is cancelled', async () => {
    const { fake } = dialog(null);
    expect(
      await saveFilesWithDialog(fake, window, {
        title: 'x',
        files: [{ name: 'a.xlsx', bytes: bytes('A') }],
      }),
    ).toBeNull();
    expect(
      await saveFileWithDialog(fake, window, {
        suggestedName: 'a.xlsx',
        bytes: bytes('A'),
        filters: [],
      }),
    ).toBeNull();
  });
});
