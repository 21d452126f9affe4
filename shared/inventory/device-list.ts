/**
 * An inventory's device list, kept for every import so any month can be listed (TERMS.md §10), as
 * an immutable object keyed by the hash of its content: stored once, whichever import or workstation
 * brings it, and sent between workstations as it is.
 *
 * Compact in two ways. The devices are columnar: sorted by identity, each text field a column, and a
 * column with few distinct values (model, site, software version, account) a dictionary and an index
 * per device; Last Detected as a number relative to the latest one. And a month's list is normally a
 * diff against the previous import's: the devices added or changed, the identities removed, and for
 * every other device only what changes each month (Last Detected, online). Every twelfth list, and
 * every list whose diff would not be smaller, is complete, so no list is more than eleven diffs from
 * a complete one. `npm run bench` measures what five years of 200 customers cost.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { Device } from '../model/device';

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
type TextField = (typeof TEXT_FIELDS)[number];

/** A text column: the values themselves, or a dictionary and each device's index into it. */
type Column = string[] | { values: string[]; index: number[] };

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
}

export interface DeviceList {
  version: 1;
  /** The hash of the list this one is a diff against; null for a complete list. */
  base: string | null;
  /** Diffs since the last complete list (0 for a complete one). */
  depth: number;
  /** Identities in the base list that are gone. */
  removed: string[];
  /** A complete list: every device. A diff: the devices added, or changed beyond what `seen` holds. */
  devices: DeviceColumns;
  /** A diff: online and Last Detected of every other device, in identity order. */
  seen: SeenColumns | null;
}

/** How many diffs may follow a complete list. */
export const MAX_DIFF_DEPTH = 11;

const byId = (a: Device, b: Device) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

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

function encodeSeen(sorted: readonly Device[]): SeenColumns {
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

function encodeColumns(sorted: readonly Device[]): DeviceColumns {
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
  return { ids, text, ...encodeSeen(sorted) };
}

/** An instant as the import writes it: whole seconds without ".000". */
const instant = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** Each device's online and Last Detected; an instant is written once per distinct value. */
function seenReader(seen: SeenColumns): (i: number) => Pick<Device, 'online' | 'lastDetected'> {
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

function decodeColumns(columns: DeviceColumns, start = 0, end = columns.ids.length): Device[] {
  const seenAt = seenReader(columns);
  return columns.ids.slice(start, end).map((id, k) => {
    const i = start + k;
    const field = (name: TextField) => decodeColumn(columns.text[name], i);
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
    };
  });
}

/** Same device in every field a month does not usually change (spelled out: this runs per device). */
const sameStanding = (a: Device, b: Device) =>
  a.serial === b.serial &&
  a.deviceId === b.deviceId &&
  a.model === b.model &&
  a.name === b.name &&
  a.site === b.site &&
  a.room === b.room &&
  a.softwareVersion === b.softwareVersion &&
  a.account === b.account &&
  a.accountId === b.accountId &&
  a.mac === b.mac &&
  a.hardwareFamily === b.hardwareFamily;

/** Devices in identity order: most lists come sorted already (a kept list always does). */
function sortedById(devices: readonly Device[]): Device[] {
  for (let i = 1; i < devices.length; i++)
    if ((devices[i - 1]?.id ?? '') > (devices[i]?.id ?? '')) return [...devices].sort(byId);
  return [...devices];
}

function complete(sorted: readonly Device[]): DeviceList {
  return {
    version: 1,
    base: null,
    depth: 0,
    removed: [],
    devices: encodeColumns(sorted),
    seen: null,
  };
}

/** The previous import's list, as a diff's base: its hash, depth and devices. */
export interface BaseList {
  hash: string;
  depth: number;
  devices: readonly Device[];
}

/** A list with its JSON and hash, made where the file was read (main's worker), carried to the window. */
export interface HashedList {
  hash: string;
  list: DeviceList;
  json: string;
}

/**
 * The list for `devices`: a diff against `base` where that is smaller, else complete. `whole`, where
 * given, is the complete list of exactly these devices, made already.
 */
export function makeDeviceList(
  devices: readonly Device[],
  base: BaseList | null,
  whole: DeviceList | null = null,
): DeviceList {
  const sorted = sortedById(devices);
  if (!base || base.depth >= MAX_DIFF_DEPTH) return whole ?? complete(sorted);
  // Both lists in identity order: one walk through them, no lookups.
  const before = sortedById(base.devices);
  const changed: Device[] = [];
  const kept: Device[] = [];
  const removed: string[] = [];
  let i = 0;
  let j = 0;
  while (i < sorted.length || j < before.length) {
    const now = sorted[i];
    const then = before[j];
    if (now && (!then || now.id < then.id)) {
      changed.push(now);
      i++;
    } else if (then && (!now || then.id < now.id)) {
      removed.push(then.id);
      j++;
    } else if (now && then) {
      if (now === then || sameStanding(now, then)) kept.push(now);
      else changed.push(now);
      i++;
      j++;
    }
  }
  if (changed.length * 2 > sorted.length) return whole ?? complete(sorted);
  return {
    version: 1,
    base: base.hash,
    depth: base.depth + 1,
    removed,
    devices: encodeColumns(changed),
    seen: encodeSeen(kept),
  };
}

/** The devices of `list`, given its base's devices (null for a complete list), sorted by identity. */
export function readDeviceList(list: DeviceList, base: readonly Device[] | null): Device[] {
  const changed = decodeColumns(list.devices);
  if (list.base === null) return changed;
  if (!base) throw new Error(`the device list ${list.base} this one builds on is missing`);
  const removed = new Set(list.removed);
  const changedIds = new Set(changed.map((d) => d.id));
  const kept = sortedById(base).filter((d) => !removed.has(d.id) && !changedIds.has(d.id));
  const seenAt = list.seen ? seenReader(list.seen) : null;
  const result = kept.map((d, i) => (seenAt ? { ...d, ...seenAt(i) } : d));
  return [...result, ...changed].sort(byId);
}

/** The list as stored and sent: its JSON. */
export function deviceListJson(list: DeviceList): string {
  return JSON.stringify(list);
}

/**
 * The devices `start` to `end` (in identity order) of a complete list: a large list read in slices,
 * so that no one slice holds the window up.
 */
export function completeListSlice(list: DeviceList, start: number, end: number): Device[] {
  if (list.base !== null) throw new Error('only a complete list is read in slices');
  return decodeColumns(list.devices, start, end);
}

/** The content hash of a list's JSON (SHA-256 of its UTF-8, hex): its key wherever it is kept or sent. */
export function jsonHash(json: string): string {
  return bytesToHex(sha256(new TextEncoder().encode(json)));
}

export function deviceListHash(list: DeviceList): string {
  return jsonHash(deviceListJson(list));
}

/** A stored device list: keyed by its content; the customer is only an index. */
export interface DeviceListRecord {
  hash: string;
  customerId: string;
  devices: number;
  /** The list this one is a diff against (null: a complete list), and how many diffs lead to one. */
  base: string | null;
  depth: number;
  /**
   * The list's JSON: the very text its hash is of, kept and sent as it is. One string is stored and
   * copied whole, where the list as objects was cloned value by value (0.3 s for 100,000 devices).
   */
  json: string;
}

/** The list a record holds. */
export function listOf(record: Pick<DeviceListRecord, 'json'>): DeviceList {
  return JSON.parse(record.json) as DeviceList;
}

/** The record for `devices`; `whole` as makeDeviceList takes it, with its JSON and hash (not made again). */
export function deviceListRecord(
  customerId: string,
  devices: readonly Device[],
  base: BaseList | null,
  whole: HashedList | null = null,
): DeviceListRecord {
  const list = makeDeviceList(devices, base, whole?.list ?? null);
  const isWhole = whole !== null && list === whole.list;
  const json = isWhole ? whole.json : deviceListJson(list);
  return {
    hash: isWhole ? whole.hash : jsonHash(json),
    customerId,
    devices: devices.length,
    base: list.base,
    depth: list.depth,
    json,
  };
}
