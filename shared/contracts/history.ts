/** Change records as the history shows them: which fields changed, before → after. */
import type { ChangeRecord } from '../model/entities';

export interface FieldChange {
  /** Dotted path: "categories.0.agreedGrowth", "settings.baselinePct". */
  path: string;
  before: unknown;
  after: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** Leaf fields that differ between two values (arrays compared by index). */
export function changedFields(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].flatMap((k) => changedFields(before[k], after[k], path ? `${path}.${k}` : k));
  }
  if (Object.is(before, after)) return [];
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ path, before, after }];
}

/** A change record's field changes; a creation lists nothing (it is all new). */
export function changeFields(change: ChangeRecord): FieldChange[] {
  if (change.action === 'create' || change.before === null) return [];
  return changedFields(change.before, change.after);
}
