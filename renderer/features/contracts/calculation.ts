/** A true-up's calculation as the quote shows it: added × unit price × months charged / 12 = amount. */
import type { TFunction } from 'i18next';
import type { TrueUp } from '../../../shared/model/entities';
import { money } from '../../../shared/terms/money';
import { monthsChargedText } from '../../../shared/terms/term';
import type { Formatters } from '../../components/shell/format';

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
    months: monthsChargedText(c.monthsWhole, c.monthsPartial[0], c.monthsPartial[1]),
    amount: format.money(money(c.amountMinor, c.currency)),
  });
}
