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

/** The file read, before the figures the app's preview shows and the hash that recognises it. */
export type ReadInventory = Omit<ParsedInventory, 'summary' | 'contentHash'>;

/** Devices per Lens account (name and ID), most devices first. */
export function accountsOf(devices: readonly Device[]): AccountDevices[] {
  // By name, then by ID: no key text made per device.
  const byAccount = new Map<string, Map<string, AccountDevices>>();
  const all: AccountDevices[] = [];
  for (const { account, accountId } of devices) {
    let byId = byAccount.get(account);
    if (!byId) byAccount.set(account, (byId = new Map<string, AccountDevices>()));
    let entry = byId.get(accountId);
    if (!entry) {
      entry = { account, accountId, devices: 0 };
      byId.set(accountId, entry);
      all.push(entry);
    }
    entry.devices++;
  }
  return all.sort((a, b) => b.devices - a.devices || a.account.localeCompare(b.account));
}
