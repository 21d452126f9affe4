/**
 * One contract category's growth plan (TERMS.md §11): the forecast from its month-end history to the next
 * term's last month, the figures at the next adjustment month, and the recommended growth.
 */
import {
  addMonthsToMonth,
  monthOf,
  monthsBetween,
  type CalendarDate,
  type CalendarMonth,
} from '../terms/dates';
import { adjustmentMonth, monthsCharged, termEnd } from '../terms/term';
import type { Money } from '../terms/money';
import {
  forecastSeries,
  MAX_HORIZON_MONTHS,
  type ForecastPoint,
  type SeriesForecast,
} from './forecast';
import {
  expectedAdditions,
  growthOutcome,
  recommendedGrowth,
  type GrowthOutcome,
  type PlanTerms,
} from './plan';

/** At most this many months of history are used. */
export const HISTORY_MONTHS = 24;

export interface CategoryPlanInput {
  /** Month-end counts, oldest first; months without an inventory are absent. */
  history: readonly { month: CalendarMonth; count: number }[];
  nextTermStart: CalendarDate;
  termMonths: number;
  adjustmentOverride?: CalendarMonth | null;
  baselinePct: number;
  nextUnitPrice: Money;
  acceptedRiskPct: number;
}

export interface CategoryPlan {
  latestMonth: CalendarMonth | null;
  latestCount: number | null;
  adjustmentMonth: CalendarMonth;
  forecast: SeriesForecast;
  /** Forecast months, aligned with forecast.points. */
  months: CalendarMonth[];
  /** Absent when there is no forecast. */
  atAdjustment?: ForecastPoint;
  expectedAdditions?: number;
  recommended?: GrowthOutcome;
  terms: PlanTerms;
}

/** §10 gives every month from the first inventory on a count, so the history has no gaps. */
function assertConsecutive(history: CategoryPlanInput['history']): void {
  for (let i = 1; i < history.length; i++)
    if (monthsBetween(history[i - 1]!.month, history[i]!.month) !== 1)
      throw new RangeError(
        `history must be consecutive months: ${history[i - 1]!.month} then ${history[i]!.month}`,
      );
}

export function categoryPlan(input: CategoryPlanInput): CategoryPlan {
  const history = input.history.slice(-HISTORY_MONTHS);
  assertConsecutive(history);
  const last = history[history.length - 1];
  const adjustment = adjustmentMonth(
    input.nextTermStart,
    input.termMonths,
    input.adjustmentOverride,
  );
  const end = termEnd(input.nextTermStart, input.termMonths);
  const charged = monthsCharged(adjustment, end, input.nextTermStart).total;
  const terms: PlanTerms = {
    baselinePct: input.baselinePct,
    nextUnitPrice: input.nextUnitPrice,
    monthsCharged: { num: charged.num, den: charged.den },
  };
  const base = {
    latestMonth: last?.month ?? null,
    latestCount: last?.count ?? null,
    adjustmentMonth: adjustment,
    terms,
  };
  const tooLittle = {
    kind: 'tooLittleHistory',
    months: history.length,
    reason: `too little history: ${history.length} months`,
  } as const;
  if (!last || history.length < 4) return { ...base, forecast: tooLittle, months: [] };
  const horizon = Math.min(
    MAX_HORIZON_MONTHS,
    Math.max(1, monthsBetween(last.month, monthOf(end))),
  );
  const stepOfAdjustment = monthsBetween(last.month, adjustment);
  const forecast = forecastSeries(
    history.map((h) => h.count),
    horizon,
  );
  const months = Array.from({ length: horizon }, (_, i) => addMonthsToMonth(last.month, i + 1));
  if (forecast.kind !== 'forecast' || stepOfAdjustment < 1 || stepOfAdjustment > horizon)
    return { ...base, forecast, months };
  const point = forecast.points[stepOfAdjustment - 1]!;
  const f = { latestCount: last.count, central: point.central, sd: point.sd };
  const g = recommendedGrowth(f, terms, input.acceptedRiskPct);
  return {
    ...base,
    forecast,
    months,
    atAdjustment: point,
    expectedAdditions: expectedAdditions(f),
    recommended: growthOutcome(f, terms, g),
  };
}

/** The planner's figures for a growth the user typed, on a plan that has a forecast. */
export function planOutcome(plan: CategoryPlan, growth: number): GrowthOutcome | null {
  if (!plan.atAdjustment || plan.latestCount === null) return null;
  const f = {
    latestCount: plan.latestCount,
    central: plan.atAdjustment.central,
    sd: plan.atAdjustment.sd,
  };
  return growthOutcome(f, plan.terms, growth);
}

/**
 * The plan at another next unit price (a proposal's uplift or negotiated price): the forecast and the
 * recommended growth stay (P(adjustment) does not depend on the price), the amounts follow the price.
 */
export function repricedPlan(plan: CategoryPlan, nextUnitPrice: Money): CategoryPlan {
  const terms = { ...plan.terms, nextUnitPrice };
  const repriced = { ...plan, terms };
  const recommended = plan.recommended && planOutcome(repriced, plan.recommended.growth);
  return recommended ? { ...repriced, recommended } : repriced;
}
