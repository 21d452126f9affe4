/**
 * Contract fields read from text, as a form or a register cell holds them: whole counts, percentages,
 * dates, months, currencies, categories (English or Swedish names) and amounts in either number style.
 */
import { CATEGORIES, type Category } from '../model/category';
import {
  isCalendarDate,
  isCalendarMonth,
  type CalendarDate,
  type CalendarMonth,
} from '../terms/dates';
import {
  InvalidAmountError,
  isCurrencyCode,
  parseDecimalText,
  parseMoney,
  type CurrencyCode,
} from '../terms/money';
import type { ContractIssue } from './issues';

export type FieldResult<T> = { value: T } | { issue: ContractIssue };

const issue = (
  code: ContractIssue['code'],
  field: string,
  value: string,
): { issue: ContractIssue } => ({
  issue: { code, field, value },
});

/** A whole number ≥ 0; spaces may group digits ("1 200"). Empty reads as `fallback` when one is given. */
export function readCount(field: string, text: string, fallback?: number): FieldResult<number> {
  const compact = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '')
    return fallback === undefined ? issue('required', field, '') : { value: fallback };
  if (!/^\d{1,9}$/.test(compact)) return issue('notWholeNumber', field, text.trim());
  return { value: Number(compact) };
}

/** The staleDays rules offered in the editor (TERMS.md §12); any other whole number may be typed. */
export const STALE_DAYS_CHOICES = [30, 45, 60, 90] as const;

/** A staleDays rule: a whole number of days; empty or 0 is none (null: every device counts). */
export function readStaleDays(field: string, text: string): FieldResult<number | null> {
  const result = readCount(field, text, 0);
  return 'value' in result ? { value: result.value === 0 ? null : result.value } : result;
}

/** A percentage ≥ 0 with at most two decimals: "5", "5,5", "7.25", "5 %". */
export function readPercent(field: string, text: string, fallback: number): FieldResult<number> {
  const compact = text.trim().replace(/%$/, '').trim();
  if (compact === '') return { value: fallback };
  try {
    const { scaled, digits } = parseDecimalText(compact);
    if (scaled < 0n || digits > 2 || scaled > 100_000n * 10n ** BigInt(digits))
      return issue('invalidPercent', field, text.trim());
    return { value: Number(scaled) / 10 ** digits };
  } catch (error) {
    if (error instanceof InvalidAmountError) return issue('invalidPercent', field, text.trim());
    throw error;
  }
}

/** A date as YYYY-MM-DD (a time of midnight allowed, as spreadsheets add) or DD.MM.YYYY. */
export function readDate(field: string, text: string): FieldResult<CalendarDate> {
  const trimmed = text.trim();
  if (trimmed === '') return issue('required', field, '');
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[ T]00:00(?::00(?:\.0+)?)?Z?)?$/.exec(trimmed)?.[1];
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
  const value =
    iso ??
    (dotted ? `${dotted[3]}-${dotted[2]?.padStart(2, '0')}-${dotted[1]?.padStart(2, '0')}` : '');
  return isCalendarDate(value) ? { value } : issue('invalidDate', field, trimmed);
}

/** A month YYYY-MM; empty is null (the default applies). */
export function readMonth(field: string, text: string): FieldResult<CalendarMonth | null> {
  const value = text.trim();
  if (value === '') return { value: null };
  return isCalendarMonth(value) ? { value } : issue('invalidMonth', field, value);
}

export function readCurrency(
  field: string,
  text: string,
  fallback: CurrencyCode,
): FieldResult<CurrencyCode> {
  const value = text.trim().toUpperCase();
  if (value === '') return { value: fallback };
  return isCurrencyCode(value) ? { value } : issue('invalidCurrency', field, text.trim());
}

const CATEGORY_NAMES: Record<string, Category> = {
  headsets: 'headsets',
  headset: 'headsets',
  'headsets & personal devices': 'headsets',
  hörlurar: 'headsets',
  'hörlurar & personliga enheter': 'headsets',
  video: 'video',
  voice: 'voice',
  röst: 'voice',
};

/** A category by its key or its English or Swedish name, ignoring case. */
export function readCategory(field: string, text: string): FieldResult<Category> {
  const key = text.trim().normalize('NFC').toLocaleLowerCase('sv').replace(/\s+/g, ' ');
  if (key === '') return issue('required', field, '');
  const category = CATEGORY_NAMES[key] ?? CATEGORIES.find((c) => c === key);
  return category ? { value: category } : issue('invalidCategory', field, text.trim());
}

/** An amount ≥ 0 in the currency's minor units: "1234.50", "1 234,50" and "1,234.50" all read. */
export function readAmount(
  field: string,
  text: string,
  currency: CurrencyCode,
): FieldResult<number> {
  if (text.trim() === '') return issue('required', field, '');
  try {
    const amount = parseMoney(text, currency);
    return amount.minor < 0 ? issue('invalidAmount', field, text.trim()) : { value: amount.minor };
  } catch (error) {
    if (error instanceof InvalidAmountError || error instanceof RangeError)
      return issue('invalidAmount', field, text.trim());
    throw error;
  }
}

export function readText(field: string, text: string, isRequired: boolean): FieldResult<string> {
  const value = text.trim();
  return isRequired && value === '' ? issue('required', field, '') : { value };
}
