/** The lines every page of a report PDF has: its header, its footer and its number. */
import type { SheetSpec } from '../../../shared/workbook-spec';
import { INK, type Pdf } from './look';

/** The page's margin, in points, on every side: the header and footer lines sit in it. */
export const MARGIN = 40;

/** Each page's header and footer lines and its number, once every page is laid out. */
export function writePageLines(
  doc: Pdf,
  prints: readonly (SheetSpec['print'] | undefined)[],
): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const print = prints[i - start];
    const width = doc.page.width - 2 * MARGIN;
    // The page's own bottom margin would move text written there onto a new page.
    const margins = doc.page.margins;
    doc.page.margins = { ...margins, bottom: 0 };
    doc.font('body').fontSize(7.5).fillColor(INK.muted);
    if (print?.header) doc.text(print.header, MARGIN, MARGIN - 16, { width, lineBreak: false });
    const footerY = doc.page.height - MARGIN + 4;
    if (print?.footer)
      doc.text(print.footer, MARGIN, footerY, { width: width * 0.7, lineBreak: false });
    const number = (print?.pageNumber ?? 'Page {page} of {pages}')
      .replace('{page}', String(i - start + 1))
      .replace('{pages}', String(count));
    doc.text(number, MARGIN, footerY, { width, align: 'right', lineBreak: false });
    doc.page.margins = margins;
  }
}
