/**
 * A Lens inventory file, CSV or XLSX, from bytes to counted devices (FORMATS.md §1, TERMS.md §1–2).
 * The app (in a worker) and `csm inspect` both read files through this one function.
 */
import { createHash } from 'node:crypto';
import { MAX_INVENTORY_BYTES } from '../../../shared/limits';
import {
  createCatalog,
  SHIPPED_CATALOG_ENTRIES,
  type CatalogEntry,
  type EolRecord,
} from '../../../shared/catalog';
import {
  accountsOf,
  analyseHeaders,
  dedupeDevices,
  detectDateOrder,
  displayIdentity,
  localeDateOrder,
  missingFields,
  normaliseRow,
  SharedTexts,
  type NormaliseContext,
  readLastDetected,
  type CellValue,
  summarizeInventory,
  type DateOrder,
  type HeaderMapping,
  type ParsedInventory,
  type ReadInventory,
  type Rejection,
  type RowDevice,
} from '../../../shared/inventory';
import { isCalendarDate } from '../../../shared/terms/dates';
import { readTableRows, type TableHead } from '../table';
import { UnusableFileError } from './errors';
import { INVENTORY_HEADER } from './xlsx';

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
  /** The partner's end-of-life register (TERMS.md §12). */
  eolRegister?: readonly EolRecord[];
  today: string;
  onProgress?: (done: number, total: number | null) => void;
}

function missingColumnsMessage(missing: string[], headers: string[]): string {
  const what = missing
    .map((m) =>
      m === 'model' ? 'no model column' : 'neither a serial number nor a device ID column',
    )
    .join(' and ');
  return `the file has ${what}, so nothing can be imported. Headers found: ${headers.filter(Boolean).join(', ') || 'none'}`;
}

/** The file's day/month order, from every distinct Last Detected text in it. */
function chooseDateOrder(
  values: Set<string>,
  header: string | undefined,
  locale: string,
): DateOrder {
  const decided = detectDateOrder(values);
  if (decided === 'conflict') {
    throw new UnusableFileError(
      `column "${header}" mixes day-first and month-first dates (both a day above 12 and a month above 12 appear): fix the dates or remove the column`,
    );
  }
  if (decided) return decided;
  return [...values].some((v) => /\b[AP]M\b/i.test(v)) ? 'mdy' : localeDateOrder(locale);
}

/** A row read, its Last Detected cell kept as it is until the file's date order is known. */
interface ReadRow extends RowDevice {
  detected: CellValue | undefined;
}

/**
 * The rows as they come: each becomes a device (its Last Detected left for later) or a rejection, and
 * is let go. Answers the head, the mapping and what the rows gave.
 */
async function readRows(bytes: Uint8Array, options: ParseOptions) {
  const file: { head?: TableHead } = {};
  let mapping: HeaderMapping = {};
  const read: ReadRow[] = [];
  const rejected: Rejection[] = [];
  const texts = new Set<string>();
  const shared = new SharedTexts();
  let context: NormaliseContext = { mapping, dateOrder: null, texts: shared };
  const rows = await readTableRows(
    bytes,
    {
      maxBytes: IMPORT_LIMITS.bytes,
      maxRows: IMPORT_LIMITS.rows,
      rule: INVENTORY_HEADER,
      onProgress: (n) => options.onProgress?.(n, null),
    },
    {
      head: (h) => {
        file.head = h;
        mapping = options.mapping ?? analyseHeaders(h.headers).mapping;
        const missing = missingFields(mapping);
        if (missing.length > 0)
          throw new UnusableFileError(missingColumnsMessage(missing, h.headers));
        context = { mapping, dateOrder: null, texts: shared };
      },
      row: ({ row, cells, extra }) => {
        if (extra) {
          rejected.push({ row, reason: extraReason(extra, file.head?.headers.length ?? 0) });
        } else {
          const result = normaliseRow(cells, context);
          if ('rejection' in result) rejected.push({ row, reason: result.rejection });
          else {
            const detected =
              mapping.lastDetected === undefined ? null : cells[mapping.lastDetected];
            if (typeof detected === 'string') texts.add(detected);
            read.push({ row, device: result.device, detected });
          }
        }
        if ((read.length + rejected.length) % 20_000 === 0)
          options.onProgress?.(read.length + rejected.length, null);
      },
    },
  );
  if (!file.head) throw new Error('a table was read without its header');
  return { head: file.head, mapping, read, rejected, texts, rows };
}

const extraReason = (extra: number, width: number) =>
  `the row has ${extra === 1 ? 'a value' : `${extra} values`} beyond the header's ${width} columns`;

/** The file read into devices, duplicates, rejections and accounts: what `csm` commands need. */
export async function readInventory(
  bytes: Uint8Array,
  options: ParseOptions,
): Promise<ReadInventory> {
  if (options.asOf !== undefined && !isCalendarDate(options.asOf))
    throw new UnusableFileError(`the as-of date ${options.asOf} is not a date (YYYY-MM-DD)`);
  const { head, mapping, read, rejected, texts, rows } = await readRows(bytes, options);
  const dateOrder =
    mapping.lastDetected === undefined
      ? localeDateOrder(options.locale)
      : chooseDateOrder(texts, head.headers[mapping.lastDetected], options.locale);
  // Each distinct text is read as a date once; a row whose text is no date is rejected as it would
  // have been when read.
  const dates = new Map<string, string | null>();
  const accepted: RowDevice[] = [];
  for (const entry of read) {
    const lastDetected = readLastDetected(entry.detected, dateOrder, dates);
    if (typeof lastDetected === 'string' || lastDetected === null) {
      entry.device.lastDetected = lastDetected;
      accepted.push(entry);
    } else rejected.push({ row: entry.row, reason: lastDetected.rejection });
  }
  rejected.sort((a, b) => a.row - b.row);

  const { devices: kept, duplicates } = dedupeDevices(accepted, displayIdentity);
  const devices = kept.map((k) => k.device);
  const latest = devices.reduce<string | null>(
    (max, d) => (d.lastDetected && (!max || d.lastDetected > max) ? d.lastDetected : max),
    null,
  );
  options.onProgress?.(rows, rows);
  return {
    file: options.fileName,
    ...head,
    mapping,
    dateOrder,
    asOf: options.asOf ?? latest?.slice(0, 10) ?? options.today,
    isAsOfGiven: options.asOf !== undefined,
    rows,
    devices,
    duplicates,
    rejected,
    accounts: accountsOf(devices),
  };
}

/** The file read with the figures the app's import preview shows and the hash that recognises it. */
export async function parseInventory(
  bytes: Uint8Array,
  options: ParseOptions,
): Promise<ParsedInventory> {
  const read = await readInventory(bytes, options);
  const catalog = createCatalog(
    SHIPPED_CATALOG_ENTRIES,
    options.overrides ?? [],
    options.eolRegister ?? [],
  );
  return {
    ...read,
    summary: summarizeInventory(read.devices, catalog, read.asOf),
    contentHash: createHash('sha256').update(bytes).digest('hex'),
  };
}
