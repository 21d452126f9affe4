/**
 * Last Detected values in every form FORMATS.md lists, normalised to a UTC instant. Times without a
 * zone are taken as UTC so the same file gives the same dates on every machine, whatever its time zone.
 * The day/month order of nn/nn/yyyy is decided once for the whole file.
 */
import { formatDate, isCalendarDate } from '../terms/dates';

export type DateOrder = 'dmy' | 'mdy';

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?$/i;

function instant(
  y: number,
  mo: number,
  d: number,
  h = 0,
  mi = 0,
  s = 0,
  offsetMinutes = 0,
): string | null {
  const date = formatDate({ year: y, month: mo, day: d });
  if (!isCalendarDate(date) || h > 23 || mi > 59 || s > 59) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - offsetMinutes * 60_000;
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function offsetOf(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.replace(/[^\d]/g, '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

/** Which order nn/nn/yyyy values in a column force: a day above 12 decides; null when nothing does. */
export function detectDateOrder(values: Iterable<string>): DateOrder | 'conflict' | null {
  let isDayFirst = false;
  let isMonthFirst = false;
  for (const value of values) {
    const match = SLASHED.exec(value.trim());
    if (!match) continue;
    if (Number(match[1]) > 12) isDayFirst = true;
    if (Number(match[2]) > 12) isMonthFirst = true;
  }
  if (isDayFirst && isMonthFirst) return 'conflict';
  return isDayFirst ? 'dmy' : isMonthFirst ? 'mdy' : null;
}

/** The default order for a locale: month first only in the US style. */
export function localeDateOrder(locale: string): DateOrder {
  return /^en-(US|PH)|^en$/i.test(locale) ? 'mdy' : 'dmy';
}

/** Already the form the import writes: 'YYYY-MM-DDTHH:MM:SSZ'. */
const CANONICAL = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d):([0-5]\d)Z$/;

/** A Last Detected text as a UTC instant ('2026-07-31T08:21:07Z'), or null when it is not a date. */
export function parseLastDetected(text: string, order: DateOrder): string | null {
  const value = text.trim();
  // The Lens API's form needs no conversion, only the calendar check.
  const canonical = CANONICAL.exec(value);
  if (canonical)
    return isCalendarDate(`${canonical[1]}-${canonical[2]}-${canonical[3]}`) ? value : null;
  let m = ISO.exec(value);
  if (m)
    return instant(
      +m[1]!,
      +m[2]!,
      +m[3]!,
      +(m[4] ?? 0),
      +(m[5] ?? 0),
      +(m[6] ?? 0),
      offsetOf(m[7]),
    );
  m = DOTTED.exec(value);
  if (m) return instant(+m[3]!, +m[2]!, +m[1]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  m = SLASHED.exec(value);
  if (m) {
    const [first, second] = [+m[1]!, +m[2]!];
    let hour = +(m[4] ?? 0);
    const meridiem = m[7]?.toUpperCase();
    if (meridiem && (hour < 1 || hour > 12)) return null;
    if (meridiem === 'PM' && hour < 12) hour += 12;
    if (meridiem === 'AM' && hour === 12) hour = 0;
    const [day, month] = order === 'dmy' ? [first, second] : [second, first];
    return instant(+m[3]!, month, day, hour, +(m[5] ?? 0), +(m[6] ?? 0));
  }
  return null;
}

/** An Excel date cell (exceljs gives the serial as a UTC Date) as a UTC instant. */
export function excelDateInstant(date: Date): string | null {
  return Number.isNaN(date.getTime()) ? null : date.toISOString().replace('.000Z', 'Z');
}
