/** A true-up's calculation as the quote shows it: added × unit price × months charged / 12 = amount. */
import type { TFunction } from 'i18next';
import type { TrueUp } from '../../../shared/model/entities';
import { money } from '../../../shared/terms/money';
import type { Formatters } from '../../components/shell/format';

/** "6" or "6 + 14/31" */
export function monthsText(
  whole: number,
  partial: readonly [number, number] | readonly [bigint, bigint],
): string {
  const [num, den] = partial.map(Number) as [number, number];
  return num === 0 ? String(whole) : `${whole} + ${num}/${den}`;
}

export interface CalculationInput {
  added: number;
  unitPriceMinor: number;
  currency: TrueUp['currency'];
  monthsWhole: number;
  monthsPartial: readonly [number, number] | readonly [bigint, bigint];
  amountMinor: number;
}

export function calculationText(t: TFunction, format: Formatters, c: CalculationInput): string {
  return t('trueUps.calculation', {
    added: format.number(c.added),
    unitPrice: format.money(money(c.unitPriceMinor, c.currency)),
    months: monthsText(c.monthsWhole, c.monthsPartial),
    amount: format.money(money(c.amountMinor, c.currency)),
  });
}
