/**
 * Devices as columns, the way a device list holds them (./device-list): sorted by identity, each text
 * field a column, a column with few distinct values (model, site, software version, account) a
 * dictionary and an index per device, online as one digit per device and Last Detected as a number
 * relative to the latest one. Encoded and decoded in single passes: this runs for every device.
 */
import type { Device, LensState } from '../model/device';

/** The device fields kept as text columns. */
export const TEXT_FIELDS = [
  'serial',
  'deviceId',
  'model',
  'name',
  'site',
  'room',
  'softwareVersion',
  'account',
  'accountId',
  'mac',
  'hardwareFamily',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** A text column: the values themselves, or a dictionary and each device's index into it. */
export type Column = string[] | { values: string[]; index: number[] };

/** What changes every month for most devices: online, and Last Detected. */
export interface SeenColumns {
  /** 1 online, 0 offline, 2 not reported: one digit per device. */
  online: string;
  /**
   * The latest Last Detected in `detectedUnit` milliseconds since the epoch (1000: whole seconds, as
   * Lens gives them), and each device's units before it (-1: never detected).
   */
  detectedUnit: 1 | 1000;
  detectedBase: number;
  detectedBefore: number[];
}

export interface DeviceColumns extends SeenColumns {
  /** Identities, sorted. */
  ids: string[];
  text: Record<TextField, Column>;
  /**
   * Lens's mark per device, one letter each: d deleted, a archived, - none. Absent when no device has
   * one (as in every list kept before marks were read), so such a list's hash stays what it was.
   */
  states?: string;
}

const STATE_LETTER = { deleted: 'd', archived: 'a' } as const;
const STATE_OF_LETTER: Readonly<Record<string, LensState>> = { d: 'deleted', a: 'archived' };

function encodeStates(sorted: readonly Device[]): { states?: string } {
  if (!sorted.some((d) => d.lensState)) return {};
  return { states: sorted.map((d) => (d.lensState ? STATE_LETTER[d.lensState] : '-')).join('') };
}

/** How many values decide whether a column is a dictionary (all of them, in a smaller list). */
const SAMPLE = 1024;

function encodeColumn(values: string[]): Column {
  // A dictionary pays when values repeat: when at most half of the first SAMPLE values are distinct.
  // Serials, MACs and names are distinct, and cost no dictionary lookups at all.
  const sample = Math.min(values.length, SAMPLE);
  if (new Set(values.slice(0, sample)).size * 2 >= sample) return values;
  const dictionary = new Map<string, number>();
  const index = new Array<number>(values.length);
  for (let n = 0; n < values.length; n++) {
    const value = values[n] ?? '';
    let i = dictionary.get(value);
    if (i === undefined) {
      i = dictionary.size;
      dictionary.set(value, i);
    }
    index[n] = i;
  }
  return { values: [...dictionary.keys()], index };
}

const decodeColumn = (column: Column, i: number): string =>
  (Array.isArray(column) ? column[i] : column.values[column.index[i] ?? -1]) ?? '';

export function encodeSeen(sorted: readonly Device[]): SeenColumns {
  // Parsed once per distinct value: a month's export repeats many Last Detected values.
  const parsed = new Map<string, number>();
  const parse = (text: string) => {
    let ms = parsed.get(text);
    if (ms === undefined) {
      ms = Date.parse(text);
      parsed.set(text, ms);
    }
    return ms;
  };
  const millis = sorted.map((d) => (d.lastDetected ? parse(d.lastDetected) : null));
  const unit = millis.every((ms) => ms === null || ms % 1000 === 0) ? 1000 : 1;
  const detected = millis.map((ms) => (ms === null ? null : ms / unit));
  const base = detected.reduce<number>((max, s) => (s !== null && s > max ? s : max), 0);
  return {
    online: sorted.map((d) => (d.online === null ? '2' : d.online ? '1' : '0')).join(''),
    detectedUnit: unit,
    detectedBase: base,
    detectedBefore: detected.map((s) => (s === null ? -1 : base - s)),
  };
}

export function encodeColumns(sorted: readonly Device[]): DeviceColumns {
  // One pass, each field named (spelled out: a property read by a variable name is several times
  // slower, and this runs for every device of an import).
  const n = sorted.length;
  const ids = new Array<string>(n);
  const columns = {} as Record<TextField, string[]>;
  for (const field of TEXT_FIELDS) columns[field] = new Array<string>(n);
  const { serial, deviceId, model, name, site, room, softwareVersion, account, accountId, mac } =
    columns;
  const hardwareFamily = columns.hardwareFamily;
  for (let i = 0; i < n; i++) {
    const d = sorted[i] as Device;
    ids[i] = d.id;
    serial[i] = d.serial;
    deviceId[i] = d.deviceId;
    model[i] = d.model;
    name[i] = d.name;
    site[i] = d.site;
    room[i] = d.room;
    softwareVersion[i] = d.softwareVersion;
    account[i] = d.account;
    accountId[i] = d.accountId;
    mac[i] = d.mac;
    hardwareFamily[i] = d.hardwareFamily;
  }
  const text = {} as Record<TextField, Column>;
  for (const field of TEXT_FIELDS) text[field] = encodeColumn(columns[field]);
  return { ids, text, ...encodeSeen(sorted), ...encodeStates(sorted) };
}

/** An instant as the import writes it: whole seconds without ".000". */
const instant = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** Each device's online and Last Detected; an instant is written once per distinct value. */
export function seenReader(
  seen: SeenColumns,
): (i: number) => Pick<Device, 'online' | 'lastDetected'> {
  const instants = new Map<number, string>();
  return (i) => {
    const before = seen.detectedBefore[i] ?? -1;
    const online = seen.online[i];
    let lastDetected = null;
    if (before >= 0) {
      lastDetected = instants.get(before) ?? null;
      if (lastDetected === null) {
        lastDetected = instant((seen.detectedBase - before) * seen.detectedUnit);
        instants.set(before, lastDetected);
      }
    }
    return { online: online === '2' ? null : online === '1', lastDetected };
  };
}

export function decodeColumns(
  columns: DeviceColumns,
  start = 0,
  end = columns.ids.length,
): Device[] {
  const seenAt = seenReader(columns);
  const states = columns.states;
  return columns.ids.slice(start, end).map((id, k) => {
    const i = start + k;
    const field = (name: TextField) => decodeColumn(columns.text[name], i);
    const lensState = states === undefined ? undefined : STATE_OF_LETTER[states[i] ?? '-'];
    return {
      id,
      serial: field('serial'),
      deviceId: field('deviceId'),
      model: field('model'),
      name: field('name'),
      site: field('site'),
      room: field('room'),
      softwareVersion: field('softwareVersion'),
      ...seenAt(i),
      account: field('account'),
      accountId: field('accountId'),
      mac: field('mac'),
      hardwareFamily: field('hardwareFamily'),
      ...(lensState ? { lensState } : {}),
    };
  });
}
