/**
 * Tables to an .xlsx workbook with exceljs's streaming writer and shared styles: typed cells (numbers as
 * numbers, dates as dates, IDs and serials as text), a frozen bold header, filters and column widths.
 * Text is always written as a text cell, so no user text can become a formula or a link.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CapabilityInput } from '../../shared/api';

type Spec = CapabilityInput<'buildWorkbook'>;
type Column = Spec['sheets'][number]['columns'][number];
type Cell = Spec['sheets'][number]['rows'][number][number];

const HEADER_FONT = { bold: true };
const FORMATS: Partial<Record<Column['type'], string>> = {
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  number: '#,##0',
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

function typed(value: Cell, type: Column['type']): ExcelJS.CellValue {
  if (value === null) return null;
  if ((type === 'date' || type === 'datetime') && typeof value === 'string') {
    const date = new Date(type === 'date' ? `${value.slice(0, 10)}T00:00:00Z` : value);
    return Number.isNaN(date.getTime()) ? value : date;
  }
  if (type === 'number' && typeof value === 'number') return value;
  if (type === 'boolean' && typeof value === 'boolean') return value;
  return String(value);
}

export async function buildWorkbook(spec: Spec): Promise<Uint8Array> {
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
  for (const sheet of spec.sheets) {
    const worksheet = workbook.addWorksheet(sheetName(sheet.name), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    worksheet.columns = sheet.columns.map((c, i) => ({
      key: String(i),
      width: c.width ?? Math.min(60, Math.max(10, c.header.length + 2)),
      style: FORMATS[c.type] ? { numFmt: FORMATS[c.type] } : {},
    }));
    const header = worksheet.addRow(sheet.columns.map((c) => c.header));
    header.font = HEADER_FONT;
    header.commit();
    worksheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: 1, column: sheet.columns.length },
    };
    for (const row of sheet.rows)
      worksheet.addRow(sheet.columns.map((c, i) => typed(row[i] ?? null, c.type))).commit();
    worksheet.commit();
  }
  await workbook.commit();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
