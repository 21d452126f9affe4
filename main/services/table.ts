/**
 * A table file users bring, CSV or XLSX, as header and rows of cells: the one reader behind inventory
 * imports and the contract register. XLSX passes the zip pre-scan first; CSV is decoded (UTF-8, UTF-16,
 * Windows-1252) and its separator detected.
 */
import { parseCsv } from './inventory/csv';
import { decodeText, sniffFormat } from './inventory/decode';
import { UnusableFileError } from './inventory/errors';
import type { HeaderRule, TableRow } from './inventory/xlsx';

export interface Table {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
  headerRow: number;
  headers: string[];
  rows: TableRow[];
}

export interface TableLimits {
  maxBytes: number;
  maxRows: number;
  /** How an XLSX sheet's header row is recognised (a CSV's is its first row). */
  rule: HeaderRule;
  onProgress?: (rows: number) => void;
}

export async function readTableFile(bytes: Uint8Array, limits: TableLimits): Promise<Table> {
  if (bytes.byteLength > limits.maxBytes) {
    throw new UnusableFileError(
      `the file is ${Math.round(bytes.byteLength / 2 ** 20)} MB, larger than the ${limits.maxBytes / 2 ** 20} MB one import takes`,
    );
  }
  if (sniffFormat(bytes) === 'xlsx') {
    // The zip and XML readers load only when a workbook comes.
    const { readXlsx } = await import('./inventory/xlsx');
    const table = await readXlsx(bytes, limits.maxRows, limits.onProgress, limits.rule);
    return { format: 'xlsx', encoding: null, delimiter: null, ...table };
  }
  const { text, encoding } = decodeText(bytes);
  const csv = parseCsv(text, limits.maxRows + 1);
  const [header, ...rows] = csv.rows;
  if (!header || rows.length === 0)
    throw new UnusableFileError(
      header ? 'the file has a header but no data rows: no data' : 'the file has no rows: no data',
    );
  return {
    format: 'csv',
    encoding,
    delimiter: csv.separator,
    sheet: null,
    headerRow: header.row,
    headers: header.cells.map((h) => h.trim()),
    rows,
  };
}
