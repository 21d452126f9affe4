/**
 * Money in integer minor units with an ISO 4217 currency (TERMS.md §9). No floating-point arithmetic
 * touches an amount; adding two currencies is an error.
 */
import { fraction, roundHalfAwayFromZero, scaledToDecimal, type Fraction } from './fraction';

/** Minor digits per supported ISO 4217 currency. */
export const CURRENCIES = {
  SEK: 2,
  EUR: 2,
  USD: 2,
  NOK: 2,
  DKK: 2,
  GBP: 2,
  CHF: 2,
  JPY: 0,
} as const satisfies Record<string, number>;

export type CurrencyCode = keyof typeof CURRENCIES;
export const CURRENCY_CODES = Object.keys(CURRENCIES) as CurrencyCode[];

export interface Money {
  /** Integer amount in the currency's minor unit (öre, cent). */
  readonly minor: number;
  readonly currency: CurrencyCode;
}

export class CurrencyMismatchError extends Error {
  constructor(a: CurrencyCode, b: CurrencyCode) {
    super(`cannot combine amounts in ${a} and ${b}`);
    this.name = 'CurrencyMismatchError';
  }
}

export function isCurrencyCode(value: string): value is CurrencyCode {
  return Object.hasOwn(CURRENCIES, value);
}

export function minorDigits(currency: CurrencyCode): number {
  return CURRENCIES[currency];
}

export function money(minor: number | bigint, currency: CurrencyCode): Money {
  const value = typeof minor === 'bigint' ? Number(minor) : minor;
  if (!Number.isSafeInteger(value))
    throw new RangeError(`not a whole minor-unit amount: ${String(minor)}`);
  return { minor: value, currency };
}

export function zeroMoney(currency: CurrencyCode): Money {
  return money(0, currency);
}

export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
  return money(a.minor + b.minor, a.currency);
}

export function sumMoney(amounts: readonly Money[], currency: CurrencyCode): Money {
  return amounts.reduce(addMoney, zeroMoney(currency));
}

/** Money × an exact factor, rounded half away from zero to the minor unit. */
export function multiplyMoney(amount: Money, factor: Fraction): Money {
  return money(
    roundHalfAwayFromZero(fraction(BigInt(amount.minor) * factor.num, factor.den)),
    amount.currency,
  );
}

/** Plain decimal text with the currency's minor digits: "294.00" (FORMATS.md §3). */
export function moneyToDecimal(amount: Money): string {
  return scaledToDecimal(BigInt(amount.minor), minorDigits(amount.currency));
}

/** Locale formatting ("1 234,50 kr", "SEK 1,234.50"), exact: the decimal text goes to Intl as a string. */
export function formatMoney(amount: Money, locale: string): string {
  const digits = minorDigits(amount.currency);
  const format = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: amount.currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return format.format(moneyToDecimal(amount) as unknown as number);
}

export class InvalidAmountError extends Error {
  constructor(text: string, reason: string) {
    super(`${JSON.stringify(text)} is not an amount: ${reason}`);
    this.name = 'InvalidAmountError';
  }
}

/**
 * Reads a decimal amount written in English or Swedish style: "1234.50", "1 234,50", "1,234.50",
 * "1.234,50" (spaces, no-break spaces and apostrophes group digits). When both '.' and ',' appear, the
 * last one is the decimal mark; a mark that appears once is the decimal mark; one that repeats groups.
 */
export function parseDecimalText(text: string): { scaled: bigint; digits: number } {
  const compact = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (!/^[-+]?[\d.,]+$/.test(compact) || !/\d/.test(compact))
    throw new InvalidAmountError(text, 'not a number');
  const negative = compact.startsWith('-');
  const body = compact.replace(/^[-+]/, '');
  const count = (mark: string) => body.split(mark).length - 1;
  let decimalMark: string | null = null;
  if (count('.') > 0 && count(',') > 0)
    decimalMark = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
  else if (count('.') === 1) decimalMark = '.';
  else if (count(',') === 1) decimalMark = ',';
  const groupMark =
    decimalMark === '.' ? ',' : decimalMark === ',' ? '.' : count('.') > 0 ? '.' : ',';
  const [grouped = '', decimals = '', ...rest] = decimalMark ? body.split(decimalMark) : [body];
  const groups = grouped.split(groupMark);
  const isGroupingValid = groups.every((g, i) =>
    i === 0 ? /^\d{1,3}$/.test(g) || groups.length === 1 : /^\d{3}$/.test(g),
  );
  const whole = groups.join('');
  if (
    rest.length > 0 ||
    !isGroupingValid ||
    !/^\d*$/.test(whole) ||
    !/^\d*$/.test(decimals) ||
    whole + decimals === ''
  ) {
    throw new InvalidAmountError(text, 'misplaced separators');
  }
  const scaled = BigInt(`${whole || '0'}${decimals}`) * (negative ? -1n : 1n);
  return { scaled, digits: decimals.length };
}

/** Reads an amount in a currency; more decimals than the currency has is an error, not a rounding. */
export function parseMoney(text: string, currency: CurrencyCode): Money {
  const { scaled, digits } = parseDecimalText(text);
  const target = minorDigits(currency);
  if (digits > target) throw new InvalidAmountError(text, `${currency} has ${target} decimals`);
  return money(scaled * 10n ** BigInt(target - digits), currency);
}
