/**
 * The month's service delivery for one customer (TERMS.md §6–8), as the monthly report lays it out:
 * RMAs (with the headset threshold of the year), CSM hours against the blocks, support cases and
 * escalations, and cloud-partner incidents. The dashboard's service tab shows the same figures.
 */
import type { Catalog } from '../catalog/catalog';
import { currentTrueUps, orderedInForce } from '../contracts/standing';
import { CATEGORIES } from '../model/category';
import type {
  Contract,
  EcpsIncident,
  Rma,
  SupportCase,
  TimeEntry,
  TimeActivity,
  TrueUp,
} from '../model/entities';
import { TIME_ACTIVITIES } from '../model/entities';
import { escalationLevel, minutesToResolve } from '../service/cases';
import { monthLedger, minutesByMonth } from '../service/hours';
import { rmaFlags } from '../service/rma';
import type { BlockLedger } from '../terms/csm-blocks';
import {
  firstDayOfMonth,
  lastDayOfMonth,
  type CalendarDate,
  type CalendarMonth,
} from '../terms/dates';
import { InvalidAmountError, parseMoney, type Money } from '../terms/money';
import { rmaExposure, rmaThreshold, type RmaExposure, type RmaThreshold } from '../terms/rma';

export interface HeadsetRmaStatus {
  year: number;
  threshold: RmaThreshold;
  exposure: RmaExposure;
}

const inYear = (date: string | null, year: number) => date !== null && date.startsWith(`${year}-`);

function listPrice(catalog: Catalog, model: string, currency: Contract['currency']): Money | null {
  const price = catalog.lookup(model)?.listPrice;
  if (!price || price.currency !== currency) return null;
  try {
    return parseMoney(price.amount, currency);
  } catch (error) {
    if (error instanceof InvalidAmountError) return null;
    throw error;
  }
}

/**
 * The headset RMA threshold of a calendar year: base = headset ordered units in force, RMAs approved in
 * the year; null when the contract covers no headsets.
 */
export function headsetRmaStatus(
  contract: Contract,
  trueUps: readonly TrueUp[],
  rmas: readonly Rma[],
  year: number,
  catalog: Catalog,
): HeadsetRmaStatus | null {
  const line = contract.categories.find((c) => c.category === 'headsets');
  if (!line) return null;
  const base = orderedInForce(line, currentTrueUps(contract, trueUps).get('headsets'));
  const counted = rmas.filter((r) => r.category === 'headsets' && inYear(r.approvedOn, year));
  const threshold = rmaThreshold(
    base,
    counted.length,
    contract.settings.rmaPct,
    contract.settings.rmaWarnPct,
  );
  const exposure = rmaExposure(
    counted.map((r) => ({
      approvedOn: r.approvedOn ?? r.requestedOn,
      listPrice: listPrice(catalog, r.model, contract.currency),
    })),
    threshold.excess,
    contract.currency,
  );
  return { year, threshold, exposure };
}

export interface ServiceSummary {
  month: CalendarMonth;
  rmas: {
    /** Requested in the month. */
    requested: Rma[];
    shipped: number;
    /** Open or in the month, shipped late or not shipped by their ship-by date. */
    late: Rma[];
    /** Defective units past their return-by date, not returned. */
    unreturned: Rma[];
    headsets: HeadsetRmaStatus | null;
  };
  hours: {
    ledger: BlockLedger | null;
    byActivity: Record<TimeActivity, number>;
    billableMinutes: number;
    entries: TimeEntry[];
  };
  cases: {
    /** Open at some time in the month. */
    active: SupportCase[];
    opened: number;
    resolved: number;
    openAtMonthEnd: number;
    escalated: number;
    /** Median minutes from opened to resolved of the cases resolved in the month. */
    medianMinutesToResolve: number | null;
  };
  incidents: {
    active: EcpsIncident[];
    opened: number;
    resolved: number;
    openAtMonthEnd: number;
    jointCalls: number;
    overrides: number;
  };
}

const inMonth = (value: string | null, month: CalendarMonth) =>
  value !== null && value.startsWith(month);

/** Was the record open at any time in the month (opened before its end, not resolved before its start)? */
const activeIn = (opened: string, resolved: string | null, month: CalendarMonth) =>
  opened.slice(0, 10) <= lastDayOfMonth(month) &&
  (resolved === null || resolved.slice(0, 10) >= firstDayOfMonth(month));

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] ?? null)
    : Math.round(((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2);
}

export interface ServiceInput {
  contract: Contract | undefined;
  trueUps: readonly TrueUp[];
  rmas: readonly Rma[];
  timeEntries: readonly TimeEntry[];
  cases: readonly SupportCase[];
  incidents: readonly EcpsIncident[];
  catalog: Catalog;
  /** The day the flags are judged on: the month's last day for a past month, else today. */
  asOf: CalendarDate;
}

export function serviceSummary(month: CalendarMonth, input: ServiceInput): ServiceSummary {
  const { contract, asOf } = input;
  const requested = input.rmas.filter((r) => inMonth(r.requestedOn, month));
  const relevant = input.rmas.filter((r) => r.requestedOn.slice(0, 10) <= lastDayOfMonth(month));
  const entries = input.timeEntries
    .filter((e) => inMonth(e.date, month))
    .sort((a, b) => a.date.localeCompare(b.date));
  const byActivity = Object.fromEntries(TIME_ACTIVITIES.map((a) => [a, 0])) as Record<
    TimeActivity,
    number
  >;
  for (const e of entries) byActivity[e.activity] += e.minutes;
  const active = input.cases.filter((c) => activeIn(c.openedAt, c.resolvedAt, month));
  const resolvedCases = input.cases.filter((c) => inMonth(c.resolvedAt, month));
  const incidents = input.incidents.filter((i) => activeIn(i.openedAt, i.resolvedAt, month));
  const monthEnd = lastDayOfMonth(month);
  const openAt = (resolved: string | null) => resolved === null || resolved.slice(0, 10) > monthEnd;
  return {
    month,
    rmas: {
      requested,
      shipped: input.rmas.filter((r) => inMonth(r.shippedOn, month)).length,
      late: relevant.filter((r) => rmaFlags(r, asOf).isLateShipment),
      unreturned: relevant.filter((r) => rmaFlags(r, asOf).isUnreturned),
      headsets: contract
        ? headsetRmaStatus(
            contract,
            input.trueUps,
            input.rmas,
            Number(month.slice(0, 4)),
            input.catalog,
          )
        : null,
    },
    hours: {
      ledger: contract ? monthLedger(contract, minutesByMonth(input.timeEntries), month) : null,
      byActivity,
      billableMinutes: entries.filter((e) => e.isBillable).reduce((sum, e) => sum + e.minutes, 0),
      entries,
    },
    cases: {
      active,
      opened: input.cases.filter((c) => inMonth(c.openedAt, month)).length,
      resolved: resolvedCases.length,
      openAtMonthEnd: active.filter((c) => openAt(c.resolvedAt)).length,
      escalated: active.filter((c) => escalationLevel(c) > 0).length,
      medianMinutesToResolve: median(resolvedCases.flatMap((c) => minutesToResolve(c) ?? [])),
    },
    incidents: {
      active: incidents,
      opened: input.incidents.filter((i) => inMonth(i.openedAt, month)).length,
      resolved: input.incidents.filter((i) => inMonth(i.resolvedAt, month)).length,
      openAtMonthEnd: incidents.filter((i) => openAt(i.resolvedAt)).length,
      jointCalls: incidents.flatMap((i) => i.jointCalls).filter((c) => inMonth(c.at, month)).length,
      overrides: incidents.filter((i) => i.override !== null).length,
    },
  };
}

/** The RMA's category from the inventory's device class, where it is a category. */
export function rmaCategory(cls: string | null): Rma['category'] {
  return CATEGORIES.find((c) => c === cls) ?? null;
}
