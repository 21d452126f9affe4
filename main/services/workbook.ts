/**
 * Workbooks (shared/workbook-spec.ts) to .xlsx with exceljs's streaming writer and shared styles: typed
 * cells (numbers as numbers, dates as dates, durations as [h]:mm, IDs and serials as text), a bold
 * frozen header with filters, column widths, title lines, small tables below the main one, print setup
 * with header and footer, the partner's colour and logo, and chart pictures. Text is always a text cell: no user text can become a
 * formula or a link.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ColumnSpec, SheetSpec, WorkbookSpec } from '../../shared/workbook-spec';
import { xmlSafe } from '../../shared/xml-text';
import { CHART_SIZE, lineChartPng } from './chart-image';
import { addImages, type SheetImage } from './xlsx-images';
import { columnWidths, isLandscapeSheet } from './sheet-geometry';
import {
  FORMATS,
  isIndented,
  LINE_HEIGHT,
  RIGHT_ALIGNED,
  SharedStyles,
  wrappedLines,
} from './workbook-cells';
import { imageSize } from '../../shared/reports/logo';

const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFE9ECEF' },
};
const HEADER_BORDER: Partial<ExcelJS.Borders> = {
  bottom: { style: 'thin', color: { argb: 'FF868E96' } },
};

/** A sheet name Excel accepts: no []:*?/\ characters, at most 31 long, not empty. */
export function sheetName(name: string): string {
  return (
    xmlSafe(name)
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet'
  );
}

/** Page header/footer text: '&' is a code there, so it is doubled. */
const headerText = (text: string) => xmlSafe(text).replaceAll('&', '&&');

/** "Page {page} of {pages}" as a footer's codes, in the words the sheet's language gives. */
const pageNumberCode = (template = 'Page {page} of {pages}') =>
  headerText(template).replace('{page}', '&P').replace('{pages}', '&N');

/** The cells' font, named on titles and headings too (a reader draws an unnamed font in its own). */
const FONT = 'Calibri';

/** A one-page sheet's margins in inches: narrow at the sides, so its columns print at full size. */
const ONE_PAGE_MARGINS = {
  left: 0.35,
  right: 0.35,
  top: 0.6,
  bottom: 0.6,
  header: 0.3,
  footer: 0.3,
};

/** The logo's printed size in pixels: this tall, unless that would make it wider than its room. */
const LOGO_BOX = { width: 200, height: 48 };

/** The column letters of the n-th column (1: A, 27: AA). */
function columnLetter(n: number): string {
  let letters = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26))
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** The last row a sheet writes: its title, header, rows and every block below. */
function lastRowOf(sheet: SheetSpec): number {
  const blocks = (sheet.blocks ?? []).reduce(
    (n, b) => n + (b.hasHeader === false ? 2 : 3) + b.rows.length,
    0,
  );
  return headerRowOf(sheet) + sheet.rows.length + blocks;
}

/** argb of a #rrggbb colour. */
const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

function writeHeader(
  worksheet: ExcelJS.Worksheet,
  columns: readonly ColumnSpec[],
  look: Look,
  widths: readonly number[],
  colors: ReadonlyMap<string, string> = new Map(),
): number {
  const header = worksheet.addRow(columns.map((c) => xmlSafe(c.header)));
  // A wrapped header's row is as tall as its longest header: no reader grows it by itself.
  const lines = Math.max(...columns.map((c, i) => wrappedLines(c.header, (widths[i] ?? 10) - 1)));
  if (lines > 1) header.height = LINE_HEIGHT * lines;
  header.eachCell((cell, n) => {
    const color = colors.get(columns[n - 1]?.header ?? '');
    const column = columns[n - 1];
    cell.font = color
      ? { name: FONT, bold: true, color: { argb: argb(color) } }
      : { name: FONT, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = look.border;
    cell.numFmt = '@';
    // A header longer than its column wraps instead of being cut off; a figure's sits over its figures.
    cell.alignment = {
      wrapText: true,
      vertical: 'bottom',
      ...(column && RIGHT_ALIGNED.has(column.type) ? { horizontal: 'right' } : {}),
      // Over an indented column's cells, indented as they are (workbook-cells.ts).
      ...(isIndented(columns, n - 1) ? { horizontal: 'left', indent: 1 } : {}),
    };
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
  heading.font = { name: FONT, bold: true, size: 12, color: look.title };
  heading.commit();
  if (block.hasHeader !== false) writeHeader(worksheet, block.columns, look, widths);
  styles.writeRows(worksheet, block.columns, block.rows, widths);
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

/**
 * Fitted to the page's width, the header row on every page, A4; portrait or landscape as the columns
 * need, or a portrait page fitted 1 × 1 between narrow margins for a one-page sheet.
 */
function pageSetupOf(sheet: SheetSpec, widths: readonly number[]): Partial<ExcelJS.PageSetup> {
  if (!sheet.print) return {};
  const headerRow = headerRowOf(sheet);
  const isOnePage = sheet.print.onePage === true;
  return {
    orientation: isLandscapeSheet(sheet, widths) ? 'landscape' : 'portrait',
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: isOnePage ? 1 : 0,
    ...(isOnePage ? { margins: ONE_PAGE_MARGINS } : {}),
    printTitlesRow: `${headerRow}:${headerRow}`,
    printArea: `A1:${columnLetter(widths.length)}${lastRowOf(sheet)}`,
  };
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
  const isOnePage = sheet.print?.onePage === true;
  const worksheet = workbook.addWorksheet(sheetName(sheet.name), {
    views: isOnePage
      ? [{ state: 'normal', showGridLines: false }]
      : [{ state: 'frozen', ySplit: headerRow }],
    pageSetup: pageSetupOf(sheet, widths),
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
    row.font =
      i === 0 ? { name: FONT, bold: true, size: 14, color: look.title } : { name: FONT, size: 11 };
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
  styles.writeRows(worksheet, sheet.columns, sheet.rows, widths);
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
    // A logo whose size cannot be read (one stored before logos were checked) is drawn 3:1.
    const size = imageSize(bytes) ?? { width: 3, height: 1 };
    const scale = Math.min(LOGO_BOX.height / size.height, LOGO_BOX.width / size.width);
    images.push({
      sheet: 1,
      bytes,
      extension: logo.type,
      column: Math.max(4, first.columns.length - 3),
      row: 0,
      width: Math.round(size.width * scale),
      height: Math.round(size.height * scale),
      description: 'Logo',
    });
  }
  return images;
}
