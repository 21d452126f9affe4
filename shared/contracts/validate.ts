/** Checks of a contract against the rest of the book: number unique, currency, eligibility (TERMS.md §1). */
import type { CATEGORIES, CategoryRecord } from '../model/category';
import type { Contract, TrueUp } from '../model/entities';
import type { PartnerSettings } from '../terms/settings';
import type { ContractTerms } from './draft';
import type { ContractIssue } from './issues';
import { nameKey } from '../model/name-key';

export interface BookContext {
  /** The contract being edited, if it exists already. */
  id: string | null;
  contracts: readonly Pick<Contract, 'id' | 'number'>[];
  trueUps: readonly Pick<TrueUp, 'contractId' | 'currency'>[];
  /** The customer's latest counts, when an inventory has been imported. */
  counts: CategoryRecord<number> | null;
  partner: Pick<PartnerSettings, 'eligibilityMinimum'>;
}

/** The number is free, true-ups keep their currency, and one chosen category meets its minimum. */
export function bookIssues(contract: ContractTerms, book: BookContext): ContractIssue[] {
  const issues: ContractIssue[] = [];
  const wanted = nameKey(contract.number);
  if (book.contracts.some((c) => c.id !== book.id && nameKey(c.number) === wanted))
    issues.push({ code: 'duplicateNumber', field: 'number', value: contract.number });
  if (book.trueUps.some((t) => t.contractId === book.id && t.currency !== contract.currency))
    issues.push({ code: 'currencyMismatch', field: 'currency', value: contract.currency });
  const minimum = book.partner.eligibilityMinimum;
  const counted = (category: (typeof CATEGORIES)[number], installedAtStart: number) =>
    book.counts ? book.counts[category] : installedAtStart;
  if (
    contract.categories.length > 0 &&
    !contract.categories.some(
      (line) => counted(line.category, line.installedAtStart) >= minimum[line.category],
    )
  )
    issues.push({
      code: 'notEligible',
      field: 'categories',
      value: contract.categories
        .map((line) => `${line.category} ≥ ${minimum[line.category]}`)
        .join(', '),
    });
  return issues;
}
