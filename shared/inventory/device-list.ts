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
import {
  decodeColumns,
  encodeColumns,
  encodeSeen,
  seenReader,
  type DeviceColumns,
  type SeenColumns,
} from './device-columns';

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
  a.hardwareFamily === b.hardwareFamily &&
  a.lensState === b.lensState;

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
