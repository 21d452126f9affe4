/**
 * A Lens inventory file, CSV or XLSX, from bytes to counted devices (FORMATS.md §1, TERMS.md §1–2).
 * The app (in a worker) and `csm inspect` both read files through this one function.
 */
import { createHash } from 'node:crypto';
import { MAX_INVENTORY_BYTES } from '../../../shared/limits';
import { createCatalog, SHIPPED_CATALOG_ENTRIES, type CatalogEntry } from '../../../shared/catalog';
import {
  accountsOf,
  analyseHeaders,
  dedupeDevices,
  detectDateOrder,
  displayIdentity,
  localeDateOrder,
  missingFields,
  normaliseRow,
  summarizeInventory,
  type DateOrder,
  type HeaderMapping,
  type ParsedInventory,
  type Rejection,
  type RowDevice,
} from '../../../shared/inventory';
import { isCalendarDate } from '../../../shared/terms/dates';
import { readTableFile, type Table } from '../table';
import { UnusableFileError } from './errors';
import { INVENTORY_HEADER, type TableRow } from './xlsx';

export const IMPORT_LIMITS = {
  /** The largest file one import takes. */
  bytes: MAX_INVENTORY_BYTES,
  /** The most data rows one import takes (above Excel's 1,048,576 would be a broken file anyway). */
  rows: 1_000_000,
};

export interface ParseOptions {
  fileName: string;
  /** The inventory's as-of date; default: the latest Last Detected in it. */
  asOf?: string | undefined;
  /** The user's corrections to the detected header mapping. */
  mapping?: HeaderMapping | undefined;
  /** Day/month order for nn/nn/yyyy when the file does not decide it. */
  locale: string;
  overrides?: readonly CatalogEntry[];
  today: string;
  onProgress?: (done: number, total: number | null) => void;
}

async function readTable(bytes: Uint8Array, options: ParseOptions): Promise<Table> {
  return readTableFile(bytes, {
    maxBytes: IMPORT_LIMITS.bytes,
    maxRows: IMPORT_LIMITS.rows,
    rule: INVENTORY_HEADER,
    onProgress: (n) => options.onProgress?.(n, null),
  });
}

function missingColumnsMessage(missing: string[], headers: string[]): string {
  const what = missing
    .map((m) =>
      m === 'model' ? 'no model column' : 'neither a serial number nor a device ID column',
    )
    .join(' and ');
  return `the file has ${what}, so nothing can be imported. Headers found: ${headers.filter(Boolean).join(', ') || 'none'}`;
}

function chooseDateOrder(table: Table, mapping: HeaderMapping, locale: string): DateOrder {
  const column = mapping.lastDetected;
  if (column === undefined) return localeDateOrder(locale);
  // An export repeats its dates: each distinct value is looked at once.
  const values = new Set<string>();
  for (const { cells } of table.rows) {
    const value = cells[column];
    if (typeof value === 'string') values.add(value);
  }
  const decided = detectDateOrder(values);
  if (decided === 'conflict') {
    throw new UnusableFileError(
      `column "${table.headers[column]}" mixes day-first and month-first dates (both a day above 12 and a month above 12 appear): fix the dates or remove the column`,
    );
  }
  if (decided) return decided;
  return [...values].some((v) => /\b[AP]M\b/i.test(v)) ? 'mdy' : localeDateOrder(locale);
}

export async function parseInventory(
  bytes: Uint8Array,
  options: ParseOptions,
): Promise<ParsedInventory> {
  if (options.asOf !== undefined && !isCalendarDate(options.asOf))
    throw new UnusableFileError(`the as-of date ${options.asOf} is not a date (YYYY-MM-DD)`);
  const table = await readTable(bytes, options);
  const detected = analyseHeaders(table.headers);
  const mapping = options.mapping ?? detected.mapping;
  const missing = missingFields(mapping);
  if (missing.length > 0)
    throw new UnusableFileError(missingColumnsMessage(missing, table.headers));
  const dateOrder = chooseDateOrder(table, mapping, options.locale);

  const width = table.headers.length;
  const context = { mapping, dateOrder, dates: new Map<string, string | null>() };
  const accepted: RowDevice[] = [];
  const rejected: Rejection[] = [];
  const rows = table.rows.length;
  // Each row is let go once it is a device: the table and the devices are never both whole in memory.
  const pending: (TableRow | undefined)[] = table.rows;
  table.rows = [];
  pending.forEach((tableRow, index) => {
    pending[index] = undefined;
    const { row, cells, extra } = tableRow!;
    if (extra) {
      rejected.push({
        row,
        reason: `the row has ${extra === 1 ? 'a value' : `${extra} values`} beyond the header's ${width} columns`,
      });
    } else {
      const result = normaliseRow(cells, context);
      if ('device' in result) accepted.push({ row, device: result.device });
      else rejected.push({ row, reason: result.rejection });
    }
    if ((index + 1) % 20_000 === 0) options.onProgress?.(index + 1, rows);
  });

  const { devices: kept, duplicates } = dedupeDevices(accepted, displayIdentity);
  const devices = kept.map((k) => k.device);
  const latest = devices.reduce<string | null>(
    (max, d) => (d.lastDetected && (!max || d.lastDetected > max) ? d.lastDetected : max),
    null,
  );
  const asOf = options.asOf ?? latest?.slice(0, 10) ?? options.today;
  const catalog = createCatalog(SHIPPED_CATALOG_ENTRIES, options.overrides ?? []);
  options.onProgress?.(rows, rows);
  return {
    file: options.fileName,
    format: table.format,
    encoding: table.encoding,
    delimiter: table.delimiter,
    sheet: table.sheet,
    headerRow: table.headerRow,
    headers: table.headers,
    mapping,
    dateOrder,
    asOf,
    isAsOfGiven: options.asOf !== undefined,
    rows,
    devices,
    duplicates,
    rejected,
    summary: summarizeInventory(devices, catalog, asOf),
    accounts: accountsOf(devices),
    contentHash: createHash('sha256').update(bytes).digest('hex'),
  };
}
