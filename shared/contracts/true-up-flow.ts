/**
 * The true-up workflow (TERMS.md §4): due → quoted (quote number, amount) → ordered (the partner's PO
 * number) → applied (the baseline resets). Each step is a pure function that refuses what the rules
 * forbid; the repository stores what it returns.
 */
import type { Contract, TrueUp, TrueUpEvent } from '../model/entities';
import { currentTrueUps, type DueTrueUp } from './standing';

export type TrueUpRule =
  'quoteNumberRequired' | 'poNumberRequired' | 'wrongState' | 'alreadyAdjusted';

export class TrueUpRuleError extends Error {
  constructor(
    readonly rule: TrueUpRule,
    message: string,
  ) {
    super(message);
    this.name = 'TrueUpRuleError';
  }
}

export interface Actor {
  at: string;
  user: string;
}

/**
 * The quote number offered for a contract's next true-up, for the user to keep or replace with their
 * own: the contract number and the quote's place among the contract's true-ups ("Q-PE-1005-2"),
 * readable and different from every earlier one of the contract.
 */
export function suggestedQuoteNumber(contract: Contract, existing: readonly TrueUp[]): string {
  const count = existing.filter((trueUp) => trueUp.contractId === contract.id).length;
  return `Q-${contract.number}-${count + 1}`;
}

/** The quote for a due true-up: the record starts here, with its detection and quote in its history. */
export function quoteTrueUp(
  contract: Contract,
  due: DueTrueUp,
  existing: readonly TrueUp[],
  quoteNumber: string,
  actor: Actor,
  id: string,
): TrueUp {
  if (currentTrueUps(contract, existing).has(due.category))
    throw new TrueUpRuleError(
      'alreadyAdjusted',
      `${contract.number} already has its ${due.category} adjustment for the term starting ${contract.termStart}`,
    );
  const number = quoteNumber.trim();
  if (!number) throw new TrueUpRuleError('quoteNumberRequired', 'a quote needs its quote number');
  const event = (state: TrueUpEvent['state']): TrueUpEvent => ({ state, ...actor });
  return {
    id,
    contractId: contract.id,
    category: due.category,
    termStart: contract.termStart,
    adjustmentMonth: due.adjustmentMonth,
    state: 'quoted',
    asOf: due.asOf,
    count: due.count,
    ordered: due.ordered,
    added: due.added,
    unitPriceMinor: due.unitPrice.minor,
    currency: due.unitPrice.currency,
    monthsWhole: due.monthsCharged.whole,
    monthsPartial: [Number(due.monthsCharged.partial.num), Number(due.monthsCharged.partial.den)],
    amountMinor: due.amount.minor,
    quoteNumber: number,
    poNumber: '',
    events: [event('due'), event('quoted')],
  };
}

/** The partner ordered: the PO number is required. */
export function orderTrueUp(trueUp: TrueUp, poNumber: string, actor: Actor): TrueUp {
  if (trueUp.state !== 'quoted')
    throw new TrueUpRuleError(
      'wrongState',
      `only a quoted true-up can be ordered, not a ${trueUp.state} one`,
    );
  const number = poNumber.trim();
  if (!number)
    throw new TrueUpRuleError('poNumberRequired', 'an order needs the partner’s PO number');
  return {
    ...trueUp,
    state: 'ordered',
    poNumber: number,
    events: [...trueUp.events, { state: 'ordered', ...actor }],
  };
}

/** Applied: the baseline resets to the count. Nothing is applied without a PO number. */
export function applyTrueUp(trueUp: TrueUp, actor: Actor): TrueUp {
  if (!trueUp.poNumber.trim())
    throw new TrueUpRuleError(
      'poNumberRequired',
      'nothing is applied without the partner’s PO number',
    );
  if (trueUp.state !== 'ordered')
    throw new TrueUpRuleError(
      'wrongState',
      `only an ordered true-up can be applied, not a ${trueUp.state} one`,
    );
  return {
    ...trueUp,
    state: 'applied',
    events: [...trueUp.events, { state: 'applied', ...actor }],
  };
}
