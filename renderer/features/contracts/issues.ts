/** Contract issues in the user's language, keyed by the field they belong to. */
import type { TFunction } from 'i18next';
import type { ContractIssue } from '../../../shared/contracts/issues';

export function issueText(t: TFunction, issue: ContractIssue): string {
  return t(`issues.${issue.code}`, { value: issue.value });
}

/** The first issue of each field, translated: the form shows it under the field. */
export function issuesByField(t: TFunction, issues: readonly ContractIssue[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const issue of issues) if (!map.has(issue.field)) map.set(issue.field, issueText(t, issue));
  return map;
}
