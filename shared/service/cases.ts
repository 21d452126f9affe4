/** Support cases and escalations (TERMS.md §8): the site ID, never a serial number, identifies the call. */
import { normaliseSerial } from '../inventory/identity';
import type { SupportCase } from '../model/entities';
import type { ServiceIssue } from './issues';

const isInstant = (value: string) =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) && !Number.isNaN(Date.parse(value));

/**
 * What keeps a case from being saved. `serials` are the customer's devices' serials as identified: a
 * site ID that is one of them is a serial typed where Poly needs the site.
 */
export function caseIssues(
  c: SupportCase,
  serials: ReadonlySet<string> = new Set(),
): ServiceIssue[] {
  const issues: ServiceIssue[] = [];
  if (!c.siteId.trim()) issues.push({ code: 'siteIdRequired', field: 'siteId', value: '' });
  else if (serials.has(normaliseSerial(c.siteId)))
    issues.push({ code: 'siteIdIsSerial', field: 'siteId', value: c.siteId.trim() });
  if (!c.title.trim()) issues.push({ code: 'required', field: 'title', value: '' });
  if (!isInstant(c.openedAt))
    issues.push({ code: 'invalidDateTime', field: 'openedAt', value: c.openedAt });
  if (c.resolvedAt !== null) {
    if (!isInstant(c.resolvedAt))
      issues.push({ code: 'invalidDateTime', field: 'resolvedAt', value: c.resolvedAt });
    else if (isInstant(c.openedAt) && Date.parse(c.resolvedAt) < Date.parse(c.openedAt))
      issues.push({ code: 'beforeDate', field: 'resolvedAt', value: 'openedAt' });
  }
  for (const [i, e] of c.escalations.entries()) {
    if (!e.engaged.trim())
      issues.push({ code: 'required', field: `escalations.${i}.engaged`, value: '' });
    if (!isInstant(e.at))
      issues.push({ code: 'invalidDateTime', field: `escalations.${i}.at`, value: e.at });
  }
  return issues;
}

/** Minutes from opened to resolved; null while open. */
export function minutesToResolve(c: Pick<SupportCase, 'openedAt' | 'resolvedAt'>): number | null {
  if (!c.resolvedAt) return null;
  return Math.max(0, Math.round((Date.parse(c.resolvedAt) - Date.parse(c.openedAt)) / 60_000));
}

/** The highest escalation level reached (0: not escalated). */
export function escalationLevel(c: Pick<SupportCase, 'escalations'>): number {
  return c.escalations.reduce((max, e) => Math.max(max, e.level), 0);
}
