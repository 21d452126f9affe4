/**
 * The checks a synced change must pass, the same code on both sides: the app hides what a role may
 * not change (mayWrite), and the sync service refuses it, then checks the record the merge made
 * before it is written: its id, its shape (the registry's schema) and the shared/ rules the app's
 * repositories keep before saving.
 */
import { issueMessage } from '../errors';
import type { Rma, SupportCase, TimeEntry } from '../model/entities';
import { SYNCED, type Role, type SyncEntity } from '../model/synced-entities';
import { caseIssues } from '../service/cases';
import type { ServiceIssue } from '../service/issues';
import { rmaIssues } from '../service/rma';
import { timeEntryIssues } from '../service/time';

/** A true-up's state a role may set: the CSM quotes and orders, the account manager applies. */
export function mayWriteTrueUp(role: Role, state: unknown): boolean {
  if (role === 'admin') return true;
  return state === 'applied' ? role === 'account-manager' : role === 'csm';
}

/** Whether a role may write a record of `entity` (for a true-up, into `trueUpState`). */
export function mayWrite(role: Role, entity: SyncEntity, trueUpState?: string): boolean {
  if (!SYNCED[entity].writers.includes(role)) return false;
  return entity !== 'trueUps' || trueUpState === undefined || mayWriteTrueUp(role, trueUpState);
}

/** Why a role may not change records of `entity`; null when it may. */
export function writerRefusal(role: Role, entity: SyncEntity): string | null {
  return mayWrite(role, entity) ? null : `the role ${role} may not change ${entity}`;
}

/** The shared/ rules a record must keep, beyond its shape. */
function ruleIssues(entity: SyncEntity, data: Record<string, unknown>): ServiceIssue[] {
  if (entity === 'timeEntries') return timeEntryIssues(data as unknown as TimeEntry);
  if (entity === 'cases') return caseIssues(data as unknown as SupportCase);
  if (entity === 'rmas') return rmaIssues(data as unknown as Rma);
  return [];
}

/** Why a record, whole as the merge made it, may not be stored by `role`; null when it may. */
export function recordRefusal(
  entity: SyncEntity,
  id: string,
  data: Record<string, unknown>,
  role: Role,
): string | null {
  if (data['id'] !== id) return `the record's id field must be ${id}`;
  const checked = SYNCED[entity].schema.safeParse(data);
  if (!checked.success) return `${entity} ${id}: ${issueMessage(checked.error, 'record')}`;
  const [issue] = ruleIssues(entity, data);
  if (issue) return `${entity} ${id}: ${issue.field}: ${issue.code}`;
  if (entity === 'trueUps' && !mayWriteTrueUp(role, data['state']))
    return `the role ${role} may not set a true-up to ${String(data['state'])}`;
  return null;
}
