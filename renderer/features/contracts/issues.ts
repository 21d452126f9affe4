/** Contract issues in the user's language, keyed by the field they belong to. */
import type { TFunction } from 'i18next';
import type { ContractIssue } from '../../../shared/contracts/issues';

export function issueText(t: TFunction, issue: ContractIssue): string {
  if (issue.contract && (issue.code === 'conflictingValue' || issue.code === 'currencyMismatch'))
    return t('issues.conflictingRows', {
      contract: issue.contract,
      field: issue.field,
      value: issue.value,
      other: issue.other ?? '',
      otherRow: issue.otherRow ?? '',
      row: issue.row ?? '',
    });
  return t(`issues.${issue.code}`, {
    value: issue.value,
    contract: issue.contract ?? '',
    other: issue.other ?? '',
  });
}

/** The first issue of each field, translated: the form shows it under the field. */
export function issuesByField(t: TFunction, issues: readonly ContractIssue[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const issue of issues) if (!map.has(issue.field)) map.set(issue.field, issueText(t, issue));
  return map;
}
