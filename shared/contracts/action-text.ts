/**
 * What a category's true-up status means, in words (TERMS.md §4, "What the status means"): the action
 * and its next step, the same on every screen, in the report and in the portfolio workbook.
 */
import { dictionary, fill, type Language } from '../i18n';
import { formatters } from '../i18n/format';
import type { TrueUpState } from '../model/entities';
import type { CalendarMonth } from '../terms/dates';
import type { Money } from '../terms/money';
import type { TrueUpAction } from './standing';

export interface ActionFacts {
  action: TrueUpAction | null;
  isOverdue: boolean;
  adjustmentMonth: CalendarMonth | null;
  amount: Money | null;
  /** The recorded state, for a true-up in progress. */
  state: TrueUpState | 'projected' | null;
  quoteNumber: string;
  poNumber: string;
  unitsAtRenewal: number | null;
}

export function actionLabel(language: Language, action: TrueUpAction): string {
  return dictionary(language).trueUps.actions[action];
}

/** The action's detail: its month and amount, or its next step; '' when there is none. */
export function actionDetail(language: Language, facts: ActionFacts): string {
  const details = dictionary(language).trueUps.actionDetails;
  const format = formatters(language);
  const values = {
    month: facts.adjustmentMonth ? format.month(facts.adjustmentMonth) : '',
    amount: facts.amount ? format.money(facts.amount) : '',
    quote: facts.quoteNumber,
    po: facts.poNumber,
    units: format.number(facts.unitsAtRenewal ?? 0),
  };
  switch (facts.action) {
    case 'projected':
      return fill(details.projected, values);
    case 'due':
      return fill(facts.isOverdue ? details.overdue : details.due, values);
    case 'inProgress':
      return fill(facts.state === 'ordered' ? details.ordered : details.quoted, values);
    case 'atRenewal':
      return fill(details.atRenewal, values);
    default:
      return '';
  }
}

/**
 * The action as a short chip: its month in words and its amount (at renewal, the units the renewal
 * adds), so the portfolio says what to do and when without opening the customer.
 */
export function actionChip(language: Language, facts: ActionFacts): string {
  if (!facts.action) return '';
  const chips = dictionary(language).notices.chips;
  const format = formatters(language);
  const values = {
    month: facts.adjustmentMonth ? format.month(facts.adjustmentMonth) : '',
    amount: facts.amount ? format.money(facts.amount) : '–',
    units: format.number(facts.unitsAtRenewal ?? 0),
  };
  const chip = facts.action === 'due' && facts.isOverdue ? chips.overdue : chips[facts.action];
  return fill(chip, values);
}

/** A report category archived before actions were kept: its action from its true-up and status. */
export function archivedAction(category: {
  action?: TrueUpAction | null;
  status: string | null;
  trueUp: { state: TrueUpState | 'projected' } | null;
}): TrueUpAction | null {
  if (category.action !== undefined) return category.action;
  const state = category.trueUp?.state;
  if (state === 'projected' || state === 'due') return state;
  if (state === 'quoted' || state === 'ordered') return 'inProgress';
  return category.status === 'trueUpDue' ? 'atRenewal' : null;
}
