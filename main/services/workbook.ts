/**
 * Workbooks (shared/workbook-spec.ts) to .xlsx with exceljs's streaming writer and shared styles: typed
 * cells (numbers as numbers, dates as dates, durations as [h]:mm, IDs and serials as text), a bold
 * frozen header with filters, column widths, title lines, small tables below the main one, print setup
 * with header and footer. Text is always a text cell: no user text can become a
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

/** A sheet name Excel accepts: no []:*?/\ characters, at most 31 long, not empty. */
export function sheetName(name: string): string {
  return (
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet'
  );
}

function typed(value: CellSpec, type: ColumnType): ExcelJS.CellValue {
  if (value === null) return null;
  if ((type === 'date' || type === 'datetime') && typeof value === 'string') {
    const date = new Date(type === 'date' ? `${value.slice(0, 10)}T00:00:00Z` : value);
    return Number.isNaN(date.getTime()) ? value : date;
  }
  if (type === 'duration' && typeof value === 'number') return value / 1440;
  if (type !== 'text' && type !== 'boolean' && typeof value === 'number') return value;
  if (type === 'boolean' && typeof value === 'boolean') return value;
  return String(value);
}

/** Page header/footer text: '&' is a code there, so it is doubled. */
const headerText = (text: string) => text.replaceAll('&', '&&');

function writeHeader(worksheet: ExcelJS.Worksheet, columns: readonly ColumnSpec[]): number {
  const header = worksheet.addRow(columns.map((c) => c.header));
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = HEADER_BORDER;
    cell.numFmt = '@';
  });
  const number = header.number;
  header.commit();
  return number;
}

function writeBlock(
  worksheet: ExcelJS.Worksheet,
  block: NonNullable<SheetSpec['blocks']>[number],
): void {
  worksheet.addRow([]).commit();
  const heading = worksheet.addRow([block.heading]);
  heading.font = { bold: true, size: 12 };
  heading.commit();
  writeHeader(worksheet, block.columns);
  for (const values of block.rows) {
    const row = worksheet.addRow(block.columns.map((c, i) => typed(values[i] ?? null, c.type)));
    block.columns.forEach((c, i) => {
      const format = FORMATS[c.type];
      if (format) row.getCell(i + 1).numFmt = format;
    });
    row.commit();
  }
}

function columnWidths(sheet: SheetSpec): number[] {
  const all = [sheet.columns, ...(sheet.blocks ?? []).map((b) => b.columns)];
  const count = Math.max(...all.map((c) => c.length));
  return Array.from({ length: count }, (_, i) =>
    Math.max(
      10,
      ...all.map((columns) => {
        const c = columns[i];
        return c ? (c.width ?? Math.min(60, c.header.length + 2)) : 0;
      }),
    ),
  );
}

function writeSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: SheetSpec): void {
  const title = sheet.title ?? [];
  const headerRow = title.length > 0 ? title.length + 2 : 1;
  const worksheet = workbook.addWorksheet(sheetName(sheet.name), {
    views: [{ state: 'frozen', ySplit: headerRow }],
    pageSetup: sheet.print
      ? {
          orientation: sheet.print.landscape ? 'landscape' : 'portrait',
          paperSize: 9,
          fitToPage: true,
          fitToWidth: 1,
          fitToHeight: 0,
          printTitlesRow: `${headerRow}:${headerRow}`,
        }
      : {},
    headerFooter: sheet.print
      ? {
          oddHeader: `&L${headerText(sheet.print.header)}&R&D`,
          oddFooter: `&L${headerText(sheet.print.footer)}&RPage &P / &N`,
        }
      : {},
  });
  const widths = columnWidths(sheet);
  worksheet.columns = widths.map((width, i) => {
    const format = sheet.columns[i] ? FORMATS[sheet.columns[i].type] : undefined;
    return { key: String(i), width, style: format ? { numFmt: format } : {} };
  });
  title.forEach((line, i) => {
    const row = worksheet.addRow([line]);
    row.getCell(1).numFmt = '@';
    row.font = i === 0 ? { bold: true, size: 14 } : { size: 11 };
    row.commit();
  });
  if (title.length > 0) worksheet.addRow([]).commit();
  writeHeader(worksheet, sheet.columns);
  if (!sheet.blocks?.length)
    worksheet.autoFilter = {
      from: { row: headerRow, column: 1 },
      to: { row: headerRow, column: sheet.columns.length },
    };
  for (const values of sheet.rows)
    worksheet.addRow(sheet.columns.map((c, i) => typed(values[i] ?? null, c.type))).commit();
  for (const block of sheet.blocks ?? []) writeBlock(worksheet, block);
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
  for (const sheet of spec.sheets) writeSheet(workbook, sheet);
  await workbook.commit();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
