/**
 * The portfolio report model: per customer and chosen category, the count against ordered units and
 * baseline with its status. Screens and exports lay this out; they never compute it themselves.
 */
import { CATEGORIES, type Category } from '../model/category';
import type { Contract, Customer, InventorySnapshot, TrueUp } from '../model/entities';
import { contractStandings, latestOnOrBefore, type CategoryStanding } from '../contracts/standing';
import { dashboardStatus, growthPct, type DashboardStatus } from '../terms/baseline';
import { adjustmentMonth, renewalDate, termEnd } from '../terms/term';
import { monthOf, type CalendarDate, type CalendarMonth } from '../terms/dates';
import type { PartnerSettings } from '../terms/settings';
import { customerAlerts, type Alert, type AlertCategory } from './alerts';
import type { MinutesByMonth } from '../service/hours';

/** One cell of the portfolio: a category's count against its contract, with its standing. */
export interface PortfolioCategory extends AlertCategory {
  count: number | null;
  baseline: string | null;
  triggerAt: number | null;
  growthPct: number | null;
  unitsAtRenewal: number | null;
  quoteNumber: string;
  poNumber: string;
}

export interface PortfolioRow {
  customerId: string;
  customer: string;
  contractNumber: string | null;
  termEnd: CalendarDate | null;
  renewalDate: CalendarDate | null;
  adjustmentMonth: CalendarMonth | null;
  asOf: CalendarDate | null;
  devices: number | null;
  unknownModels: number;
  categories: PortfolioCategory[];
  alerts: Alert[];
}

/** This customer's service activity that alerts look at. */
export interface CustomerActivity {
  headsetRmasThisYear: number;
  /** CSM minutes logged per month, the last months (enough for carry-over within a term). */
  usedMinutesByMonth: MinutesByMonth;
  /** Advance replacements shipped after their ship-by date (or not yet, and it has passed). */
  lateRmas: number;
  /** Defective units past their return-by date, not returned. */
  unreturnedRmas: number;
}

/** A category's standing as screens show it: status with the dashboard's colours, and its action. */
export function standingCell(
  standing: CategoryStanding,
  approachingPct: number,
): PortfolioCategory {
  const { count, ordered, triggerAt: trigger } = standing;
  return {
    category: standing.category,
    count,
    ordered,
    baseline: standing.baseline,
    triggerAt: trigger,
    status: count === null ? null : dashboardStatus(count, ordered, trigger, approachingPct),
    growthPct: count === null ? null : growthPct(count, ordered),
    action: standing.action,
    isOverdue: standing.isOverdue,
    adjustmentMonth: standing.adjustmentMonth,
    amount: standing.action === 'atRenewal' ? null : (standing.figures?.amount ?? null),
    unitsAtRenewal: standing.unitsAtRenewal,
    state: standing.record?.state ?? null,
    quoteNumber: standing.record?.quoteNumber ?? '',
    poNumber: standing.record?.poNumber ?? '',
  };
}

/** A customer without a contract: its counts per category, nothing to compare them with. */
const countOnly = (category: Category, count: number | null): PortfolioCategory => ({
  category,
  count,
  ordered: null,
  baseline: null,
  triggerAt: null,
  status: null,
  growthPct: null,
  action: null,
  isOverdue: false,
  adjustmentMonth: null,
  amount: null,
  unitsAtRenewal: null,
  state: null,
  quoteNumber: '',
  poNumber: '',
});

/**
 * A customer's row on `today`: the latest inventory on or before it, the adjustment month's from
 * `inventories` (the latest, and the latest on or before the adjustment month's end, suffice).
 */
export function portfolioRow(
  customer: Customer,
  contract: Contract | undefined,
  inventories: readonly InventorySnapshot[],
  partner: PartnerSettings,
  activity: CustomerActivity,
  today: CalendarDate,
  trueUps: readonly TrueUp[] = [],
): PortfolioRow {
  const latest = latestOnOrBefore(inventories, today);
  const categories = contract
    ? contractStandings(contract, inventories, trueUps, monthOf(today)).map((s) =>
        standingCell(s, partner.approachingPct),
      )
    : CATEGORIES.map((k) => countOnly(k, latest ? latest.summary.counts[k] : null));
  const term = contract
    ? { start: contract.termStart, months: contract.settings.termMonths }
    : null;
  return {
    customerId: customer.id,
    customer: customer.name,
    contractNumber: contract?.number ?? null,
    termEnd: term ? termEnd(term.start, term.months) : null,
    renewalDate: term ? renewalDate(term.start, term.months) : null,
    adjustmentMonth:
      term && contract ? adjustmentMonth(term.start, term.months, contract.adjustmentMonth) : null,
    asOf: latest?.asOf ?? null,
    devices: latest?.summary.devices ?? null,
    unknownModels: latest?.summary.excluded.unknown ?? 0,
    categories,
    alerts: customerAlerts({ contract, latest, categories, ...activity, today, partner }),
  };
}

/** How much a status needs action: a true-up due first, then approaching, within, under. */
export const STATUS_RANK: Record<DashboardStatus, number> = {
  trueUpDue: 0,
  approaching: 1,
  within: 2,
  under: 3,
};

/** The status of a row's category that needs the most action; null when no category has one. */
export function worstStatus(row: {
  categories: readonly { status: DashboardStatus | null }[];
}): DashboardStatus | null {
  const statuses = row.categories.flatMap((c) => (c.status ? [c.status] : []));
  return statuses.sort((a, b) => STATUS_RANK[a] - STATUS_RANK[b])[0] ?? null;
}
