/** Contract term dates: term end, renewal date, adjustment month, months charged (TERMS.md §4–5). */
import {
  addDays,
  addMonths,
  compareDates,
  daysInMonth,
  firstDayOfMonth,
  isCalendarMonth,
  monthOf,
  parseDate,
  toDayNumber,
  type CalendarDate,
  type CalendarMonth,
} from './dates';
import { addFractions, fraction, type Fraction } from './fraction';

function assertTermMonths(termMonths: number): void {
  if (!Number.isSafeInteger(termMonths) || termMonths < 1)
    throw new RangeError(`term length must be ≥ 1 month: ${termMonths}`);
}

/** Term end = termStart + termMonths months − 1 day. */
export function termEnd(termStart: CalendarDate, termMonths: number): CalendarDate {
  assertTermMonths(termMonths);
  return addDays(addMonths(termStart, termMonths), -1);
}

/** Renewal date = term end + 1 day. */
export function renewalDate(termStart: CalendarDate, termMonths: number): CalendarDate {
  return addDays(termEnd(termStart, termMonths), 1);
}

/**
 * The month of the mid-term adjustment: the contract's own choice, else the calendar month containing
 * termStart + ⌊termMonths / 2⌋ months.
 */
export function adjustmentMonth(
  termStart: CalendarDate,
  termMonths: number,
  override?: CalendarMonth | null,
): CalendarMonth {
  assertTermMonths(termMonths);
  if (override) {
    if (!isCalendarMonth(override))
      throw new RangeError(`adjustment month must be YYYY-MM: ${override}`);
    return override;
  }
  return monthOf(addMonths(termStart, Math.floor(termMonths / 2)));
}

/** Months charged, split as whole months plus the covered fraction of a final partial month. */
export interface MonthsCharged {
  whole: number;
  /** Covered days ÷ days of the final month; 0/1 when the charge ends on a whole month. */
  partial: Fraction;
  total: Fraction;
}

/**
 * Months from the first day of the adjustment month to the term's last day: whole calendar months, plus,
 * where the term ends inside a month, that month's covered days ÷ its days. Charging never starts before
 * the term does (a one-month term starting mid-month); 0 when the term ends first.
 */
export function monthsCharged(
  adjustment: CalendarMonth,
  end: CalendarDate,
  termStart?: CalendarDate,
): MonthsCharged {
  const firstDay = firstDayOfMonth(adjustment);
  const start = termStart && compareDates(termStart, firstDay) > 0 ? termStart : firstDay;
  if (compareDates(end, start) < 0) return { whole: 0, partial: fraction(0), total: fraction(0) };
  let whole = 0;
  while (compareDates(addDays(addMonths(start, whole + 1), -1), end) <= 0) whole++;
  const rest = addMonths(start, whole);
  const { year, month } = parseDate(end);
  const partial =
    compareDates(rest, end) <= 0
      ? fraction(toDayNumber(end) - toDayNumber(rest) + 1, daysInMonth(year, month))
      : fraction(0);
  return { whole, partial, total: addFractions(fraction(whole), partial) };
}

/** Months charged as text: "6", or "6 + 14/31" when the term ends inside a month. */
export function monthsChargedText(
  whole: number,
  num: bigint | number,
  den: bigint | number,
): string {
  return Number(num) === 0 ? String(whole) : `${whole} + ${Number(num)}/${Number(den)}`;
}
