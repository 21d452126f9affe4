/**
 * Where a contract stands, per category (TERMS.md §3–4): ordered units in force (after an applied
 * true-up), baseline, triggerAt, count, status, and the true-up a count gives. `csm status`, the
 * contract screen and the true-up workflow all read it from here.
 */
import type { Category, CategoryRecord } from '../model/category';
import type { Contract, ContractCategory, TrueUp } from '../model/entities';
import { fraction, type Fraction } from '../terms/fraction';
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

/** What a category's count means for the user this month (TERMS.md §4, "What the status means"). */
export type TrueUpAction = 'projected' | 'due' | 'inProgress' | 'atRenewal';

/** The true-up a count gives: the units added, the annual unit price, months charged and the amount. */
export interface TrueUpFigures {
  added: number;
  unitPrice: Money;
  monthsCharged: Fraction;
  amount: Money;
}

export interface CategoryStanding {
  category: Category;
  ordered: number;
  baseline: string;
  triggerAt: number;
  count: number | null;
  status: CategoryStatus | null;
  action: TrueUpAction | null;
  /** Due after its adjustment month is over, and still not quoted. */
  isOverdue: boolean;
  adjustmentMonth: CalendarMonth;
  /** projected: at this count; due: at the adjustment month's count; in progress or applied: as quoted. */
  figures: TrueUpFigures | null;
  /** At renewal: the units the renewal adds (count − ordered). */
  unitsAtRenewal: number | null;
  /** This term's true-up record for the category, as it stood. */
  record: TrueUp | null;
  /** Due: what quoting it needs. */
  due: DueTrueUp | null;
}

/** An inventory's date and counts: the latest on or before some day. */
export interface CountsAt {
  asOf: CalendarDate;
  summary: { counts: CategoryRecord<number> };
}

/** The latest of `inventories` on or before `day`. */
export function latestOnOrBefore<T extends CountsAt>(
  inventories: readonly T[],
  day: CalendarDate,
): T | undefined {
  return inventories.reduce<T | undefined>(
    (latest, s) =>
      compareDates(s.asOf, day) <= 0 && (!latest || s.asOf > latest.asOf) ? s : latest,
    undefined,
  );
}

const recordFigures = (record: TrueUp): TrueUpFigures => ({
  added: record.added,
  unitPrice: money(record.unitPriceMinor, record.currency),
  monthsCharged: fraction(
    record.monthsWhole * record.monthsPartial[1] + record.monthsPartial[0],
    record.monthsPartial[1],
  ),
  amount: money(record.amountMinor, record.currency),
});

export interface StandingInput {
  /** The contract in the term that covered the month, as it stood at the month's end. */
  contract: Pick<Contract, 'termStart' | 'settings' | 'adjustmentMonth' | 'currency'>;
  line: ContractCategory;
  month: CalendarMonth;
  /** The count from the latest inventory on or before the month's end. */
  count: number | null;
  /** The latest inventory on or before the end of the adjustment month. */
  adjustment: CountsAt | null;
  /** This term's true-up for the category, as it stood at the month's end. */
  record: TrueUp | null;
}

/**
 * One category's standing in a month and what it means (TERMS.md §3–4): projected before the
 * adjustment month; due once it has begun, if the adjustment month's count reached triggerAt, until
 * quoted (overdue after it); in progress while quoted or ordered; at renewal when over triggerAt after
 * this term's adjustment was applied or passed below it. Nothing below triggerAt.
 */
export function categoryStanding(input: StandingInput): CategoryStanding {
  const { contract, line, month, count, record } = input;
  const term = contractTerm(contract);
  const pct = contract.settings.baselinePct;
  const ordered = orderedInForce(line, record ?? undefined);
  const trigger = triggerAt(ordered, pct);
  const unitPrice = money(line.unitPriceMinor, contract.currency);
  const figuresAt = (at: number, from: number) =>
    trueUp({
      ordered: from,
      count: at,
      triggerAt: triggerAt(from, pct),
      unitPrice,
      adjustmentMonth: term.adjustmentMonth,
      termEnd: term.end,
      termStart: term.start,
    });
  const standing: CategoryStanding = {
    category: line.category,
    ordered,
    baseline: baseline(ordered, pct),
    triggerAt: trigger,
    count,
    status: count === null ? null : categoryStatus(count, ordered, trigger),
    action: null,
    isOverdue: false,
    adjustmentMonth: term.adjustmentMonth,
    figures: record ? recordFigures(record) : null,
    unitsAtRenewal: null,
    record,
    due: null,
  };
  const overTrigger = count !== null && count >= trigger;
  if (record && (record.state === 'quoted' || record.state === 'ordered'))
    return { ...standing, action: 'inProgress' };
  if (month < term.adjustmentMonth) {
    const projected = count === null ? null : figuresAt(count, ordered);
    return projected
      ? {
          ...standing,
          action: 'projected',
          figures: {
            added: projected.added,
            unitPrice,
            monthsCharged: projected.monthsCharged.total,
            amount: projected.amount,
          },
        }
      : standing;
  }
  const atRenewal = overTrigger
    ? { ...standing, action: 'atRenewal' as const, unitsAtRenewal: (count ?? 0) - ordered }
    : standing;
  if (record) return record.state === 'applied' ? atRenewal : { ...standing, action: 'due' };
  const adjustmentCount = input.adjustment?.summary.counts[line.category] ?? null;
  const due = adjustmentCount === null ? null : figuresAt(adjustmentCount, ordered);
  if (!due || !input.adjustment || compareDates(lastDayOfMonth(month), term.end) > 0)
    return atRenewal;
  return {
    ...standing,
    action: 'due',
    isOverdue: month > term.adjustmentMonth,
    figures: {
      added: due.added,
      unitPrice,
      monthsCharged: due.monthsCharged.total,
      amount: due.amount,
    },
    due: {
      category: line.category,
      adjustmentMonth: term.adjustmentMonth,
      asOf: input.adjustment.asOf,
      count: adjustmentCount ?? 0,
      ordered,
      triggerAt: trigger,
      added: due.added,
      unitPrice,
      monthsCharged: due.monthsCharged,
      amount: due.amount,
    },
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
 * Every category's standing in `month` (TERMS.md §3–4, §10): counts from the latest inventory on or
 * before the month's end, the adjustment from the latest on or before the adjustment month's end.
 */
export function contractStandings(
  contract: Contract,
  inventories: readonly CountsAt[],
  trueUps: readonly TrueUp[],
  month: CalendarMonth,
): CategoryStanding[] {
  const term = contractTerm(contract);
  const latest = latestOnOrBefore(inventories, lastDayOfMonth(month));
  const adjustment = latestOnOrBefore(inventories, lastDayOfMonth(term.adjustmentMonth)) ?? null;
  const records = currentTrueUps(contract, trueUps);
  return contract.categories.map((line) =>
    categoryStanding({
      contract,
      line,
      month,
      count: latest ? latest.summary.counts[line.category] : null,
      adjustment,
      record: records.get(line.category) ?? null,
    }),
  );
}

/** The true-ups due now (the workflow's next step is a quote), with what quoting each needs. */
export function dueTrueUps(
  contract: Contract,
  inventories: readonly CountsAt[],
  trueUps: readonly TrueUp[],
  today: CalendarDate,
): DueTrueUp[] {
  return contractStandings(contract, inventories, trueUps, monthOf(today)).flatMap((s) =>
    s.due ? [s.due] : [],
  );
}
