/**
 * The `csm status` document (FORMATS.md §3): each contract of a register, each category, against the
 * devices of one or more Lens inventories. Devices go to the contract whose Lens Account matches their
 * account name or ID (the customer's name when the register gives no Lens Account).
 */
import type { Catalog } from '../catalog/catalog';
import { lensAccountsOf, type RegisterContract } from '../contracts/register';
import { categoryStanding, contractTerm } from '../contracts/standing';
import { classifyDevices, countDevices } from '../inventory/count';
import type { Device } from '../model/device';
import { orderedUnits } from '../terms/baseline';
import type { CalendarDate, CalendarMonth } from '../terms/dates';
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

export interface StatusDocument {
  month: CalendarMonth;
  asOf: CalendarDate;
  contracts: {
    contractId: string;
    customer: string;
    currency: string;
    termStart: CalendarDate;
    termEnd: CalendarDate;
    adjustmentMonth: CalendarMonth;
    renewalDate: CalendarDate;
    devices: number;
    categories: {
      category: string;
      ordered: number;
      baseline: string;
      triggerAt: number;
      count: number;
      status: string;
      trueUp?: { added: number; monthsCharged: number; amount: string; projected: boolean };
    }[];
  }[];
  unmatched: { account: string; devices: number }[];
}

/** monthsCharged as a JSON number: 6, or 6.451613 for 6 + 14/31 (six decimals). */
const monthsValue = (total: { num: bigint; den: bigint }): number =>
  Number(fractionToDecimal(total));

export function statusDocument(
  month: CalendarMonth,
  asOf: CalendarDate,
  register: readonly RegisterContract[],
  devices: readonly Device[],
  catalog: Catalog,
): StatusDocument {
  const classes = classifyDevices(devices, catalog, asOf);
  const matched = matchDevices(register, devices);
  const contracts = register.map((entry, c) => {
    const mine = devices.flatMap((device, i) =>
      matched[i]?.[c] ? [{ device, cls: classes[i] ?? 'unknown' }] : [],
    );
    const { counts } = countDevices(
      mine.map((m) => m.device),
      mine.map((m) => m.cls),
    );
    const contract = entry.contract;
    const term = contractTerm(contract);
    return {
      contractId: contract.number,
      customer: entry.customer,
      currency: contract.currency,
      termStart: term.start,
      termEnd: term.end,
      adjustmentMonth: term.adjustmentMonth,
      renewalDate: term.renewal,
      devices: mine.length,
      categories: contract.categories.map((line) => {
        const ordered = orderedUnits(line.installedAtStart, line.agreedGrowth);
        const s = categoryStanding(contract, line, ordered, counts[line.category], month);
        return {
          category: s.category,
          ordered: s.ordered,
          baseline: s.baseline,
          triggerAt: s.triggerAt,
          count: s.count ?? 0,
          status: s.status ?? 'under',
          ...(s.trueUp
            ? {
                trueUp: {
                  added: s.trueUp.added,
                  monthsCharged: monthsValue(s.trueUp.monthsCharged.total),
                  amount: moneyToDecimal(s.trueUp.amount),
                  projected: s.trueUp.projected,
                },
              }
            : {}),
        };
      }),
    };
  });
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
