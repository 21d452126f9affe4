/** Service forms: their writes and issues in the user's language, and date-time inputs in local time. */
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { ServiceIssuesError, type ServiceIssue } from '../../../shared/service/issues';

/**
 * A service form's issues and its write: a write the rules refuse shows its issues beside the fields
 * (anything else is thrown on); one that succeeds clears them. `write` answers whether it succeeded.
 */
export function useServiceWrite() {
  const [issues, setIssues] = useState<ServiceIssue[]>([]);
  const write = async (action: () => Promise<unknown>): Promise<boolean> => {
    try {
      await action();
      setIssues([]);
      return true;
    } catch (error) {
      if (error instanceof ServiceIssuesError) {
        setIssues(error.issues);
        return false;
      }
      throw error;
    }
  };
  return { issues, setIssues, write };
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

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO instant as a datetime-local input's value (the user's local time). */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value as an ISO instant; '' stays '' (the rules then say what is missing). */
export function fromLocalInput(value: string): string {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

/** Now as a datetime-local value. */
export function nowLocalInput(): string {
  return toLocalInput(new Date().toISOString());
}
