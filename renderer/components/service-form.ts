/** Service forms: their writes and issues in the user's language. */
import type { TFunction } from 'i18next';
import { useRefusableWrite } from './FormDialog';
import { ServiceIssuesError, type ServiceIssue } from '../../shared/service/issues';

/** A service form's write: a write the rules refuse shows its issues beside the fields. */
export function useServiceWrite() {
  return useRefusableWrite<ServiceIssue>((error) =>
    error instanceof ServiceIssuesError ? error.issues : null,
  );
}

export function serviceIssuesByField(
  t: TFunction,
  issues: readonly ServiceIssue[],
): Map<string, string> {
  const map = new Map<string, string>();
  for (const issue of issues)
    if (!map.has(issue.field))
      map.set(
        issue.field,
        t(`serviceIssues.${issue.code}`, {
          value: issue.code === 'beforeDate' ? t(`service.fields.${issue.value}`) : issue.value,
        }),
      );
  return map;
}

/** Now, to the minute, as an ISO instant: when a new case, incident or call starts by default. */
export function nowToTheMinute(): string {
  const now = new Date();
  now.setSeconds(0, 0);
  return now.toISOString();
}
