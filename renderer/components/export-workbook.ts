/**
 * Every Excel export of the app: main writes the typed workbook, the user picks where it goes, and a
 * notification says where it went. File names are made safe (shared/files.ts).
 */
import { notifications } from '@mantine/notifications';
import type { CapabilityInput } from '../../shared/api';
import { safeFileName } from '../../shared/files';
import { api } from '../platform';

export type WorkbookSheets = CapabilityInput<'buildWorkbook'>['sheets'];

/** Builds and saves a workbook; the saved path, or null when the user cancelled. */
export async function exportWorkbook(
  fileName: string,
  sheets: WorkbookSheets,
  savedMessage: (path: string) => string,
): Promise<string | null> {
  const bytes = await api.buildWorkbook({ sheets });
  const saved = await api.saveFile({
    suggestedName: safeFileName(fileName),
    bytes: bytes as Uint8Array<ArrayBuffer>,
    filters: [{ name: 'Excel', extensions: ['xlsx'] }],
  });
  if (saved) notifications.show({ color: 'green', message: savedMessage(saved.path) });
  return saved?.path ?? null;
}
