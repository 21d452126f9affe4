/**
 * The growth planner's arithmetic (TERMS.md §11): expected additions, P(adjustment) for a growth g, the
 * up-front value, the expected mid-term amount and the recommended growth at the accepted risk.
 *
 * The count at the end of the next adjustment month is modelled as ⌊X⌋ with X ~ N(central, sd²), so
 * P(count ≥ triggerAt) = P(X ≥ triggerAt) = 1 − Φ((triggerAt − central) / sd): no continuity correction
 * (the worked example's figures). `continuityCorrection: true` models the count as X rounded instead.
 */
import { fraction, multiplyFractions } from '../terms/fraction';
import { multiplyMoney, money, type Money } from '../terms/money';
import { triggerAt as triggerAtOf } from '../terms/baseline';
import { normalCdf } from './normal';

export interface AdjustmentForecast {
  /** Latest month-end count. */
  latestCount: number;
  /** Forecast at the end of the next term's adjustment month. */
  central: number;
  sd: number;
}

export interface PlanTerms {
  baselinePct: number;
  /** Annual price per device for the next term. */
  nextUnitPrice: Money;
  /** Months charged from the next adjustment month to the next term's end (§4), exact. */
  monthsCharged: { num: bigint; den: bigint };
  continuityCorrection?: boolean;
}

export interface GrowthOutcome {
  growth: number;
  /** g as a percentage of the latest count (null when that is 0). */
  growthPct: number | null;
  nextOrdered: number;
  triggerAt: number;
  pAdjustment: number;
  /** g × next unit price. */
  upFront: Money;
  /** E[true-up amount], rounded half away from zero to the minor unit. */
  expectedMidTerm: Money;
}

/** Central forecast at the adjustment month − latest count, never below 0, in whole devices. */
export function expectedAdditions(f: AdjustmentForecast): number {
  return Math.max(0, Math.round(f.central - f.latestCount));
}

/** P(count ≥ k) under the model of the module doc. */
function pAtLeast(f: AdjustmentForecast, k: number, corrected: boolean): number {
  const edge = corrected ? k - 0.5 : k;
  if (f.sd <= 0) return f.central >= edge ? 1 : 0;
  return 1 - normalCdf((edge - f.central) / f.sd);
}

/** Σ over counts k ≥ triggerAt of P(count = k) × the §4 amount for k (each amount exact and rounded). */
function expectedAmount(
  f: AdjustmentForecast,
  terms: PlanTerms,
  ordered: number,
  trigger: number,
): Money {
  const corrected = terms.continuityCorrection ?? false;
  const factor = multiplyFractions(
    fraction(terms.monthsCharged.num, terms.monthsCharged.den),
    fraction(1, 12),
  );
  const top = Math.ceil(f.central + 10 * Math.max(f.sd, 1));
  let expected = 0;
  for (let k = trigger; k <= top; k++) {
    const p = pAtLeast(f, k, corrected) - pAtLeast(f, k + 1, corrected);
    if (p === 0) continue;
    const amount = multiplyMoney(
      terms.nextUnitPrice,
      multiplyFractions(fraction(k - ordered), factor),
    );
    expected += p * amount.minor;
  }
  return money(Math.sign(expected) * Math.round(Math.abs(expected)), terms.nextUnitPrice.currency);
}

function assertGrowth(growth: number): void {
  if (!Number.isSafeInteger(growth) || growth < 0)
    throw new RangeError(`growth must be a whole number of devices ≥ 0: ${growth}`);
}

/** Everything the planner shows for one next agreed growth g. */
export function growthOutcome(
  f: AdjustmentForecast,
  terms: PlanTerms,
  growth: number,
): GrowthOutcome {
  assertGrowth(growth);
  const nextOrdered = f.latestCount + growth;
  const trigger = triggerAtOf(nextOrdered, terms.baselinePct);
  return {
    growth,
    growthPct: f.latestCount === 0 ? null : (growth * 100) / f.latestCount,
    nextOrdered,
    triggerAt: trigger,
    pAdjustment: pAtLeast(f, trigger, terms.continuityCorrection ?? false),
    upFront: multiplyMoney(terms.nextUnitPrice, fraction(growth)),
    expectedMidTerm: expectedAmount(f, terms, nextOrdered, trigger),
  };
}

/** The smallest g whose P(adjustment) ≤ the accepted risk (in %, e.g. 20). */
export function recommendedGrowth(
  f: AdjustmentForecast,
  terms: PlanTerms,
  acceptedRiskPct: number,
): number {
  if (!(acceptedRiskPct > 0 && acceptedRiskPct < 100))
    throw new RangeError(
      `accepted adjustment risk must be between 0 and 100 %: ${acceptedRiskPct}`,
    );
  const risk = acceptedRiskPct / 100;
  const corrected = terms.continuityCorrection ?? false;
  for (let g = 0; ; g++) {
    const trigger = triggerAtOf(f.latestCount + g, terms.baselinePct);
    if (pAtLeast(f, trigger, corrected) <= risk) return g;
  }
}
