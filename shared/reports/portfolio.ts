/**
 * The portfolio report model: per customer and chosen category, the count against ordered units and
 * baseline with its status. Screens and exports lay this out; they never compute it themselves.
 */
import type { Category } from '../model/category';
import type { Contract, Customer, InventorySnapshot, TrueUp } from '../model/entities';
import { currentTrueUps, orderedInForce } from '../contracts/standing';
import {
  baseline,
  dashboardStatus,
  growthPct,
  triggerAt,
  type DashboardStatus,
} from '../terms/baseline';
import { adjustmentMonth, renewalDate, termEnd } from '../terms/term';
import type { CalendarDate, CalendarMonth } from '../terms/dates';
import type { PartnerSettings } from '../terms/settings';
import { customerAlerts, type Alert } from './alerts';
import type { MinutesByMonth } from '../service/hours';

export interface PortfolioCategory {
  category: Category;
  count: number | null;
  ordered: number;
  baseline: string;
  triggerAt: number;
  status: DashboardStatus | null;
  growthPct: number | null;
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

export function portfolioRow(
  customer: Customer,
  contract: Contract | undefined,
  latest: InventorySnapshot | undefined,
  partner: PartnerSettings,
  activity: CustomerActivity,
  today: CalendarDate,
  trueUps: readonly TrueUp[] = [],
): PortfolioRow {
  const adjustments = contract ? currentTrueUps(contract, trueUps) : new Map<Category, TrueUp>();
  const categories = (contract?.categories ?? []).map((line): PortfolioCategory => {
    const ordered = orderedInForce(line, adjustments.get(line.category));
    const trigger = triggerAt(ordered, contract?.settings.baselinePct ?? 0);
    const count = latest ? latest.summary.counts[line.category] : null;
    return {
      category: line.category,
      count,
      ordered,
      baseline: baseline(ordered, contract?.settings.baselinePct ?? 0),
      triggerAt: trigger,
      status:
        count === null ? null : dashboardStatus(count, ordered, trigger, partner.approachingPct),
      growthPct: count === null ? null : growthPct(count, ordered),
    };
  });
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
