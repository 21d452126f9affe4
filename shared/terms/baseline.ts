/** Ordered units, baseline, triggerAt and category status (TERMS.md §3). */
import {
  addFractions,
  ceilFraction,
  compareFractions,
  fraction,
  fractionToDecimal,
  multiplyFractions,
  type Fraction,
} from './fraction';
import { percentFraction } from './percent';

export type CategoryStatus = 'under' | 'within' | 'trueUpDue';
/** Dashboards add `approaching`; exports and the true-up logic use the three statuses above. */
export type DashboardStatus = CategoryStatus | 'approaching';

function assertCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${name} must be a whole number ≥ 0: ${value}`);
}

/** ordered = installedAtStart + agreedGrowth. */
export function orderedUnits(installedAtStart: number, agreedGrowth: number): number {
  assertCount('installedAtStart', installedAtStart);
  assertCount('agreedGrowth', agreedGrowth);
  return installedAtStart + agreedGrowth;
}

/** Baseline = ordered × (100 + baselinePct) / 100, exact. */
export function baselineFraction(ordered: number, baselinePct: number): Fraction {
  assertCount('ordered', ordered);
  return multiplyFractions(
    fraction(ordered),
    addFractions(fraction(1), percentFraction(baselinePct)),
  );
}

/** The baseline as decimal text: "105", "31.5", "1.05". */
export function baseline(ordered: number, baselinePct: number): string {
  return fractionToDecimal(baselineFraction(ordered, baselinePct));
}

/** The smallest whole count that reaches the baseline; 1 when ordered is 0. */
export function triggerAt(ordered: number, baselinePct: number): number {
  if (ordered === 0) return 1;
  return Number(ceilFraction(baselineFraction(ordered, baselinePct)));
}

/** under (count < ordered), within (ordered ≤ count < triggerAt), trueUpDue (count ≥ triggerAt). */
export function categoryStatus(count: number, ordered: number, trigger: number): CategoryStatus {
  assertCount('count', count);
  if (count >= trigger) return 'trueUpDue';
  return count < ordered ? 'under' : 'within';
}

/** categoryStatus, with `approaching` for a count at least approachingPct % of the way to triggerAt. */
export function dashboardStatus(
  count: number,
  ordered: number,
  trigger: number,
  approachingPct: number,
): DashboardStatus {
  const status = categoryStatus(count, ordered, trigger);
  if (status !== 'within') return status;
  const progress = fraction(count - ordered, Math.max(1, trigger - ordered));
  return compareFractions(progress, percentFraction(approachingPct)) >= 0
    ? 'approaching'
    : 'within';
}

/** Growth of the count over ordered units, in %, for display (not used in any charge). */
export function growthPct(count: number, ordered: number): number | null {
  return ordered === 0 ? null : ((count - ordered) * 100) / ordered;
}
