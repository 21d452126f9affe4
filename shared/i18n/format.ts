/**
 * Numbers, dates and money in the user's language, for the screens and the files alike: one formatter
 * per language, built once (Intl formatters are costly to build, and a portfolio asks for thousands
 * of numbers). Swedish groups thousands with a no-break space and writes a decimal comma everywhere,
 * in text too. "kr" alone is the partner's own crowns only: another currency's crowns (NOK beside SEK)
 * show their code, so that two amounts in "kr" are never two currencies.
 */
import { minorDigits, moneyToDecimal, type CurrencyCode, type Money } from '../terms/money';
import type { Language } from './index';

/** BCP 47 locale for numbers, dates and money. */
export function localeOf(language: Language): string {
  return language === 'sv' ? 'sv-SE' : 'en-GB';
}

export interface Formatters {
  language: Language;
  locale: string;
  /** A whole number, or `digits` decimals, with thousands grouped: "50 316", "50,316". */
  number(value: number, digits?: number): string;
  /** Up to two decimals, none when whole: a baseline of 105 or 31.5. */
  decimal(value: number | string): string;
  percent(value: number): string;
  date(value: string): string;
  /** An instant in local time, to the minute: "1 dec. 2026 17:18", "1 Dec 2026, 17:18". */
  dateTime(value: string): string;
  /** A calendar month: "november 2026", "November 2026". */
  month(value: string): string;
  /**
   * With the currency sign as the language writes it: "1 234,50 kr", "€1,234.50"; the code where the
   * sign would be "kr" for crowns not the partner's own: "16 240,00 NOK".
   */
  money(value: Money): string;
  /** The amount and the currency code: "16 240,00 NOK", "16,240.00 NOK". */
  moneyCode(value: Money): string;
}

function build(language: Language, home: CurrencyCode): Formatters {
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
  const moneyFormats = new Map<string, Intl.NumberFormat>();
  const moneyFormat = (currency: Money['currency']) => {
    let format = moneyFormats.get(currency);
    if (!format) {
      const digits = minorDigits(currency);
      format = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
      moneyFormats.set(currency, format);
    }
    return format;
  };
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  const monthFormat = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
  const decimalFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const percentFormat = new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  // The decimal text goes to Intl as a string: exact, whatever its size.
  const amount = (value: Money) => moneyToDecimal(value) as unknown as number;
  const moneyCode = (value: Money) =>
    `${numberFormat(minorDigits(value.currency)).format(amount(value))} ${value.currency}`;
  return {
    language,
    locale,
    number: (value, digits = 0) => numberFormat(digits).format(value),
    decimal: (value) => decimalFormat.format(Number(value)),
    percent: (value) => percentFormat.format(value / 100),
    date: (value) => dateFormat.format(new Date(`${value.slice(0, 10)}T00:00:00Z`)),
    dateTime: (value) => dateTimeFormat.format(new Date(value)),
    month: (value) => monthFormat.format(new Date(`${value.slice(0, 7)}-01T00:00:00Z`)),
    money: (value) => {
      const text = moneyFormat(value.currency).format(amount(value));
      if (language !== 'sv' || !/\b[NDS]?kr\b/.test(text)) return text;
      return value.currency === home ? text.replace(/\b[ND]kr\b/, 'kr') : moneyCode(value);
    },
    moneyCode,
  };
}

const cache = new Map<string, Formatters>();

/** The formatters of a language, for a partner whose own currency is `home` (SEK when not said). */
export function formatters(language: Language, home: CurrencyCode = 'SEK'): Formatters {
  const key = `${language} ${home}`;
  let built = cache.get(key);
  if (!built) {
    built = build(language, home);
    cache.set(key, built);
  }
  return built;
}
