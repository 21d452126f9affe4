/**
 * A true-up's calculation as a line of text (TERMS.md §4): added × unit price × months charged / 12 =
 * amount, in the user's language and number format: "58 × 560,00 × (6 + 7/15) / 12 = 16 240,00 NOK".
 * The quote dialog, the contract tab, the quote sheet and the report all write it with this.
 */
import { dictionary, fill, type Language } from '../i18n';
import { formatters } from '../i18n/format';
import { minorDigits, moneyToDecimal, type Money } from '../terms/money';
import { monthsChargedText } from '../terms/term';

export interface Calculation {
  added: number;
  unitPrice: Money;
  /** Months charged: whole months and the partial month's covered days ÷ its days. */
  monthsWhole: number;
  monthsPartial: readonly [number | bigint, number | bigint];
  amount: Money;
}

/** Months charged as they stand in a product: "6", or "(6 + 14/31)". */
export function monthsFactor(whole: number, num: number | bigint, den: number | bigint): string {
  const text = monthsChargedText(whole, num, den);
  return text.includes('+') ? `(${text})` : text;
}

export function calculationText(language: Language, c: Calculation): string {
  const format = formatters(language);
  return fill(dictionary(language).trueUps.calculation, {
    added: format.number(c.added),
    unitPrice: format.number(
      Number(moneyToDecimal(c.unitPrice)),
      minorDigits(c.unitPrice.currency),
    ),
    months: monthsFactor(c.monthsWhole, c.monthsPartial[0], c.monthsPartial[1]),
    amount: format.moneyCode(c.amount),
  });
}
