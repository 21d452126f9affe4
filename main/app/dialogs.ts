/** The capabilities that need a native dialog: save and open a file. Desktop only. */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import {
  MAX_FILE_BYTES,
  type CapabilityInput,
  type OpenedFile,
  type SavedFile,
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
