/**
 * A workbook's cells: each typed from its column (or its own type), with one shared style object per
 * number format and alignment, and a row as tall as its longest wrapped text (no reader grows a row
 * by itself).
 */
import type ExcelJS from 'exceljs';
import type { CellSpec, ColumnSpec, ColumnType } from '../../shared/workbook-spec';
import { xmlSafe } from '../../shared/xml-text';

export const FORMATS: Record<ColumnType, string | undefined> = {
  text: '@',
  number: '#,##0',
  decimal: '#,##0.##########',
  money: '#,##0.00',
  percent: '0.0"\u00a0%"',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  duration: '[h]:mm',
  boolean: undefined,
};

/** The height of one line of 11 pt text, in points. */
export const LINE_HEIGHT = 15;

/** A row's own style: exceljs has it, its types do not. */
type StyledRow = ExcelJS.Row & { style: Partial<ExcelJS.Style> };

/** Lines a text takes in a column of `width` characters, wrapped at its spaces. */
export function wrappedLines(text: string, width: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/)) {
    const length = Math.min(word.length, width);
    if (used > 0 && used + 1 + length > width) {
      lines++;
      used = length;
    } else used += (used > 0 ? 1 : 0) + length;
  }
  return lines;
}

/** A cell's value, in its own type where it carries one, else in its column's. */
function typed(spec: CellSpec, columnType: ColumnType): ExcelJS.CellValue {
  return spec !== null && typeof spec === 'object'
    ? typedValue(spec.value, spec.type)
    : typedValue(spec, columnType);
}

function typedValue(value: string | number | boolean | null, type: ColumnType): ExcelJS.CellValue {
  if (value === null) return null;
  if ((type === 'date' || type === 'datetime') && typeof value === 'string') {
    const date = new Date(type === 'date' ? `${value.slice(0, 10)}T00:00:00Z` : value);
    return Number.isNaN(date.getTime()) ? value : date;
  }
  if (type === 'duration' && typeof value === 'number') return value / 1440;
  if (type !== 'text' && type !== 'boolean' && typeof value === 'number') return value;
  if (type === 'boolean' && typeof value === 'boolean') return value;
  return xmlSafe(String(value));
}

/** The types Excel writes right-aligned (dates are numbers to it): their headers are too. */
export const RIGHT_ALIGNED = new Set<ColumnType>([
  'number',
  'decimal',
  'money',
  'percent',
  'duration',
]);
const SITS_RIGHT = new Set<ColumnType>([...RIGHT_ALIGNED, 'date', 'datetime']);

/**
 * Whether a column's text sits one indent in: a wrapped column after another, and a text column
 * after one whose values sit right, so that its words never touch those figures (a firmware sheet's
 * "64" devices beside version "8.0.9" printed as "648.0.9").
 */
export function isIndented(columns: readonly ColumnSpec[], i: number): boolean {
  const column = columns[i];
  const before = columns[i - 1];
  if (!column || !before) return false;
  return column.wrap === true || (column.type === 'text' && SITS_RIGHT.has(before.type));
}

/**
 * How a cell sits: as written, at the top of a tall row, wrapped in its column from the top, and
 * each of those one indent in (isIndented).
 */
type Alignment = 'plain' | 'top' | 'wrap' | 'indented' | 'topIndented' | 'wrapIndented';

const ALIGNMENTS: Record<Alignment, Partial<ExcelJS.Alignment> | undefined> = {
  plain: undefined,
  top: { vertical: 'top' },
  wrap: { vertical: 'top', wrapText: true },
  indented: { horizontal: 'left', indent: 1 },
  topIndented: { horizontal: 'left', vertical: 'top', indent: 1 },
  wrapIndented: { horizontal: 'left', vertical: 'top', wrapText: true, indent: 1 },
};

/** A column's alignment in a row, plain or at the top of a tall one. */
function alignmentOf(columns: readonly ColumnSpec[], i: number, row: 'plain' | 'top'): Alignment {
  const isIn = isIndented(columns, i);
  if (columns[i]?.wrap) return isIn ? 'wrapIndented' : 'wrap';
  if (!isIn) return row;
  return row === 'top' ? 'topIndented' : 'indented';
}

/**
 * One style object per number format, shared by every cell that has it: exceljs serialises a style to
 * XML to find its id unless it has seen the very object before, which for 100,000 rows was a third of
 * the time.
 */
export class SharedStyles {
  private readonly known = new Map<string, Partial<ExcelJS.Style>>();
  /** A data row's own style (none), shared too: exceljs looks each row's up like a cell's. */
  private readonly row: Partial<ExcelJS.Style> = {};

  of(format: string | undefined, alignment: Alignment = 'plain'): Partial<ExcelJS.Style> {
    const key = `${alignment}:${format ?? ''}`;
    let style = this.known.get(key);
    if (!style) {
      const align = ALIGNMENTS[alignment];
      style = { ...(format ? { numFmt: format } : {}), ...(align ? { alignment: align } : {}) };
      this.known.set(key, style);
    }
    return style;
  }

  /**
   * Writes a table's rows: each cell typed, and styled with its column's (or its own type's) shared
   * style object; a row with wrapped text is as tall as its longest, its other cells at the top.
   */
  writeRows(
    worksheet: ExcelJS.Worksheet,
    columns: readonly ColumnSpec[],
    rows: readonly (readonly CellSpec[])[],
    widths: readonly number[],
  ): void {
    const isWrapping = columns.some((c) => c.wrap);
    const styleOf = (row: 'plain' | 'top') =>
      columns.map((c, i) => this.of(FORMATS[c.type], alignmentOf(columns, i, row)));
    const [plain, top] = [styleOf('plain'), styleOf('top')];
    for (const values of rows) {
      const row = worksheet.addRow(columns.map((c, i) => typed(values[i] ?? null, c.type)));
      (row as StyledRow).style = this.row;
      const lines = isWrapping ? linesOf(columns, values, widths) : 1;
      if (lines > 1) row.height = LINE_HEIGHT * lines;
      const styles = lines > 1 ? top : plain;
      row.eachCell((cell, n) => {
        const spec = values[n - 1];
        cell.style =
          spec !== null && typeof spec === 'object'
            ? this.of(FORMATS[spec.type], lines > 1 ? 'top' : 'plain')
            : (styles[n - 1] ?? this.of(undefined));
      });
      row.commit();
    }
  }
}

/**
 * Text characters a column holds per unit of its width: a width counts the font's widest digits, and
 * words are narrower (Calibri's average letter is about 0.8 of a digit; a wider substitute, 0.9).
 */
const LETTERS_PER_WIDTH = 1.1;

/** The lines a row's wrapped cells take: its tallest. */
function linesOf(
  columns: readonly ColumnSpec[],
  values: readonly CellSpec[],
  widths: readonly number[],
): number {
  return Math.max(
    1,
    ...columns.map((c, i) => {
      const value = values[i];
      return c.wrap && typeof value === 'string'
        ? wrappedLines(value, Math.floor(((widths[i] ?? 10) - 1) * LETTERS_PER_WIDTH))
        : 1;
    }),
  );
}
