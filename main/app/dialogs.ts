/** The capabilities that need a native dialog: save and open a file, save files into a folder. Desktop only. */
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

export async function saveFileWithDialog(
  dialog: Pick<Dialog, 'showSaveDialog'>,
  window: BrowserWindow,
  request: CapabilityInput<'saveFile'>,
): Promise<SavedFile | null> {
  const result = await dialog.showSaveDialog(window, {
    defaultPath: request.suggestedName,
    filters: request.filters,
  });
  if (result.canceled || !result.filePath) return null;
  await writeFileAtomic(result.filePath, request.bytes);
  return { path: result.filePath };
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
 * Writes several files into a folder the user picks. Files that exist already are only replaced after
 * the user says so; every file is written atomically.
 */
export async function saveFilesWithDialog(
  dialog: Pick<Dialog, 'showOpenDialog' | 'showMessageBox'>,
  window: BrowserWindow,
  request: CapabilityInput<'saveFiles'>,
): Promise<SavedFiles | null> {
  const result = await dialog.showOpenDialog(window, {
    title: request.title,
    properties: ['openDirectory', 'createDirectory'],
  });
  const folder = result.filePaths[0];
  if (result.canceled || !folder) return null;
  const targets = request.files.map((file) => ({
    path: join(folder, file.name),
    bytes: file.bytes,
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
  for (const target of targets) await writeFileAtomic(target.path, target.bytes);
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
