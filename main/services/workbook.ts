/**
 * Workbooks (shared/workbook-spec.ts) to .xlsx with exceljs's streaming writer and shared styles: typed
 * cells (numbers as numbers, dates as dates, durations as [h]:mm, IDs and serials as text), a bold
 * frozen header with filters, column widths, title lines, small tables below the main one, print setup
 * with header and footer, the partner's colour and logo, and chart pictures. Text is always a text cell: no user text can become a
 * formula or a link.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type {
  CellSpec,
  ColumnSpec,
  ColumnType,
  SheetSpec,
  WorkbookSpec,
} from '../../shared/workbook-spec';
import { xmlSafe } from '../../shared/xml-text';
import { CHART_SIZE, lineChartPng } from './chart-image';
import { addImages, type SheetImage } from './xlsx-images';
import { columnWidths, isLandscapeSheet } from './sheet-geometry';

const FORMATS: Record<ColumnType, string | undefined> = {
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
const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFE9ECEF' },
};
const HEADER_BORDER: Partial<ExcelJS.Borders> = {
  bottom: { style: 'thin', color: { argb: 'FF868E96' } },
};

/** A row's own style: exceljs has it, its types do not. */
type StyledRow = ExcelJS.Row & { style: Partial<ExcelJS.Style> };

/**
 * One style object per number format, shared by every cell that has it: exceljs serialises a style to
 * XML to find its id unless it has seen the very object before, which for 100,000 rows was a third of
 * the time.
 */
class SharedStyles {
  private readonly byFormat = new Map<string, Partial<ExcelJS.Style>>();
  private readonly plain: Partial<ExcelJS.Style> = {};
  /** A data row's own style (none), shared too: exceljs looks each row's up like a cell's. */
  private readonly row: Partial<ExcelJS.Style> = {};

  of(format: string | undefined): Partial<ExcelJS.Style> {
    if (!format) return this.plain;
    let style = this.byFormat.get(format);
    if (!style) this.byFormat.set(format, (style = { numFmt: format }));
    return style;
  }

  /**
   * Writes a table's rows: each cell typed, and styled with its column's (or its own type's) shared
   * style object.
   */
  writeRows(
    worksheet: ExcelJS.Worksheet,
    columns: readonly ColumnSpec[],
    rows: readonly (readonly CellSpec[])[],
  ): void {
    const columnStyles = columns.map((c) => this.of(FORMATS[c.type]));
    for (const values of rows) {
      const row = worksheet.addRow(columns.map((c, i) => typed(values[i] ?? null, c.type)));
      (row as StyledRow).style = this.row;
      row.eachCell((cell, n) => {
        const spec = values[n - 1];
        cell.style =
          spec !== null && typeof spec === 'object'
            ? this.of(FORMATS[spec.type])
            : (columnStyles[n - 1] ?? this.plain);
      });
      row.commit();
    }
  }
}

/** A sheet name Excel accepts: no []:*?/\ characters, at most 31 long, not empty. */
export function sheetName(name: string): string {
  return (
    xmlSafe(name)
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet'
  );
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

/** Page header/footer text: '&' is a code there, so it is doubled. */
const headerText = (text: string) => xmlSafe(text).replaceAll('&', '&&');

/** "Page {page} of {pages}" as a footer's codes, in the words the sheet's language gives. */
const pageNumberCode = (template = 'Page {page} of {pages}') =>
  headerText(template).replace('{page}', '&P').replace('{pages}', '&N');

/** The column letters of the n-th column (1: A, 27: AA). */
function columnLetter(n: number): string {
  let letters = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26))
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** The last row a sheet writes: its title, header, rows and every block below. */
function lastRowOf(sheet: SheetSpec): number {
  const blocks = (sheet.blocks ?? []).reduce((n, b) => n + 3 + b.rows.length, 0);
  return headerRowOf(sheet) + sheet.rows.length + blocks;
}

/** argb of a #rrggbb colour. */
const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

/** Lines a header takes in a column of `width` characters, wrapped at its spaces. */
function headerLines(header: string, width: number): number {
  let lines = 1;
  let used = 0;
  for (const word of header.split(/\s+/)) {
    const length = Math.min(word.length, width);
    if (used > 0 && used + 1 + length > width) {
      lines++;
      used = length;
    } else used += (used > 0 ? 1 : 0) + length;
  }
  return lines;
}

function writeHeader(
  worksheet: ExcelJS.Worksheet,
  columns: readonly ColumnSpec[],
  look: Look,
  widths: readonly number[],
  colors: ReadonlyMap<string, string> = new Map(),
): number {
  const header = worksheet.addRow(columns.map((c) => xmlSafe(c.header)));
  // A wrapped header's row is as tall as its longest header: no reader grows it by itself.
  const lines = Math.max(...columns.map((c, i) => headerLines(c.header, (widths[i] ?? 10) - 1)));
  if (lines > 1) header.height = 15 * lines;
  header.eachCell((cell, n) => {
    const color = colors.get(columns[n - 1]?.header ?? '');
    cell.font = color ? { bold: true, color: { argb: argb(color) } } : { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = look.border;
    cell.numFmt = '@';
    // A header longer than its column wraps instead of being cut off.
    cell.alignment = { wrapText: true, vertical: 'bottom' };
  });
  const number = header.number;
  header.commit();
  return number;
}

function writeBlock(
  worksheet: ExcelJS.Worksheet,
  block: NonNullable<SheetSpec['blocks']>[number],
  look: Look,
  styles: SharedStyles,
  widths: readonly number[],
): void {
  worksheet.addRow([]).commit();
  const heading = worksheet.addRow([xmlSafe(block.heading)]);
  heading.font = { bold: true, size: 12, color: look.title };
  heading.commit();
  writeHeader(worksheet, block.columns, look, widths);
  styles.writeRows(worksheet, block.columns, block.rows);
}

/** Where a sheet's main header is: below its title lines and an empty row. */
const headerRowOf = (sheet: SheetSpec) =>
  (sheet.title?.length ?? 0) > 0 ? (sheet.title?.length ?? 0) + 2 : 1;

interface Look {
  title: Partial<ExcelJS.Color>;
  border: Partial<ExcelJS.Borders>;
}

function lookOf(spec: WorkbookSpec): Look {
  if (!spec.brand) return { title: {}, border: HEADER_BORDER };
  const color = { argb: argb(spec.brand.color) };
  return { title: color, border: { bottom: { style: 'medium', color } } };
}

function writeSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  sheet: SheetSpec,
  look: Look,
  styles: SharedStyles,
): void {
  const title = sheet.title ?? [];
  const headerRow = headerRowOf(sheet);
  const widths = columnWidths(sheet);
  const isLandscape = isLandscapeSheet(sheet, widths);
  const worksheet = workbook.addWorksheet(sheetName(sheet.name), {
    views: [{ state: 'frozen', ySplit: headerRow }],
    pageSetup: sheet.print
      ? {
          orientation: isLandscape ? 'landscape' : 'portrait',
          paperSize: 9,
          fitToPage: true,
          fitToWidth: 1,
          fitToHeight: 0,
          printTitlesRow: `${headerRow}:${headerRow}`,
          printArea: `A1:${columnLetter(widths.length)}${lastRowOf(sheet)}`,
        }
      : {},
    headerFooter: sheet.print
      ? {
          // No print date (&D): Excel writes it in the reader's locale, not in the sheet's language.
          oddHeader: `&L${headerText(sheet.print.header)}`,
          oddFooter: `&L${headerText(sheet.print.footer)}&R${pageNumberCode(sheet.print.pageNumber)}`,
        }
      : {},
  });
  worksheet.columns = widths.map((width, i) => {
    const format = sheet.columns[i] ? FORMATS[sheet.columns[i].type] : undefined;
    return { key: String(i), width, style: format ? { numFmt: format } : {} };
  });
  title.forEach((line, i) => {
    const row = worksheet.addRow([xmlSafe(line)]);
    row.getCell(1).numFmt = '@';
    row.font = i === 0 ? { bold: true, size: 14, color: look.title } : { size: 11 };
    row.commit();
  });
  if (title.length > 0) worksheet.addRow([]).commit();
  const colors = new Map(
    (sheet.charts ?? []).flatMap((chart) => chart.series).map((s) => [s.name, s.color]),
  );
  writeHeader(worksheet, sheet.columns, look, widths, colors);
  if (!sheet.blocks?.length)
    worksheet.autoFilter = {
      from: { row: headerRow, column: 1 },
      to: { row: headerRow, column: sheet.columns.length },
    };
  styles.writeRows(worksheet, sheet.columns, sheet.rows);
  for (const block of sheet.blocks ?? []) writeBlock(worksheet, block, look, styles, widths);
  worksheet.commit();
}

export async function buildWorkbook(spec: WorkbookSpec): Promise<Uint8Array> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve, reject) => {
    output.on('end', resolve);
    output.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  const look = lookOf(spec);
  const styles = new SharedStyles();
  for (const sheet of spec.sheets) writeSheet(workbook, sheet, look, styles);
  await workbook.commit();
  await done;
  return addImages(new Uint8Array(Buffer.concat(chunks)), imagesOf(spec));
}

/** Rows a chart picture takes (rows are 20 px high). */
const CHART_ROWS = Math.ceil(CHART_SIZE.height / 20) + 1;

/** The pictures of a workbook: each sheet's chart beside its table, the logo at the top of the first sheet. */
function imagesOf(spec: WorkbookSpec): SheetImage[] {
  // Each chart beside its table, one under the other.
  const images: SheetImage[] = spec.sheets.flatMap((sheet, i) =>
    (sheet.charts ?? []).map((chart, c) => ({
      sheet: i + 1,
      bytes: lineChartPng(chart),
      extension: 'png' as const,
      column: sheet.columns.length + 1,
      row: headerRowOf(sheet) - 1 + c * CHART_ROWS,
      ...CHART_SIZE,
      description: chart.title,
    })),
  );
  const logo = spec.brand?.logo;
  const first = spec.sheets[0];
  if (logo && first) {
    const bytes = new Uint8Array(Buffer.from(logo.base64, 'base64'));
    const size = imageSize(bytes);
    const height = 48;
    images.push({
      sheet: 1,
      bytes,
      extension: logo.type,
      column: Math.max(4, first.columns.length - 3),
      row: 0,
      width: Math.round((height * size.width) / size.height),
      height,
      description: 'Logo',
    });
  }
  return images;
}

/** Width and height of a PNG (IHDR) or JPEG (SOF marker); 3:1 when they cannot be read. */
function imageSize(bytes: Uint8Array): { width: number; height: number } {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.length > 24 && view.readUInt32BE(0) === 0x89504e47)
    return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
  for (let i = 2; i + 9 < view.length;) {
    if (view[i] !== 0xff) break;
    const marker = view[i + 1] ?? 0;
    if (marker >= 0xc0 && marker <= 0xc3)
      return { width: view.readUInt16BE(i + 7), height: view.readUInt16BE(i + 5) };
    i += 2 + view.readUInt16BE(i + 2);
  }
  return { width: 3, height: 1 };
}
