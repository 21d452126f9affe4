/**
 * A sheet's geometry, the same in its workbook and its PDF: each column's width in characters, and
 * whether its columns need a landscape page.
 */
import type { SheetSpec } from '../../shared/workbook-spec';

/** Columns wider than this (in characters) print on a landscape page; narrower ones on portrait. */
const PORTRAIT_WIDTH = 110;

/** A word's width in digits, bold: m and w take about half as much again as other letters. */
const letterWidths = (word: string) =>
  Math.ceil(word.length + 0.6 * (word.match(/[mwMW]/g)?.length ?? 0));

/** Each column's width in characters: the widest of the main table's and its blocks' at that place. */
export function columnWidths(sheet: SheetSpec): number[] {
  const all = [sheet.columns, ...(sheet.blocks ?? []).map((b) => b.columns)];
  const count = Math.max(...all.map((c) => c.length));
  return Array.from({ length: count }, (_, i) =>
    Math.max(
      10,
      ...all.map((columns) => {
        const c = columns[i];
        if (!c) return 0;
        // Never narrower than a header word (bold, so a little wider): a reader breaks a word
        // that does not fit ("justerings|månad"), the wrapped header's height aside.
        // A header of several words wraps onto two lines rather than widening its column.
        const word = Math.max(...c.header.split(/\s+/).map(letterWidths));
        const twoLines = Math.ceil(c.header.length / 2) + 2;
        return Math.max(c.width ?? Math.min(60, twoLines), word + 2);
      }),
    ),
  );
}

/**
 * Landscape when the sheet asks for it, portrait for a one-page sheet, else landscape when its
 * columns are wider than a portrait page.
 */
export function isLandscapeSheet(
  sheet: SheetSpec,
  widths: readonly number[] = columnWidths(sheet),
): boolean {
  return (
    sheet.print?.landscape ??
    (sheet.print?.onePage !== true && widths.reduce((sum, w) => sum + w, 0) > PORTRAIT_WIDTH)
  );
}
