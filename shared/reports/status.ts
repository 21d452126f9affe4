/**
 * The `csm status` document (FORMATS.md §3): each contract of a register, each category, against the
 * devices of one or more Lens inventories. Devices go to the contract whose Lens Account matches their
 * account name or ID (the customer's name when the register gives no Lens Account).
 */
import type { Catalog } from '../catalog/catalog';
import { lensAccountsOf, type RegisterContract } from '../contracts/register';
import {
  categoryStanding,
  contractTerm,
  type CategoryStanding,
  type TrueUpAction,
} from '../contracts/standing';
import { accountKey } from '../inventory/accounts';
import {
  classifyDevices,
  countDevices,
  notCountedDevices,
  type NotCountedDevice,
} from '../inventory/count';
import type { Device } from '../model/device';
import {
  compareDates,
  lastDayOfMonth,
  type CalendarDate,
  type CalendarMonth,
} from '../terms/dates';
import { moneyToDecimal } from '../terms/money';
import { fractionToDecimal } from '../terms/fraction';
import { nameKey } from '../model/name-key';

/** The Lens accounts a register contract claims, as match keys. */
export function contractAccounts(entry: RegisterContract): string[] {
  const accounts = lensAccountsOf(entry).map(nameKey);
  return accounts.length > 0 ? accounts : [nameKey(entry.customer)];
}

/** One device per identity across files: the latest Last Detected wins. */
export function mergeDevices(inventories: readonly (readonly Device[])[]): Device[] {
  const merged = new Map<string, Device>();
  for (const devices of inventories)
    for (const device of devices) {
      const current = merged.get(device.id);
      if (!current || (device.lastDetected ?? '') > (current.lastDetected ?? ''))
        merged.set(device.id, device);
    }
  return [...merged.values()];
}

/** An inventory file as read: its as-of date and its devices. */
export interface InventoryFile {
  asOf: CalendarDate;
  devices: readonly Device[];
}

/** A device's Lens account, its name and ID compared as names are (case and spacing aside). */
const accountOf = (device: Device) =>
  accountKey({ account: nameKey(device.account), accountId: nameKey(device.accountId) });

/**
 * The devices as of the end of `day` (TERMS.md §10): for each Lens account, those of the latest file
 * dated on or before that day that holds the account (a later file given on the command line wins a
 * tie); a file dated after it is not used. Also the latest date of the files used.
 */
export function devicesAsOf(
  files: readonly InventoryFile[],
  day: CalendarDate,
): { devices: Device[]; asOf: CalendarDate | null } {
  const chosen = new Map<string, { file: InventoryFile; devices: Device[] }>();
  for (const file of files) {
    if (compareDates(file.asOf, day) > 0) continue;
    const byAccount = new Map<string, Device[]>();
    for (const device of file.devices) {
      const key = accountOf(device);
      const list = byAccount.get(key);
      if (list) list.push(device);
      else byAccount.set(key, [device]);
    }
    for (const [key, devices] of byAccount) {
      const current = chosen.get(key);
      if (!current || compareDates(file.asOf, current.file.asOf) >= 0)
        chosen.set(key, { file, devices });
    }
  }
  const used = [...chosen.values()];
  // Every account from one file (the usual case): that file's devices, already one per identity.
  const only = used[0]?.file;
  const isOneFile =
    only !== undefined &&
    used.every((u) => u.file === only) &&
    used.reduce((n, u) => n + u.devices.length, 0) === only.devices.length;
  return {
    devices: isOneFile ? [...only.devices] : mergeDevices(used.map((u) => u.devices)),
    asOf: used.reduce<CalendarDate | null>(
      (max, u) => (max === null || u.file.asOf > max ? u.file.asOf : max),
      null,
    ),
  };
}

/** For each device, which register contracts it belongs to (by Lens Account name or ID). */
export function matchDevices(
  register: readonly RegisterContract[],
  devices: readonly Device[],
): boolean[][] {
  const owners = register.map(contractAccounts);
  return devices.map((device) => {
    const wanted = [device.account, device.accountId].map(nameKey).filter(Boolean);
    return owners.map((accounts) => accounts.some((a) => wanted.includes(a)));
  });
}

/** A contract's devices among `devices`. */
export function contractDevices(entry: RegisterContract, devices: readonly Device[]): Device[] {
  const accounts = new Set(contractAccounts(entry));
  // A file names a handful of accounts across all its rows: each name is keyed once.
  const known = new Map<string, boolean>();
  const isContracts = (account: string) => {
    let is = known.get(account);
    if (is === undefined) {
      const key = nameKey(account);
      is = key !== '' && accounts.has(key);
      known.set(account, is);
    }
    return is;
  };
  return devices.filter((device) => isContracts(device.account) || isContracts(device.accountId));
}

/**
 * A register contract's devices and counts as of the end of `day` (TERMS.md §10), stale devices by
 * the register's stale rule (§12).
 */
export function contractCountsAt(
  entry: RegisterContract,
  files: readonly InventoryFile[],
  catalog: Catalog,
  day: CalendarDate,
) {
  const { devices, asOf } = devicesAsOf(files, day);
  const mine = contractDevices(entry, devices);
  const staleDays = entry.contract.staleDays ?? null;
  return {
    mine,
    asOf,
    staleDays,
    counts: countDevices(mine, classifyDevices(mine, catalog, asOf ?? day, staleDays)).counts,
  };
}

export interface StatusCategory {
  category: string;
  ordered: number;
  baseline: string;
  triggerAt: number;
  count: number;
  status: string;
  action?: TrueUpAction;
  trueUp?: { added: number; monthsCharged: number; amount: string; projected: boolean };
}

export interface StatusDocument {
  month: CalendarMonth;
  asOf: CalendarDate | null;
  contracts: {
    contractId: string;
    customer: string;
    currency: string;
    termStart: CalendarDate;
    termEnd: CalendarDate;
    adjustmentMonth: CalendarMonth;
    renewalDate: CalendarDate;
    devices: number;
    /** The register's stale rule; null: none (TERMS.md §12). */
    staleDays: number | null;
    /** Devices deleted, archived or stale, with their last detection. */
    notCounted: NotCountedDevice[];
    categories: StatusCategory[];
  }[];
  unmatched: { account: string; devices: number }[];
}

/** monthsCharged as a JSON number: 6, or 6.451613 for 6 + 14/31 (six decimals). */
const monthsValue = (total: { num: bigint; den: bigint }): number =>
  Number(fractionToDecimal(total));

function statusCategory(s: CategoryStanding): StatusCategory {
  // A register has no workflow: never in progress.
  return {
    category: s.category,
    ordered: s.ordered,
    baseline: s.baseline,
    triggerAt: s.triggerAt,
    count: s.count ?? 0,
    status: s.status ?? 'under',
    ...(s.action ? { action: s.action } : {}),
    ...(s.figures && (s.action === 'projected' || s.action === 'due')
      ? {
          trueUp: {
            added: s.figures.added,
            monthsCharged: monthsValue(s.figures.monthsCharged),
            amount: moneyToDecimal(s.figures.amount),
            projected: s.action === 'projected',
          },
        }
      : {}),
  };
}

/**
 * The status of every register contract in `month` (FORMATS.md §3): counts from each account's latest
 * inventory on or before the month's end; the true-up, from the adjustment month on, from the latest
 * on or before the adjustment month's end.
 */
export function statusDocument(
  month: CalendarMonth,
  register: readonly RegisterContract[],
  files: readonly InventoryFile[],
  catalog: Catalog,
): StatusDocument {
  const countsAt = (entry: RegisterContract, day: CalendarDate) =>
    contractCountsAt(entry, files, catalog, day);
  const end = lastDayOfMonth(month);
  const contracts = register.map((entry) => {
    const contract = entry.contract;
    const term = contractTerm(contract);
    const now = countsAt(entry, end);
    const adjustment = countsAt(entry, lastDayOfMonth(term.adjustmentMonth));
    return {
      contractId: contract.number,
      customer: entry.customer,
      currency: contract.currency,
      termStart: term.start,
      termEnd: term.end,
      adjustmentMonth: term.adjustmentMonth,
      renewalDate: term.renewal,
      devices: now.mine.length,
      staleDays: now.staleDays,
      notCounted: notCountedDevices(now.mine, now.asOf ?? end, now.staleDays),
      categories: contract.categories.map((line) =>
        statusCategory(
          categoryStanding({
            contract,
            line,
            month,
            count: now.asOf === null ? null : now.counts[line.category],
            adjustment: adjustment.asOf ? { asOf: adjustment.asOf, summary: adjustment } : null,
            record: null,
          }),
        ),
      ),
    };
  });
  const { devices, asOf } = devicesAsOf(files, end);
  const matched = matchDevices(register, devices);
  const unmatched = new Map<string, number>();
  devices.forEach((device, i) => {
    if (matched[i]?.some(Boolean)) return;
    const account = device.account || device.accountId;
    unmatched.set(account, (unmatched.get(account) ?? 0) + 1);
  });
  return {
    month,
    asOf,
    contracts,
    unmatched: [...unmatched]
      .map(([account, n]) => ({ account, devices: n }))
      .sort((a, b) => b.devices - a.devices || a.account.localeCompare(b.account)),
  };
}
