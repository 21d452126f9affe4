/**
 * What users type into date and duration fields, read the same way in both languages: a date as
 * 2026-12-01, 1/12/2026, 1.12.2026, 20261201 or "1 dec 2026" / "1 December 2026" (day first, as in
 * Sweden and the UK); a duration as "0:45", "45 min", "1 h 30 min", "1,5 h" or a bare number (hours up
 * to 12, minutes above).
 */

const MONTHS: Record<string, number> = {};
[
  ['jan', 'januari', 'january'],
  ['feb', 'februari', 'february'],
  ['mar', 'mars', 'march'],
  ['apr', 'april'],
  ['maj', 'may'],
  ['jun', 'juni', 'june'],
  ['jul', 'juli', 'july'],
  ['aug', 'augusti', 'august'],
  ['sep', 'sept', 'september'],
  ['okt', 'oct', 'oktober', 'october'],
  ['nov', 'november'],
  ['dec', 'december'],
].forEach((names, i) => names.forEach((name) => (MONTHS[name] = i + 1)));

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day > days ? null : `${year}-${pad(month)}-${pad(day)}`;
}

/** A typed date as YYYY-MM-DD, or null when it is no calendar date. */
export function parseDateText(text: string): string | null {
  const value = text.trim().toLowerCase();
  let m =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})\.?\s+([a-zåäö]+)\.?,?\s+(\d{4})$/.exec(value);
  if (m) {
    const month = MONTHS[m[2]!];
    return month ? isoDate(Number(m[3]), month, Number(m[1])) : null;
  }
  m = /^([a-zåäö]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(value);
  if (m) {
    const month = MONTHS[m[1]!];
    return month ? isoDate(Number(m[3]), month, Number(m[2])) : null;
  }
  return null;
}

/** A typed time of day as HH:MM (24 h), or null. */
export function parseTimeText(text: string): string | null {
  const m = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2] ?? 0);
  return hours > 23 || minutes > 59 ? null : `${pad(hours)}:${pad(minutes)}`;
}

/** Whole hours a bare number may mean; above it, a bare number is minutes ("45" is 45 minutes). */
const BARE_HOURS_MAX = 12;

/** A typed duration in minutes, or null when it reads as none. */
export function parseDurationText(text: string): number | null {
  const value = text.trim().toLowerCase().replace(',', '.');
  if (!value) return null;
  let m = /^(\d{1,3}):(\d{2})$/.exec(value);
  if (m) return Number(m[2]) > 59 ? null : Number(m[1]) * 60 + Number(m[2]);
  m =
    /^(?:(\d+(?:\.\d+)?)\s*(?:h|hr|hrs|hour|hours|tim|timme|timmar|t))?\s*(?:(\d+)\s*(?:m|min|mins|minute|minutes|minut|minuter))?$/.exec(
      value,
    );
  if (m && (m[1] !== undefined || m[2] !== undefined))
    return Math.round(Number(m[1] ?? 0) * 60) + Number(m[2] ?? 0);
  m = /^\d+(?:\.\d+)?$/.exec(value);
  if (!m) return null;
  const number = Number(value);
  return number <= BARE_HOURS_MAX
    ? Math.round(number * 60)
    : Number.isInteger(number)
      ? number
      : null;
}

/** A typed date and time as "YYYY-MM-DD HH:MM:00" (local), or null: "1 dec. 2026 17:18", "2026-12-01T17:18". */
export function parseDateTimeText(text: string): string | null {
  const m = /^(.*?)(?:,?\s+|t)(\d{1,2}[:.]\d{2})$/i.exec(text.trim());
  const date = parseDateText(m ? m[1]! : text);
  const time = m ? parseTimeText(m[2]!) : '00:00';
  return date && time ? `${date} ${time}:00` : null;
}
