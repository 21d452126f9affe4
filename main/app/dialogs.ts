/**
 * The capabilities that need a native dialog: save and open a file, build and save a workbook or several
 * into a folder. Desktop only; a workbook is built here, after the user chose where it goes.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import {
  MAX_FILE_BYTES,
  type CapabilityInput,
  type OpenedFile,
  type SavedFile,
  type SavedFiles,
} from '../../shared/api';
import { writeFileAtomic } from '../services/atomic-write';
import { pdfNameBeside } from '../../shared/files';
import { buildExport } from '../services/export-file';
import { buildPdf } from '../services/pdf/report-pdf';
import { buildWorkbook } from '../services/workbook';

type SaveDialog = Pick<Dialog, 'showSaveDialog'>;
type FolderDialog = Pick<Dialog, 'showOpenDialog' | 'showMessageBox'>;
const EXCEL = [{ name: 'Excel', extensions: ['xlsx'] }];

/** Asks where to save, then writes what `bytes` makes there atomically; null when cancelled. */
async function saveWithDialog(
  dialog: SaveDialog,
  window: BrowserWindow,
  options: Pick<CapabilityInput<'saveFile'>, 'suggestedName' | 'filters'>,
  bytes: () => Promise<Uint8Array> | Uint8Array,
): Promise<SavedFile | null> {
  const result = await dialog.showSaveDialog(window, {
    defaultPath: options.suggestedName,
    filters: options.filters,
  });
  if (result.canceled || !result.filePath) return null;
  await writeFileAtomic(result.filePath, await bytes());
  return { path: result.filePath };
}

export function saveFileWithDialog(
  dialog: SaveDialog,
  window: BrowserWindow,
  request: CapabilityInput<'saveFile'>,
): Promise<SavedFile | null> {
  return saveWithDialog(dialog, window, request, () => request.bytes);
}

export async function saveWorkbookWithDialog(
  dialog: SaveDialog,
  window: BrowserWindow,
  request: CapabilityInput<'saveWorkbook'>,
): Promise<SavedFile | null> {
  const options = { suggestedName: request.suggestedName, filters: EXCEL };
  const saved = await saveWithDialog(dialog, window, options, () =>
    buildWorkbook(request.workbook),
  );
  if (!saved || !request.withPdf) return saved;
  // The PDF goes beside the workbook; one there already is kept, and this one takes the next name.
  const pdfPath = await freePath(pdfNameBeside(saved.path));
  await writeFileAtomic(pdfPath, await buildPdf(request.workbook));
  return { ...saved, pdfPath };
}

/** `path`, or "name (2).pdf", "name (3).pdf"… when it exists already. */
async function freePath(path: string): Promise<string> {
  const dot = path.lastIndexOf('.');
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? path : `${path.slice(0, dot)} (${n})${path.slice(dot)}`;
    if (!(await exists(candidate))) return candidate;
  }
}

export async function openFileWithDialog(
  dialog: Pick<Dialog, 'showOpenDialog'>,
  window: BrowserWindow,
  request: CapabilityInput<'openFile'>,
): Promise<OpenedFile | null> {
  const result = await dialog.showOpenDialog(window, {
    properties: ['openFile'],
    filters: request.filters,
  });
  const path = result.filePaths[0];
  if (result.canceled || !path) return null;
  if ((await stat(path)).size > MAX_FILE_BYTES)
    throw new Error(`${basename(path)} is larger than ${MAX_FILE_BYTES / 2 ** 20} MB`);
  return { name: basename(path), bytes: new Uint8Array(await readFile(path)) };
}

/**
 * Builds workbooks and writes them into a folder the user picks. Files that exist already are only
 * replaced after the user says so; every file is written atomically.
 */
export async function saveWorkbooksWithDialog(
  dialog: FolderDialog,
  window: BrowserWindow,
  request: CapabilityInput<'saveWorkbooks'>,
): Promise<SavedFiles | null> {
  const result = await dialog.showOpenDialog(window, {
    title: request.title,
    properties: ['openDirectory', 'createDirectory'],
  });
  const folder = result.filePaths[0];
  if (result.canceled || !folder) return null;
  const targets = request.files.map((file) => ({
    path: join(folder, file.name),
    workbook: file.workbook,
  }));
  const existing: string[] = [];
  for (const target of targets) if (await exists(target.path)) existing.push(basename(target.path));
  if (existing.length > 0) {
    const answer = await dialog.showMessageBox(window, {
      type: 'question',
      buttons: ['Replace', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      message: `${existing.length} of these files exist already in ${folder}. Replace them?`,
      detail: existing.slice(0, 10).join('\n'),
    });
    if (answer.response !== 0) return null;
  }
  for (const target of targets)
    await writeFileAtomic(target.path, await buildExport(target.path, target.workbook));
  return { folder, files: targets.map((t) => t.path) };
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
