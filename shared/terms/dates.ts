/**
 * Calendar dates and months without a time zone (TERMS.md §9).
 * A date is 'YYYY-MM-DD', a month 'YYYY-MM'. All arithmetic is on whole days counted from 1970-01-01
 * with the proleptic Gregorian calendar, so no host time zone can shift a date.
 */

/** A calendar date, 'YYYY-MM-DD'. */
export type CalendarDate = string;
/** A calendar month, 'YYYY-MM'. */
export type CalendarMonth = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export class InvalidDateError extends Error {
  constructor(value: string) {
    super(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(value)}`);
    this.name = 'InvalidDateError';
  }
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses and validates a 'YYYY-MM-DD' date. */
export function parseDate(value: CalendarDate): DateParts {
  const match = DATE_RE.exec(value);
  if (!match) throw new InvalidDateError(value);
  const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (parts.month < 1 || parts.month > 12 || parts.day < 1) throw new InvalidDateError(value);
  if (parts.day > daysInMonth(parts.year, parts.month)) throw new InvalidDateError(value);
  return parts;
}

/** True when the value is a valid 'YYYY-MM-DD' date. */
export function isCalendarDate(value: string): boolean {
  try {
    parseDate(value);
    return true;
  } catch {
    return false;
  }
}

/** True when the value is a valid 'YYYY-MM' month. */
export function isCalendarMonth(value: string): boolean {
  const match = MONTH_RE.exec(value);
  return match !== null && Number(match[2]) >= 1 && Number(match[2]) <= 12;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function formatDate({ year, month, day }: DateParts): CalendarDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
export function toDayNumber(date: CalendarDate): number {
  const { year, month, day } = parseDate(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date of a day number (inverse of toDayNumber). */
export function fromDayNumber(days: number): CalendarDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return formatDate({ year, month, day });
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function weekday(date: CalendarDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/** Adds calendar months; a day past the end of the target month is clamped to its last day. */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const { year, month, day } = parseDate(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return formatDate({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The month a date falls in. */
export function monthOf(date: CalendarDate): CalendarMonth {
  parseDate(date);
  return date.slice(0, 7);
}

export function firstDayOfMonth(month: CalendarMonth): CalendarDate {
  if (!isCalendarMonth(month)) throw new InvalidDateError(month);
  return `${month}-01`;
}

export function lastDayOfMonth(month: CalendarMonth): CalendarDate {
  const { year, month: m } = parseDate(firstDayOfMonth(month));
  return formatDate({ year, month: m, day: daysInMonth(year, m) });
}

export function addMonthsToMonth(month: CalendarMonth, months: number): CalendarMonth {
  return monthOf(addMonths(firstDayOfMonth(month), months));
}

/** Whole months from month a to month b (b − a). */
export function monthsBetween(a: CalendarMonth, b: CalendarMonth): number {
  const pa = parseDate(firstDayOfMonth(a));
  const pb = parseDate(firstDayOfMonth(b));
  return pb.year * 12 + pb.month - (pa.year * 12 + pa.month);
}

/** The months from `from` to `to`, both included. */
export function monthRange(from: CalendarMonth, to: CalendarMonth): CalendarMonth[] {
  const count = monthsBetween(from, to);
  return Array.from({ length: Math.max(0, count + 1) }, (_, i) => addMonthsToMonth(from, i));
}

/** Today as a calendar date in the machine's own time zone: the user's today, in every host. */
export function localToday(now = new Date()): CalendarDate {
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** The calendar date an instant falls on in the machine's own time zone (the user's day). */
export function localDateOf(instant: string): CalendarDate {
  return localToday(new Date(instant));
}
