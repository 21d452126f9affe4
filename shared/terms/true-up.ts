/** The mid-term true-up amount (TERMS.md §4) and the renewal proposal (TERMS.md §5). */
import type { Category } from '../model/category';
import { fraction, multiplyFractions } from './fraction';
import { multiplyMoney, sumMoney, type CurrencyCode, type Money } from './money';
import { monthsCharged, type MonthsCharged } from './term';
import type { CalendarDate, CalendarMonth } from './dates';

export interface TrueUpInput {
  ordered: number;
  count: number;
  triggerAt: number;
  /** Annual price per device. */
  unitPrice: Money;
  adjustmentMonth: CalendarMonth;
  termEnd: CalendarDate;
  /** Charging never starts before the term does. */
  termStart?: CalendarDate;
}

export interface TrueUpResult {
  added: number;
  monthsCharged: MonthsCharged;
  /** added × unitPrice × monthsCharged / 12, half away from zero to the minor unit. */
  amount: Money;
  /** The new ordered units once the true-up is applied (the baseline resets from it). */
  newOrdered: number;
}

/** The true-up for one category, or null when the count has not reached triggerAt. */
export function trueUp(input: TrueUpInput): TrueUpResult | null {
  if (input.count < input.triggerAt) return null;
  const added = input.count - input.ordered;
  const months = monthsCharged(input.adjustmentMonth, input.termEnd, input.termStart);
  const factor = multiplyFractions(
    fraction(added),
    multiplyFractions(months.total, fraction(1, 12)),
  );
  return {
    added,
    monthsCharged: months,
    amount: multiplyMoney(input.unitPrice, factor),
    newOrdered: input.count,
  };
}

export interface RenewalLineInput {
  category: Category;
  latestCount: number;
  nextAgreedGrowth: number;
  nextUnitPrice: Money;
}

export interface RenewalLine {
  category: Category;
  nextOrdered: number;
  value: Money;
}

export interface RenewalProposal {
  lines: RenewalLine[];
  renewalValue: Money;
}

/** nextOrdered = latest count + next agreed growth; renewalValue = Σ nextOrdered × nextUnitPrice. */
export function renewalProposal(
  lines: readonly RenewalLineInput[],
  currency: CurrencyCode,
): RenewalProposal {
  const proposed = lines.map((line) => {
    const nextOrdered = line.latestCount + line.nextAgreedGrowth;
    return {
      category: line.category,
      nextOrdered,
      value: multiplyMoney(line.nextUnitPrice, fraction(nextOrdered)),
    };
  });
  return {
    lines: proposed,
    renewalValue: sumMoney(
      proposed.map((line) => line.value),
      currency,
    ),
  };
}
