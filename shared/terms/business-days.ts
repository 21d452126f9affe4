/** Business days for advance replacement (TERMS.md §6): not weekends, not the country's holidays. */
import { addDays, parseDate, weekday, type CalendarDate } from './dates';
import { holidays, type CountryCode } from './holidays';

export function isBusinessDay(date: CalendarDate, country: CountryCode): boolean {
  const day = weekday(date);
  if (day === 0 || day === 6) return false;
  return !holidays(country, parseDate(date).year).has(date);
}

/** The first business day strictly after `date`: when an approved replacement ships. */
export function nextBusinessDay(date: CalendarDate, country: CountryCode): CalendarDate {
  return addBusinessDays(date, 1, country);
}

/** The date `count` business days after `date` (count ≥ 1): e.g. a defective unit's return-by date. */
export function addBusinessDays(
  date: CalendarDate,
  count: number,
  country: CountryCode,
): CalendarDate {
  if (!Number.isSafeInteger(count) || count < 1)
    throw new RangeError(`business days must be ≥ 1: ${count}`);
  let current = date;
  for (let left = count; left > 0;) {
    current = addDays(current, 1);
    if (isBusinessDay(current, country)) left--;
  }
  return current;
}

/** Business days after `from` up to and including `to` (0 when to ≤ from). */
export function businessDaysBetween(
  from: CalendarDate,
  to: CalendarDate,
  country: CountryCode,
): number {
  let count = 0;
  for (let current = addDays(from, 1); current <= to; current = addDays(current, 1)) {
    if (isBusinessDay(current, country)) count++;
  }
  return count;
}
