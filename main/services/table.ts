/**
 * A table file users bring, CSV or XLSX, as header and rows of cells: the one reader behind inventory
 * imports and the contract register. XLSX passes the zip pre-scan first; CSV is decoded (UTF-8, UTF-16,
 * Windows-1252) and its separator detected.
 */
import { readCsvRows } from './inventory/csv';
import { decodeText, sniffFormat } from './inventory/decode';
import { UnusableFileError } from './inventory/errors';
import type { HeaderRule, TableRow } from './inventory/xlsx';

/** A table file's header and what it is: everything but its rows. */
export interface TableHead {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
  headerRow: number;
  headers: string[];
}

export interface Table extends TableHead {
  rows: TableRow[];
}

export interface TableLimits {
  maxBytes: number;
  maxRows: number;
  /** How an XLSX sheet's header row is recognised (a CSV's is its first row). */
  rule: HeaderRule;
  onProgress?: (rows: number) => void;
}

/** Where a table's rows go as they are read: its head once, before the first row. */
export interface TableSink {
  head(head: TableHead): void;
  row(row: TableRow): void;
}

/** The whole table at once. */
export async function readTableFile(bytes: Uint8Array, limits: TableLimits): Promise<Table> {
  const rows: TableRow[] = [];
  let head: TableHead | null = null;
  await readTableRows(bytes, limits, { head: (h) => (head = h), row: (r) => rows.push(r) });
  // readTableRows gives the head or throws.
  return { ...head!, rows };
}

/**
 * Reads a table file row by row into `sink`: a CSV's rows as they are parsed (an export of 100,000
 * devices is never held as a table), an XLSX sheet's once read. Answers how many data rows it read.
 */
export async function readTableRows(
  bytes: Uint8Array,
  limits: TableLimits,
  sink: TableSink,
): Promise<number> {
  if (bytes.byteLength > limits.maxBytes) {
    throw new UnusableFileError(
      `the file is ${Math.round(bytes.byteLength / 2 ** 20)} MB, larger than the ${limits.maxBytes / 2 ** 20} MB one import takes`,
    );
  }
  if (sniffFormat(bytes) === 'xlsx') {
    // The zip and XML readers load only when a workbook comes.
    const { readXlsx } = await import('./inventory/xlsx');
    const { rows, ...head } = await readXlsx(bytes, limits.maxRows, limits.onProgress, limits.rule);
    sink.head({ format: 'xlsx', encoding: null, delimiter: null, ...head });
    for (const row of rows) sink.row(row);
    return rows.length;
  }
  const { text, encoding } = decodeText(bytes);
  let rows = -1;
  readCsvRows(text, limits.maxRows + 1, (row, delimiter) => {
    if (rows++ >= 0) sink.row(row);
    else
      sink.head({
        format: 'csv',
        encoding,
        delimiter,
        sheet: null,
        headerRow: row.row,
        headers: row.cells.map((h) => h.trim()),
      });
  });
  if (rows <= 0) throw noData(rows === 0);
  return rows;
}

const noData = (hasHeader: boolean) =>
  new UnusableFileError(
    hasHeader ? 'the file has a header but no data rows: no data' : 'the file has no rows: no data',
  );
