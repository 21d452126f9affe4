/**
 * XLSX through exceljs's streaming reader (after the zip pre-scan): the first sheet whose first rows
 * hold a model header, title rows above the header allowed. Formula cells give their cached result and
 * are never evaluated; rich text and hyperlinks give their text.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { analyseHeaders } from '../../../shared/inventory/aliases';
import type { CellValue } from '../../../shared/inventory/normalise';
import { UnusableFileError } from './errors';
import { sheetNames } from './sheet-names';

/** How far down a sheet the header row may be. */
const HEADER_SEARCH_ROWS = 30;

export interface XlsxTable {
  sheet: string;
  headerRow: number;
  headers: string[];
  rows: { row: number; cells: CellValue[] }[];
}

function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number')
    return Number.isInteger(value) && Math.abs(value) < 1e21 ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('formula' in value || 'sharedFormula' in value)
      return cellValue((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('hyperlink' in value) {
      const linkText = (value as { text?: unknown }).text;
      return typeof linkText === 'string' ? linkText : '';
    }
    if ('error' in value) return null;
  }
  return null;
}

function rowCells(row: ExcelJS.Row): CellValue[] {
  const values = row.values as ExcelJS.CellValue[];
  const cells: CellValue[] = [];
  for (let i = 1; i < values.length; i++) cells.push(cellValue(values[i] ?? null));
  return cells;
}

const asText = (cells: readonly CellValue[]) =>
  cells.map((c) => (c instanceof Date ? c.toISOString() : (c ?? '')));

/** What a header row must hold: an inventory's by default (model and serial or device ID columns). */
export interface HeaderRule {
  isHeaderRow(texts: readonly string[]): boolean;
  /** "a model column together with a serial number or device ID column" */
  description: string;
}

export const INVENTORY_HEADER: HeaderRule = {
  isHeaderRow: (texts) => analyseHeaders(texts).missing.length === 0,
  description: 'a model column together with a serial number or device ID column',
};

export async function readXlsx(
  bytes: Uint8Array,
  maxRows: number,
  onRow?: (count: number) => void,
  rule: HeaderRule = INVENTORY_HEADER,
): Promise<XlsxTable> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(
    Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]),
    {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'cache',
      worksheets: 'emit',
      entries: 'emit',
    },
  );
  const names = await sheetNames(bytes);
  // Until it has read xl/workbook.xml (often the last part) the reader has no model to look sheets up in.
  const pending = reader as unknown as { model?: { sheets: unknown[] } };
  pending.model ??= { sheets: [] };
  let firstRows: string[] | null = null;
  try {
    for await (const sheetReader of reader) {
      const sheet = sheetReader as unknown as AsyncIterable<ExcelJS.Row> & {
        name?: string;
        id?: number;
      };
      let header: { row: number; headers: string[] } | null = null;
      const rows: XlsxTable['rows'] = [];
      for await (const row of sheet) {
        const cells = rowCells(row);
        if (!header) {
          const texts = asText(cells).map((t) => t.trim());
          if (firstRows === null && texts.some(Boolean)) firstRows = texts.filter(Boolean);
          if (rule.isHeaderRow(texts)) header = { row: row.number, headers: texts };
          else if (row.number >= HEADER_SEARCH_ROWS) break;
          continue;
        }
        if (rows.length >= maxRows)
          throw new UnusableFileError(
            `the sheet has more than ${maxRows.toLocaleString('en')} rows, the most one import takes`,
          );
        rows.push({ row: row.number, cells });
        if (rows.length % 10_000 === 0) onRow?.(rows.length);
      }
      if (header)
        return {
          // Before the workbook part was read the reader's id is the file number and its name a default.
          sheet:
            (pending.model?.sheets.length ? sheet.name : names.get(String(sheet.id))) ??
            sheet.name ??
            `Sheet ${sheet.id ?? 1}`,
          headerRow: header.row,
          headers: header.headers,
          rows,
        };
    }
  } catch (error) {
    if (error instanceof UnusableFileError) throw error;
    throw new UnusableFileError(
      `the workbook could not be read (${error instanceof Error ? error.message : String(error)}); open it in Excel and save it again as "Excel Workbook (.xlsx)"`,
    );
  }
  const found = firstRows ?? [];
  throw new UnusableFileError(
    `no sheet has ${rule.description} in its first ${HEADER_SEARCH_ROWS} rows. Headers found: ${found.length ? found.join(', ') : 'none'}`,
  );
}
