/**
 * Where a contract stands, per category (TERMS.md §3–4): ordered units in force (after an applied
 * true-up), baseline, triggerAt, count, status, and the true-up a count gives. `csm status`, the
 * contract screen and the true-up workflow all read it from here.
 */
import type { Category } from '../model/category';
import type { Contract, ContractCategory, InventorySnapshot, TrueUp } from '../model/entities';
import {
  baseline,
  categoryStatus,
  orderedUnits,
  triggerAt,
  type CategoryStatus,
} from '../terms/baseline';
import {
  compareDates,
  lastDayOfMonth,
  monthOf,
  type CalendarDate,
  type CalendarMonth,
} from '../terms/dates';
import { money, type Money } from '../terms/money';
import { adjustmentMonth, renewalDate, termEnd } from '../terms/term';
import { trueUp, type TrueUpResult } from '../terms/true-up';

export interface Term {
  start: CalendarDate;
  months: number;
  end: CalendarDate;
  renewal: CalendarDate;
  adjustmentMonth: CalendarMonth;
}

export function contractTerm(
  contract: Pick<Contract, 'termStart' | 'settings' | 'adjustmentMonth'>,
): Term {
  const months = contract.settings.termMonths;
  return {
    start: contract.termStart,
    months,
    end: termEnd(contract.termStart, months),
    renewal: renewalDate(contract.termStart, months),
    adjustmentMonth: adjustmentMonth(contract.termStart, months, contract.adjustmentMonth),
  };
}

/** The true-ups of the contract's current term, one per category at most. */
export function currentTrueUps(
  contract: Contract,
  trueUps: readonly TrueUp[],
): Map<Category, TrueUp> {
  return new Map(
    trueUps
      .filter((t) => t.contractId === contract.id && t.termStart === contract.termStart)
      .map((t) => [t.category, t]),
  );
}

/** Ordered units in force: the term's ordered units, or the count an applied true-up reset them to. */
export function orderedInForce(line: ContractCategory, applied: TrueUp | undefined): number {
  if (applied?.state === 'applied') return applied.count;
  return orderedUnits(line.installedAtStart, line.agreedGrowth);
}

export interface CategoryStanding {
  category: Category;
  ordered: number;
  baseline: string;
  triggerAt: number;
  count: number | null;
  status: CategoryStatus | null;
  /** The true-up this count gives, as if it were the adjustment month's; null below triggerAt. */
  trueUp: (TrueUpResult & { projected: boolean }) | null;
}

/** One category's standing in `month` with `count` devices. */
export function categoryStanding(
  contract: Pick<Contract, 'termStart' | 'settings' | 'adjustmentMonth' | 'currency'>,
  line: ContractCategory,
  ordered: number,
  count: number | null,
  month: CalendarMonth,
): CategoryStanding {
  const term = contractTerm(contract);
  const trigger = triggerAt(ordered, contract.settings.baselinePct);
  const result =
    count === null
      ? null
      : trueUp({
          ordered,
          count,
          triggerAt: trigger,
          unitPrice: money(line.unitPriceMinor, contract.currency),
          adjustmentMonth: term.adjustmentMonth,
          termEnd: term.end,
          termStart: term.start,
        });
  return {
    category: line.category,
    ordered,
    baseline: baseline(ordered, contract.settings.baselinePct),
    triggerAt: trigger,
    count,
    status: count === null ? null : categoryStatus(count, ordered, trigger),
    trueUp: result ? { ...result, projected: month < term.adjustmentMonth } : null,
  };
}

/** A true-up the snapshots show is due and that has no record yet: the start of the workflow. */
export interface DueTrueUp {
  category: Category;
  adjustmentMonth: CalendarMonth;
  asOf: CalendarDate;
  count: number;
  ordered: number;
  triggerAt: number;
  added: number;
  unitPrice: Money;
  monthsCharged: TrueUpResult['monthsCharged'];
  amount: Money;
}

/**
 * True-ups due (TERMS.md §4): once the adjustment month has begun and until the term ends, with the
 * count from the latest inventory on or before the adjustment month's end, for each category that has
 * reached triggerAt and has no true-up in this term yet.
 */
export function dueTrueUps(
  contract: Contract,
  snapshots: readonly InventorySnapshot[],
  trueUps: readonly TrueUp[],
  today: CalendarDate,
): DueTrueUp[] {
  const term = contractTerm(contract);
  if (monthOf(today) < term.adjustmentMonth || compareDates(today, term.end) > 0) return [];
  const cutoff = lastDayOfMonth(term.adjustmentMonth);
  const snapshot = snapshots
    .filter((s) => s.customerId === contract.customerId && compareDates(s.asOf, cutoff) <= 0)
    .reduce<InventorySnapshot | undefined>(
      (latest, s) => (!latest || s.asOf > latest.asOf ? s : latest),
      undefined,
    );
  if (!snapshot) return [];
  const existing = currentTrueUps(contract, trueUps);
  return contract.categories.flatMap((line) => {
    if (existing.has(line.category)) return [];
    const ordered = orderedUnits(line.installedAtStart, line.agreedGrowth);
    const standing = categoryStanding(
      contract,
      line,
      ordered,
      snapshot.summary.counts[line.category],
      term.adjustmentMonth,
    );
    if (!standing.trueUp || standing.count === null) return [];
    return [
      {
        category: line.category,
        adjustmentMonth: term.adjustmentMonth,
        asOf: snapshot.asOf,
        count: standing.count,
        ordered,
        triggerAt: standing.triggerAt,
        added: standing.trueUp.added,
        unitPrice: money(line.unitPriceMinor, contract.currency),
        monthsCharged: standing.trueUp.monthsCharged,
        amount: standing.trueUp.amount,
      },
    ];
  });
}
