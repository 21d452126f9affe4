/** What reading a Lens inventory file gives: the same shape for the app's preview and `csm inspect`. */
import type { ImportSource } from '../lens';
import type { Device } from '../model/device';
import type { HeaderMapping } from './aliases';
import type { DateOrder } from './dates';
import type { Duplicate } from './dedupe';
import type { Rejection } from './normalise';
import type { InventorySummary } from './summary';

export interface AccountDevices {
  account: string;
  accountId: string;
  devices: number;
}

export interface ParsedInventory {
  file: string;
  format: 'csv' | 'xlsx';
  /** Text encoding (CSV only). */
  encoding: string | null;
  /** Separator (CSV only). */
  delimiter: string | null;
  /** The sheet read (XLSX only). */
  sheet: string | null;
  headerRow: number;
  headers: string[];
  mapping: HeaderMapping;
  dateOrder: DateOrder;
  asOf: string;
  /** Whether asOf came from the user (else: the latest Last Detected, else today). */
  isAsOfGiven: boolean;
  /** Data rows read (blank rows not counted). */
  rows: number;
  devices: Device[];
  duplicates: Duplicate[];
  rejected: Rejection[];
  summary: InventorySummary;
  accounts: AccountDevices[];
  /** SHA-256 of the file bytes, hex: the same file is recognised when imported again. */
  contentHash: string;
  /** Where the devices came from when not from a file the user picked. */
  source?: ImportSource;
}

/** Devices per Lens account (name and ID), most devices first. */
export function accountsOf(devices: readonly Device[]): AccountDevices[] {
  const byAccount = new Map<string, AccountDevices>();
  for (const device of devices) {
    const key = `${device.account}\u0000${device.accountId}`;
    const entry = byAccount.get(key) ?? {
      account: device.account,
      accountId: device.accountId,
      devices: 0,
    };
    entry.devices++;
    byAccount.set(key, entry);
  }
  return [...byAccount.values()].sort(
    (a, b) => b.devices - a.devices || a.account.localeCompare(b.account),
  );
}
