/**
 * Public holidays as data, per country (ISO 3166-1 alpha-2). Moving feasts are rules, computed per year,
 * never listed by year. Days that are not official holidays but on which no business is done (Swedish
 * Midsummer Eve, Christmas Eve, New Year's Eve) are included with `deFacto: true`.
 */
import { addDays, formatDate, weekday, type CalendarDate } from './dates';

export type HolidayRule =
  | { kind: 'fixed'; name: string; month: number; day: number; deFacto?: boolean }
  | { kind: 'easter'; name: string; offset: number; deFacto?: boolean }
  /** The first given weekday (0 = Sunday) on or after month/day: Swedish Midsummer, All Saints. */
  | {
      kind: 'weekdayOnOrAfter';
      name: string;
      month: number;
      day: number;
      weekday: number;
      deFacto?: boolean;
    };

export const HOLIDAY_RULES = {
  SE: [
    { kind: 'fixed', name: 'Nyårsdagen', month: 1, day: 1 },
    { kind: 'fixed', name: 'Trettondedag jul', month: 1, day: 6 },
    { kind: 'easter', name: 'Långfredagen', offset: -2 },
    { kind: 'easter', name: 'Påskdagen', offset: 0 },
    { kind: 'easter', name: 'Annandag påsk', offset: 1 },
    { kind: 'fixed', name: 'Första maj', month: 5, day: 1 },
    { kind: 'easter', name: 'Kristi himmelsfärdsdag', offset: 39 },
    { kind: 'easter', name: 'Pingstdagen', offset: 49 },
    { kind: 'fixed', name: 'Sveriges nationaldag', month: 6, day: 6 },
    {
      kind: 'weekdayOnOrAfter',
      name: 'Midsommarafton',
      month: 6,
      day: 19,
      weekday: 5,
      deFacto: true,
    },
    { kind: 'weekdayOnOrAfter', name: 'Midsommardagen', month: 6, day: 20, weekday: 6 },
    { kind: 'weekdayOnOrAfter', name: 'Alla helgons dag', month: 10, day: 31, weekday: 6 },
    { kind: 'fixed', name: 'Julafton', month: 12, day: 24, deFacto: true },
    { kind: 'fixed', name: 'Juldagen', month: 12, day: 25 },
    { kind: 'fixed', name: 'Annandag jul', month: 12, day: 26 },
    { kind: 'fixed', name: 'Nyårsafton', month: 12, day: 31, deFacto: true },
  ],
  NO: [
    { kind: 'fixed', name: 'Første nyttårsdag', month: 1, day: 1 },
    { kind: 'easter', name: 'Skjærtorsdag', offset: -3 },
    { kind: 'easter', name: 'Langfredag', offset: -2 },
    { kind: 'easter', name: 'Første påskedag', offset: 0 },
    { kind: 'easter', name: 'Andre påskedag', offset: 1 },
    { kind: 'fixed', name: 'Arbeidernes dag', month: 5, day: 1 },
    { kind: 'fixed', name: 'Grunnlovsdag', month: 5, day: 17 },
    { kind: 'easter', name: 'Kristi himmelfartsdag', offset: 39 },
    { kind: 'easter', name: 'Første pinsedag', offset: 49 },
    { kind: 'easter', name: 'Andre pinsedag', offset: 50 },
    { kind: 'fixed', name: 'Første juledag', month: 12, day: 25 },
    { kind: 'fixed', name: 'Andre juledag', month: 12, day: 26 },
  ],
  DK: [
    { kind: 'fixed', name: 'Nytårsdag', month: 1, day: 1 },
    { kind: 'easter', name: 'Skærtorsdag', offset: -3 },
    { kind: 'easter', name: 'Langfredag', offset: -2 },
    { kind: 'easter', name: 'Påskedag', offset: 0 },
    { kind: 'easter', name: '2. påskedag', offset: 1 },
    { kind: 'easter', name: 'Kristi himmelfartsdag', offset: 39 },
    { kind: 'easter', name: 'Pinsedag', offset: 49 },
    { kind: 'easter', name: '2. pinsedag', offset: 50 },
    { kind: 'fixed', name: 'Grundlovsdag', month: 6, day: 5 },
    { kind: 'fixed', name: 'Juleaftensdag', month: 12, day: 24, deFacto: true },
    { kind: 'fixed', name: 'Juledag', month: 12, day: 25 },
    { kind: 'fixed', name: '2. juledag', month: 12, day: 26 },
  ],
  FI: [
    { kind: 'fixed', name: 'Uudenvuodenpäivä', month: 1, day: 1 },
    { kind: 'fixed', name: 'Loppiainen', month: 1, day: 6 },
    { kind: 'easter', name: 'Pitkäperjantai', offset: -2 },
    { kind: 'easter', name: 'Pääsiäispäivä', offset: 0 },
    { kind: 'easter', name: '2. pääsiäispäivä', offset: 1 },
    { kind: 'fixed', name: 'Vappu', month: 5, day: 1 },
    { kind: 'easter', name: 'Helatorstai', offset: 39 },
    {
      kind: 'weekdayOnOrAfter',
      name: 'Juhannusaatto',
      month: 6,
      day: 19,
      weekday: 5,
      deFacto: true,
    },
    { kind: 'weekdayOnOrAfter', name: 'Juhannuspäivä', month: 6, day: 20, weekday: 6 },
    { kind: 'weekdayOnOrAfter', name: 'Pyhäinpäivä', month: 10, day: 31, weekday: 6 },
    { kind: 'fixed', name: 'Itsenäisyyspäivä', month: 12, day: 6 },
    { kind: 'fixed', name: 'Jouluaatto', month: 12, day: 24, deFacto: true },
    { kind: 'fixed', name: 'Joulupäivä', month: 12, day: 25 },
    { kind: 'fixed', name: 'Tapaninpäivä', month: 12, day: 26 },
  ],
  DE: [
    { kind: 'fixed', name: 'Neujahr', month: 1, day: 1 },
    { kind: 'easter', name: 'Karfreitag', offset: -2 },
    { kind: 'easter', name: 'Ostermontag', offset: 1 },
    { kind: 'fixed', name: 'Tag der Arbeit', month: 5, day: 1 },
    { kind: 'easter', name: 'Christi Himmelfahrt', offset: 39 },
    { kind: 'easter', name: 'Pfingstmontag', offset: 50 },
    { kind: 'fixed', name: 'Tag der Deutschen Einheit', month: 10, day: 3 },
    { kind: 'fixed', name: '1. Weihnachtstag', month: 12, day: 25 },
    { kind: 'fixed', name: '2. Weihnachtstag', month: 12, day: 26 },
  ],
} as const satisfies Record<string, readonly HolidayRule[]>;

export type CountryCode = keyof typeof HOLIDAY_RULES;
export const COUNTRY_CODES = Object.keys(HOLIDAY_RULES) as CountryCode[];

export function isCountryCode(value: string): value is CountryCode {
  return Object.hasOwn(HOLIDAY_RULES, value);
}

/** Easter Sunday (Gregorian computus, anonymous algorithm). */
export function easterSunday(year: number): CalendarDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatDate({ year, month, day });
}

function ruleDate(rule: HolidayRule, year: number): CalendarDate {
  switch (rule.kind) {
    case 'fixed':
      return formatDate({ year, month: rule.month, day: rule.day });
    case 'easter':
      return addDays(easterSunday(year), rule.offset);
    case 'weekdayOnOrAfter': {
      const start = formatDate({ year, month: rule.month, day: rule.day });
      return addDays(start, (rule.weekday - weekday(start) + 7) % 7);
    }
  }
}

export interface Holiday {
  date: CalendarDate;
  name: string;
  deFacto: boolean;
}

const cache = new Map<string, Map<CalendarDate, Holiday>>();

/** The holidays of a country in a year, by date. */
export function holidays(country: CountryCode, year: number): Map<CalendarDate, Holiday> {
  const key = `${country}:${year}`;
  let byDate = cache.get(key);
  if (!byDate) {
    const rules: readonly HolidayRule[] = HOLIDAY_RULES[country];
    byDate = new Map(
      rules.map((rule) => {
        const date = ruleDate(rule, year);
        return [date, { date, name: rule.name, deFacto: rule.deFacto ?? false }];
      }),
    );
    cache.set(key, byDate);
  }
  return byDate;
}
