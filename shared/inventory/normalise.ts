/**
 * One inventory row → a device, or the reason it cannot be used (FORMATS.md §1, TERMS.md §2). Text is
 * NFC-normalised; identities lose invisible characters (zero-width, bidi controls) so a pasted serial
 * matches the real one; control characters in an identity or model reject the row.
 */
import { unguardFormula } from '../csv';
import type { Device, DeviceField } from '../model/device';
import { deviceIdentity } from './identity';
import type { HeaderMapping } from './aliases';
import { excelDateInstant, parseLastDetected, type DateOrder } from './dates';
import { readLensState, stateWord } from './lens-state';

/** A cell as read: text, or an Excel date. */
export type CellValue = string | Date | null;

export interface Rejection {
  row: number;
  reason: string;
}

const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;
const CONTROL_ALL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

const ONLINE = new Set(['online', 'true', 'ansluten', 'connected', 'yes', 'ja', '1']);
const OFFLINE = new Set([
  'offline',
  'false',
  'frånkopplad',
  'frankopplad',
  'disconnected',
  'no',
  'nej',
  '0',
]);

/** Online, offline, not reported (also for a device the status marks deleted or archived), or invalid. */
export function parseStatus(text: string): boolean | null | 'invalid' {
  const value = text.trim().toLowerCase();
  if (!value || stateWord(value)) return null;
  if (ONLINE.has(value)) return true;
  if (OFFLINE.has(value)) return false;
  return 'invalid';
}

/** Printable ASCII only: nothing to normalise, nothing invisible, no control character. */
const PLAIN = /^[\u0020-\u007e]*$/;

/**
 * A cell's text, its formula guard taken off (shared/csv.ts), NFC, with what `strip` matches removed. Plain ASCII (nearly every cell of an export)
 * is returned as it is after one test.
 */
function text(cell: CellValue | undefined, strip: RegExp | null): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString();
  const read = unguardFormula(cell);
  if (PLAIN.test(read)) return read;
  const value = read.normalize('NFC');
  return strip ? value.replace(strip, '') : value;
}

export interface NormaliseContext {
  mapping: HeaderMapping;
  /** null: Last Detected is left unread (null), for the caller to read once the file's order is known. */
  dateOrder: DateOrder | null;
  /** Last Detected values read so far in this file: an export repeats many. */
  dates?: Map<string, string | null>;
  /** The texts of this file's repeating columns (model, site, account…), each kept once. */
  texts?: SharedTexts;
}

/**
 * What each distinct text of a file's repeating columns (a model, a site, an account, a status) was
 * read as, per way of reading it: 100,000 devices hold a few hundred strings instead of 700,000 (the
 * collector need not copy them) and a status is parsed once per word. Holds at most `MAX_SHARED`
 * texts, so a file whose "repeating" columns never repeat costs no more than before.
 */
export class SharedTexts {
  private readonly known = new Map<(raw: string) => unknown, Map<string, unknown>>();
  private size = 0;
  static readonly MAX_SHARED = 50_000;

  /** What `raw` reads as by `read`, read the first time `raw` is met. */
  of<T>(raw: string, read: (raw: string) => T): T {
    let known = this.known.get(read) as Map<string, T> | undefined;
    if (!known) {
      known = new Map<string, T>();
      this.known.set(read, known);
    }
    const found = known.get(raw);
    if (found !== undefined || known.has(raw)) return found as T;
    const value = read(raw);
    if (this.size < SharedTexts.MAX_SHARED) {
      known.set(raw, value);
      this.size++;
    }
    return value;
  }
}

type Cleaning = (value: CellValue | undefined) => string;

/** Text other than identities: control characters removed, trimmed. */
const cleanText: Cleaning = (value) => text(value, CONTROL_ALL).trim();
/** A model: invisible characters removed (a control character left rejects the row), trimmed. */
const modelText: Cleaning = (value) => text(value, INVISIBLE).trim();
/** A status cell as parseStatus reads it. */
const statusOf = (value: string) => parseStatus(text(value, null));

const IN_SERVICE = { state: null } as const;

/**
 * A Last Detected cell as an ISO instant, null when empty, or why the row cannot be used; `dates`
 * remembers the values read so far in this file.
 */
export function readLastDetected(
  cell: CellValue | undefined,
  dateOrder: DateOrder,
  dates?: Map<string, string | null>,
): string | null | { rejection: string } {
  if (cell instanceof Date) return excelDateInstant(cell);
  if (!cell || !cell.trim()) return null;
  const known = dates?.get(cell);
  const instant = known !== undefined ? known : parseLastDetected(cell, dateOrder);
  if (known === undefined) dates?.set(cell, instant);
  return instant ?? { rejection: `Last Detected ${JSON.stringify(cell.trim())} is not a date` };
}

export type NormalisedRow = { device: Device } | { rejection: string };

/** Normalises one row; `row` is its number as a spreadsheet shows it. */
export function normaliseRow(
  cells: readonly CellValue[],
  { mapping, dateOrder, dates, texts }: NormaliseContext,
): NormalisedRow {
  const cell = (name: DeviceField) => {
    const column = mapping[name];
    return column === undefined ? undefined : cells[column];
  };
  // Identities and the model lose invisible characters; a control character left rejects the row.
  // Other text loses control characters.
  const clean = (name: DeviceField) => cleanText(cell(name));
  const repeating = (name: DeviceField, cleaning = cleanText) => {
    const value = cell(name);
    return texts && typeof value === 'string' ? texts.of(value, cleaning) : cleaning(value);
  };
  const model = repeating('model', modelText);
  if (!model) return { rejection: 'no model' };
  if (CONTROL.test(model)) return { rejection: 'the model contains control characters' };
  const serial = text(cell('serial'), INVISIBLE);
  const deviceId = text(cell('deviceId'), INVISIBLE);
  if (CONTROL.test(serial) || CONTROL.test(deviceId))
    return { rejection: 'the serial number or device ID contains control characters' };
  const id = deviceIdentity(serial, deviceId);
  if (id === null) return { rejection: 'no serial number or device ID' };

  const statusCell = cell('status');
  const rawStatus = text(statusCell, null);
  const online =
    texts && typeof statusCell === 'string'
      ? texts.of(statusCell, statusOf)
      : parseStatus(rawStatus);
  if (online === 'invalid')
    return {
      rejection: `status ${JSON.stringify(rawStatus.trim())} is not Online/Offline, true/false or Ansluten/Frånkopplad`,
    };
  // Most files have no mark column and an Online/Offline status: nothing more to read per row.
  const unmarked =
    mapping.deleted === undefined &&
    mapping.archived === undefined &&
    mapping.state === undefined &&
    (online !== null || !rawStatus);
  const marked = unmarked
    ? IN_SERVICE
    : readLensState({
        deleted: clean('deleted'),
        archived: clean('archived'),
        state: clean('state'),
        status: rawStatus,
      });
  if ('rejection' in marked) return marked;

  const detectedColumn = mapping.lastDetected;
  let lastDetected: string | null = null;
  if (dateOrder !== null) {
    const detected = readLastDetected(
      detectedColumn === undefined ? null : cells[detectedColumn],
      dateOrder,
      dates,
    );
    if (typeof detected !== 'string' && detected !== null) return detected;
    lastDetected = detected;
  }

  const room = repeating('room');
  return {
    device: {
      id,
      serial: serial.trim(),
      deviceId: deviceId.trim(),
      model,
      name: clean('name'),
      site: repeating('site'),
      room: room === '-' ? '' : room,
      softwareVersion: repeating('softwareVersion'),
      online,
      lastDetected,
      account: repeating('account'),
      accountId: repeating('accountId'),
      mac: clean('mac'),
      hardwareFamily: repeating('hardwareFamily'),
      ...(marked.state ? { lensState: marked.state } : {}),
    },
  };
}
