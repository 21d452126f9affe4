/**
 * The checks a synced change must pass, the same code on both sides: the app hides what a role may
 * not change (mayWrite), and the sync service refuses it, then checks the record the merge made
 * before it is written: its id, its shape (the registry's schema), the shared/ rules the app's
 * repositories keep before saving, and the step from the stored record (./transitions).
 */
import { z } from 'zod';
import { issueMessage } from '../errors';
import type { Rma, SupportCase, TimeEntry, TrueUpState } from '../model/entities';
import { SYNCED, type Role, type SyncEntity } from '../model/synced-entities';
import { caseIssues } from '../service/cases';
import type { ServiceIssue } from '../service/issues';
import { rmaIssues } from '../service/rma';
import { timeEntryIssues } from '../service/time';
import { lineKeyOf, segmentsOf } from './paths';
import { mayTrueUpStep } from './transitions';

/** A true-up's step, from the state stored (null: not yet made) to the state set. */
export interface TrueUpStep {
  from: TrueUpState | null;
  to: TrueUpState;
}

/** Whether a role may write a record of `entity` (for a true-up, take `step`: shared/sync/transitions). */
export function mayWrite(role: Role, entity: SyncEntity, step?: TrueUpStep): boolean {
  if (!SYNCED[entity].writers.includes(role)) return false;
  return entity !== 'trueUps' || !step || mayTrueUpStep(role, step.from, step.to);
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

/** Why a record, whole as the merge made it, may not be stored; null when it may. */
export function recordRefusal(
  entity: SyncEntity,
  id: string,
  data: Record<string, unknown>,
): string | null {
  if (data['id'] !== id) return `the record's id field must be ${id}`;
  const checked = SYNCED[entity].schema.safeParse(data);
  if (!checked.success) return `${entity} ${id}: ${issueMessage(checked.error, 'record')}`;
  const [issue] = ruleIssues(entity, data);
  if (issue) return `${entity} ${id}: ${issue.field}: ${issue.code}`;
  return null;
}

/** The first key of `input` its schema's output has not (a field the schema does not know), as a path. */
function extraKey(input: unknown, output: unknown, path: string): string | null {
  if (typeof input !== 'object' || input === null) return null;
  if (typeof output !== 'object' || output === null) return null;
  for (const [key, value] of Object.entries(input)) {
    const at = Array.isArray(input) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    if (!(key in output)) return at;
    const deeper = extraKey(value, (output as Record<string, unknown>)[key], at);
    if (deeper) return deeper;
  }
  return null;
}

/** The schema of one line of a list field (an array, perhaps optional); undefined when it is not one. */
function lineSchema(part: z.ZodType): z.ZodObject | undefined {
  const list = part instanceof z.ZodOptional ? (part.unwrap() as z.ZodType) : part;
  const line = list instanceof z.ZodArray ? (list.element as z.ZodType) : undefined;
  return line instanceof z.ZodObject ? line : undefined;
}

/** What is wrong with the value sent for one path (./paths), as the path it names; null when fine. */
function pathIssue(
  entity: SyncEntity,
  shape: Record<string, z.ZodType>,
  path: string,
  value: unknown,
): string | null {
  const [field = '', line, sub, ...deeper] = segmentsOf(path);
  const part = Object.hasOwn(shape, field) ? shape[field] : undefined;
  if (!part) return path;
  const check = (schema: z.ZodType, at: string) => {
    const checked = schema.safeParse(value);
    return checked.success ? extraKey(value, checked.data, at) : null;
  };
  if (line === undefined) return check(part, field);
  const key = lineKeyOf(entity, field);
  const schema = lineSchema(part);
  if (!key || !schema || deeper.length > 0) return path;
  if (sub === undefined) {
    if (value === null) return null;
    // A line is sent under its own name.
    if (typeof value !== 'object' || (value as Record<string, unknown>)[key] !== line)
      return `${path} (its ${key} is not ${line})`;
    return check(schema, path);
  }
  const lineShape = schema.shape as Record<string, z.ZodType>;
  const subSchema = Object.hasOwn(lineShape, sub) ? lineShape[sub] : undefined;
  if (!subSchema || sub === key) return path;
  return check(subSchema, path);
}

/**
 * A field a change sets that its entity's records do not have (at any depth), or a path that names
 * no line's field (shared/sync/paths); null when none.
 */
export function unknownField(entity: SyncEntity, fields: Record<string, unknown>): string | null {
  const schema = SYNCED[entity].schema;
  if (!(schema instanceof z.ZodObject)) return null;
  const shape = schema.shape as Record<string, z.ZodType>;
  for (const [path, value] of Object.entries(fields)) {
    const issue = pathIssue(entity, shape, path, value);
    if (issue) return issue;
  }
  return null;
}
