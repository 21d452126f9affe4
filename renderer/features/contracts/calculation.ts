/** A true-up record's calculation line, in the UI's language (shared/contracts/calculation.ts). */
import { calculationText as text } from '../../../shared/contracts/calculation';
import type { TrueUp } from '../../../shared/model/entities';
import { money } from '../../../shared/terms/money';
import type { Formatters } from '../../components/format';

export interface CalculationInput {
  added: number;
  unitPriceMinor: number;
  currency: TrueUp['currency'];
  monthsWhole: number;
  monthsPartial: readonly [number, number] | readonly [bigint, bigint];
  amountMinor: number;
}

export function calculationText(format: Formatters, c: CalculationInput): string {
  return text(format.language, {
    added: c.added,
    unitPrice: money(c.unitPriceMinor, c.currency),
    monthsWhole: c.monthsWhole,
    monthsPartial: c.monthsPartial,
    amount: money(c.amountMinor, c.currency),
  });
}
