/**
 * The growth plan of every register contract and category (TERMS.md §11) for `csm plan` and
 * `csm status --json`: the month-end history to month M, the forecast to the next term's end, the
 * recommended growth at the partner's accepted adjustment risk, P(adjustment) and the two amounts.
 */
import type { RegisterContract } from '../contracts/register';
import { contractTerm } from '../contracts/standing';
import type { Catalog } from '../catalog';
import { categoryPlan, HISTORY_MONTHS, type CategoryPlan } from '../forecast/category-plan';
import { addMonthsToMonth, lastDayOfMonth, monthRange, type CalendarMonth } from '../terms/dates';
import { money, moneyToDecimal } from '../terms/money';
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
  recommended?: {
    growth: number;
    growthPct: number | null;
    nextOrdered: number;
    triggerAt: number;
    pAdjustment: number;
    upFront: string;
    expectedMidTerm: string;
  };
}

export interface PlanContract {
  contractId: string;
  customer: string;
  currency: string;
  nextTermStart: string;
  acceptedAdjustmentRisk: number;
  categories: PlanCategory[];
}

function planCategory(
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
    ...(r
      ? {
          recommended: {
            growth: r.growth,
            growthPct: r.growthPct === null ? null : Math.round(r.growthPct * 100) / 100,
            nextOrdered: r.nextOrdered,
            triggerAt: r.triggerAt,
            pAdjustment: Math.round(r.pAdjustment * 10000) / 10000,
            upFront: moneyToDecimal(r.upFront),
            expectedMidTerm: moneyToDecimal(r.expectedMidTerm),
          },
        }
      : {}),
  };
}

export function planDocument(
  month: CalendarMonth,
  register: readonly RegisterContract[],
  files: readonly InventoryFile[],
  catalog: Catalog,
  acceptedAdjustmentRisk: number,
): PlanContract[] {
  const months = monthRange(addMonthsToMonth(month, 1 - HISTORY_MONTHS), month);
  return register.map((entry) => {
    const contract = entry.contract;
    const term = contractTerm(contract);
    const counts = months
      .map((m) => ({ month: m, at: contractCountsAt(entry, files, catalog, lastDayOfMonth(m)) }))
      .filter((m) => m.at.asOf !== null);
    return {
      contractId: contract.number,
      customer: entry.customer,
      currency: contract.currency,
      nextTermStart: term.renewal,
      acceptedAdjustmentRisk,
      categories: contract.categories.map((line) => {
        const history = counts.map((m) => ({ month: m.month, count: m.at.counts[line.category] }));
        const plan = categoryPlan({
          history,
          nextTermStart: term.renewal,
          termMonths: term.months,
          baselinePct: contract.settings.baselinePct,
          nextUnitPrice: money(line.unitPriceMinor, contract.currency),
          acceptedRiskPct: acceptedAdjustmentRisk,
        });
        return planCategory(line.category, history, plan);
      }),
    };
  });
}
