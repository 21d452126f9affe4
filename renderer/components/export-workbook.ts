/**
 * Every Excel export of the app, one trip: main builds the typed workbook and writes it where the user
 * picks (api.saveWorkbook, api.saveWorkbooks), and a notification says where it went. File names are
 * made safe (shared/files.ts).
 */
import { notifications } from '@mantine/notifications';
import type { CapabilityInput, SavedFiles } from '../../shared/api';
import { safeFileName } from '../../shared/files';
import { api } from '../platform';

export type Workbook = CapabilityInput<'saveWorkbook'>['workbook'];
export type WorkbookSheets = Workbook['sheets'];

/**
 * Builds and saves a workbook, and its PDF beside it when `withPdf`; the saved path, or null when the
 * user cancelled.
 */
export async function exportWorkbook(
  fileName: string,
  workbook: Workbook,
  savedMessage: (path: string, pdfPath: string | undefined) => string,
  withPdf = false,
): Promise<string | null> {
  const saved = await api.saveWorkbook({
    suggestedName: safeFileName(fileName),
    workbook,
    ...(withPdf ? { withPdf } : {}),
  });
  if (saved)
    notifications.show({ color: 'green', message: savedMessage(saved.path, saved.pdfPath) });
  return saved?.path ?? null;
}

/** Builds and saves workbooks into one folder the user picks; null when the user cancelled. */
export function exportWorkbooks(
  title: string,
  files: { name: string; workbook: Workbook }[],
): Promise<SavedFiles | null> {
  return api.saveWorkbooks({
    title,
    files: files.map((file) => ({ name: safeFileName(file.name), workbook: file.workbook })),
  });
}
