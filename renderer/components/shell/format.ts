/**
 * Locale-aware numbers, dates and money for the current UI language. Intl formatters are costly to
 * build (a portfolio of 200 customers asks for thousands of numbers), so each is built once and kept.
 */
import { useTranslation } from 'react-i18next';
import { formatMoney, type Money } from '../../../shared/terms/money';
import { localeOf, type Language } from '../../i18n';

export interface Formatters {
  locale: string;
  number(value: number, digits?: number): string;
  /** Up to two decimals, none when whole: a baseline of 105 or 31.5. */
  decimal(value: number | string): string;
  percent(value: number): string;
  date(value: string): string;
  money(value: Money): string;
}

function build(language: Language): Formatters {
  const locale = localeOf(language);
  const dateFormat = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
  const numberFormats = new Map<number, Intl.NumberFormat>();
  const numberFormat = (digits: number) => {
    let format = numberFormats.get(digits);
    if (!format) {
      format = new Intl.NumberFormat(locale, {
        maximumFractionDigits: digits,
        minimumFractionDigits: digits,
      });
      numberFormats.set(digits, format);
    }
    return format;
  };
  const decimalFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const percentFormat = new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  return {
    locale,
    number: (value, digits = 0) => numberFormat(digits).format(value),
    decimal: (value) => decimalFormat.format(Number(value)),
    percent: (value) => percentFormat.format(value / 100),
    date: (value) => dateFormat.format(new Date(`${value.slice(0, 10)}T00:00:00Z`)),
    money: (value) => formatMoney(value, locale),
  };
}

const cache = new Map<Language, Formatters>();

export function formatters(language: Language): Formatters {
  let built = cache.get(language);
  if (!built) {
    built = build(language);
    cache.set(language, built);
  }
  return built;
}

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return formatters(i18n.language === 'sv' ? 'sv' : 'en');
}
