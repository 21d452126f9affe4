/**
 * The growth plan of every register contract and category (TERMS.md §11) for `csm plan` and
 * `csm status --json`: the month-end history to month M, the forecast to the next term's end, the
 * recommended growth at the partner's accepted adjustment risk, P(adjustment) and the two amounts.
 */
import type { ContractTerms } from '../contracts/draft';
import type { RegisterContract } from '../contracts/register';
import { contractTerm, latestOnOrBefore, type CountsAt } from '../contracts/standing';
import type { Catalog } from '../catalog';
import { categoryPlan, HISTORY_MONTHS, type CategoryPlan } from '../forecast/category-plan';
import type { GrowthOutcome } from '../forecast/plan';
import type { ReportGrowth } from './monthly-model';
import type { Category, CategoryRecord } from '../model/category';
import { addMonthsToMonth, lastDayOfMonth, monthRange, type CalendarMonth } from '../terms/dates';
import { money, moneyToDecimal, type Money } from '../terms/money';
import { contractCountsAt, type InventoryFile } from './status';

export interface PlanCategory {
  category: string;
  history: { month: CalendarMonth; count: number }[];
  adjustmentMonth: CalendarMonth;
  /** "too little history: N months" when there is no forecast. */
  reason?: string;
  method?: string;
  backtestMae?: number;
  forecast?: {
    month: CalendarMonth;
    central: number;
    lower80: number;
    upper80: number;
    lower95: number;
    upper95: number;
  }[];
  expectedAdditions?: number;
  recommended?: PlanOutcome;
}

/** A growth's figures, rounded as printed: P as a share (0.1086), money as decimal text. */
export interface PlanOutcome {
  growth: number;
  growthPct: number | null;
  nextOrdered: number;
  triggerAt: number;
  pAdjustment: number;
  upFront: string;
  expectedMidTerm: string;
}

export interface PlanContract {
  contractId: string;
  customer: string;
  currency: string;
  nextTermStart: string;
  acceptedAdjustmentRisk: number;
  categories: PlanCategory[];
}

/** A growth outcome as `csm plan` prints it: P to four decimals, % to two, money in decimals. */
export function outcomeFigures(r: GrowthOutcome): PlanOutcome {
  return {
    growth: r.growth,
    growthPct: r.growthPct === null ? null : Math.round(r.growthPct * 100) / 100,
    nextOrdered: r.nextOrdered,
    triggerAt: r.triggerAt,
    pAdjustment: Math.round(r.pAdjustment * 10000) / 10000,
    upFront: moneyToDecimal(r.upFront),
    expectedMidTerm: moneyToDecimal(r.expectedMidTerm),
  };
}

/** The plan of one category as `csm plan` and every export show it. */
export function planCategory(
  category: string,
  history: PlanCategory['history'],
  plan: CategoryPlan,
): PlanCategory {
  const base = { category, history, adjustmentMonth: plan.adjustmentMonth };
  if (plan.forecast.kind !== 'forecast') return { ...base, reason: plan.forecast.reason };
  const r = plan.recommended;
  return {
    ...base,
    method: plan.forecast.method,
    backtestMae: Math.round(plan.forecast.mae * 100) / 100,
    forecast: plan.forecast.points.map((p, i) => ({
      month: plan.months[i]!,
      central: Math.round(p.central),
      lower80: p.lower80,
      upper80: p.upper80,
      lower95: p.lower95,
      upper95: p.upper95,
    })),
    ...(plan.expectedAdditions === undefined ? {} : { expectedAdditions: plan.expectedAdditions }),
    ...(r ? { recommended: outcomeFigures(r) } : {}),
  };
}

/** What a contract's plan needs of it (a register contract or the app's). */
export type PlanContractTerms = Pick<
  ContractTerms,
  'termStart' | 'settings' | 'adjustmentMonth' | 'currency' | 'categories'
>;

/** One month's counts per category, as of its last day (TERMS.md §10). */
export interface MonthCounts {
  month: CalendarMonth;
  counts: CategoryRecord<number>;
}

/** The months of the history that ends with `month`: the last HISTORY_MONTHS, oldest first. */
export function historyMonths(month: CalendarMonth): CalendarMonth[] {
  return monthRange(addMonthsToMonth(month, 1 - HISTORY_MONTHS), month);
}

/**
 * The app's month-end history from its inventory snapshots: for each month to `month`, the counts of the
 * latest snapshot on or before its last day; months before the first inventory are absent.
 */
export function snapshotHistory(
  snapshots: readonly CountsAt[],
  month: CalendarMonth,
): MonthCounts[] {
  return historyMonths(month).flatMap((m) => {
    const at = latestOnOrBefore(snapshots, lastDayOfMonth(m));
    return at ? [{ month: m, counts: at.summary.counts }] : [];
  });
}

/**
 * Each category's plan from the contract's month-end history: forecast to the next term's end, the
 * recommended growth at `acceptedAdjustmentRisk` %. `nextUnitPrices` (the renewal's proposed prices)
 * override this term's price; without them the next term is priced as this one, as in `csm plan`.
 */
export function contractCategoryPlans(
  contract: PlanContractTerms,
  counts: readonly MonthCounts[],
  acceptedAdjustmentRisk: number,
  nextUnitPrices: Partial<Record<Category, Money>> = {},
): { category: Category; history: PlanCategory['history']; plan: CategoryPlan }[] {
  const term = contractTerm(contract);
  return contract.categories.map((line) => {
    const history = counts.map((m) => ({ month: m.month, count: m.counts[line.category] }));
    const plan = categoryPlan({
      history,
      nextTermStart: term.renewal,
      termMonths: term.months,
      baselinePct: contract.settings.baselinePct,
      nextUnitPrice: nextUnitPrices[line.category] ?? money(line.unitPriceMinor, contract.currency),
      acceptedRiskPct: acceptedAdjustmentRisk,
    });
    return { category: line.category, history, plan };
  });
}

export function planDocument(
  month: CalendarMonth,
  register: readonly RegisterContract[],
  files: readonly InventoryFile[],
  catalog: Catalog,
  acceptedAdjustmentRisk: number,
): PlanContract[] {
  return register.map((entry) => {
    const contract = entry.contract;
    const counts = historyMonths(month)
      .map((m) => ({ month: m, at: contractCountsAt(entry, files, catalog, lastDayOfMonth(m)) }))
      .filter((m) => m.at.asOf !== null)
      .map((m) => ({ month: m.month, counts: m.at.counts }));
    return {
      contractId: contract.number,
      customer: entry.customer,
      currency: contract.currency,
      nextTermStart: contractTerm(contract).renewal,
      acceptedAdjustmentRisk,
      categories: contractCategoryPlans(contract, counts, acceptedAdjustmentRisk).map((c) =>
        planCategory(c.category, c.history, c.plan),
      ),
    };
  });
}

/**
 * The expected additions for the coming year per category (the monthly report's summary, for Poly's
 * CSM): `csm plan`'s figures at the next term's adjustment month, from the history to `month`.
 */
export function growthSummary(
  contract: PlanContractTerms,
  snapshots: readonly CountsAt[],
  month: CalendarMonth,
  acceptedAdjustmentRisk: number,
): ReportGrowth[] {
  const plans = contractCategoryPlans(
    contract,
    snapshotHistory(snapshots, month),
    acceptedAdjustmentRisk,
  );
  return plans.map(({ category, history, plan }) => {
    const f = planCategory(category, history, plan);
    const at = f.forecast?.find((p) => p.month === f.adjustmentMonth);
    return {
      category,
      latestCount: history.at(-1)?.count ?? null,
      adjustmentMonth: f.adjustmentMonth,
      historyMonths: history.length,
      method: plan.forecast.kind === 'forecast' ? plan.forecast.method : null,
      backtestMae: f.backtestMae ?? null,
      expectedAdditions: f.expectedAdditions ?? null,
      central: at?.central ?? null,
      lower80: at?.lower80 ?? null,
      upper80: at?.upper80 ?? null,
      lower95: at?.lower95 ?? null,
      upper95: at?.upper95 ?? null,
      recommendedGrowth: f.recommended?.growth ?? null,
    };
  });
}
