/** Locale-aware numbers, dates and money for the current UI language. */
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

export function formatters(language: Language): Formatters {
  const locale = localeOf(language);
  const dateFormat = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
  return {
    locale,
    number: (value, digits = 0) =>
      new Intl.NumberFormat(locale, {
        maximumFractionDigits: digits,
        minimumFractionDigits: digits,
      }).format(value),
    decimal: (value) =>
      new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(Number(value)),
    percent: (value) =>
      new Intl.NumberFormat(locale, {
        style: 'percent',
        maximumFractionDigits: 1,
        signDisplay: 'exceptZero',
      }).format(value / 100),
    date: (value) => dateFormat.format(new Date(`${value.slice(0, 10)}T00:00:00Z`)),
    money: (value) => formatMoney(value, locale),
  };
}

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return formatters(i18n.language === 'sv' ? 'sv' : 'en');
}
