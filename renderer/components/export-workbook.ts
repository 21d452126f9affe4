/**
 * Every Excel export of the app, one trip: main builds the typed workbook and writes it where the user
 * picks (api.saveWorkbook, api.saveWorkbooks), and a notification says where it went. File names are
 * made safe (shared/files.ts).
 */
import { notifications } from '@mantine/notifications';
import type { CapabilityInput, SavedFiles } from '../../shared/api';
import { messageOf } from '../../shared/errors';
import { safeFileName } from '../../shared/files';
import { api } from '../platform';

export type Workbook = CapabilityInput<'saveWorkbook'>['workbook'];
export type WorkbookSheets = Workbook['sheets'];

/**
 * Builds and saves a workbook, and its PDF beside it when `withPdf`; the saved path, or null when the
 * user cancelled or it failed: `onFailed` (by default a notification) says why at once, e.g. the host
 * cannot be reached.
 */
export async function exportWorkbook(
  fileName: string,
  workbook: Workbook,
  savedMessage: (path: string, pdfPath: string | undefined) => string,
  withPdf = false,
  onFailed: (message: string) => void = notifyFailure,
): Promise<string | null> {
  const saved = await saying(
    api.saveWorkbook({
      suggestedName: safeFileName(fileName),
      workbook,
      ...(withPdf ? { withPdf } : {}),
    }),
    onFailed,
  );
  if (saved)
    notifications.show({ color: 'green', message: savedMessage(saved.path, saved.pdfPath) });
  return saved?.path ?? null;
}

/** Builds and saves workbooks into one folder the user picks; null when cancelled or it failed. */
export function exportWorkbooks(
  title: string,
  files: { name: string; workbook: Workbook }[],
): Promise<SavedFiles | null> {
  return saying(
    api.saveWorkbooks({
      title,
      files: files.map((file) => ({ name: safeFileName(file.name), workbook: file.workbook })),
    }),
    notifyFailure,
  );
}

function notifyFailure(message: string): void {
  notifications.show({ color: 'red', message, autoClose: false });
}

/** The export's result, or null once `onFailed` has said why it failed. */
async function saying<T>(
  saving: Promise<T | null>,
  onFailed: (message: string) => void,
): Promise<T | null> {
  try {
    return await saving;
  } catch (error) {
    onFailed(messageOf(error));
    return null;
  }
}
