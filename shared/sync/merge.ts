/**
 * The per-field merge (DESIGN.md "Team sync"): a change sets the fields it names. A field someone else
 * set after the version the change was based on, to a different value, is a conflict: the server keeps
 * what arrived first and the change's value waits for its author's decision. Other fields apply.
 */
import type { Change } from './protocol';

export interface StoredRecord {
  data: Record<string, unknown>;
  /** The version that last set each field. */
  fieldVersions: Record<string, number>;
  version: number;
  deleted: boolean;
}

export interface MergeResult {
  /** The record after the change; null when the change deletes it. */
  data: Record<string, unknown> | null;
  fieldVersions: Record<string, number>;
  /** Fields the change set to a new value. */
  applied: string[];
  /** Fields kept as the server had them, with the change's value. */
  conflicts: { field: string; theirs: unknown; yours: unknown }[];
  /** The record was deleted after the change's base (or edited after a delete's base). */
  isDeleteConflict: boolean;
}

/** Structural equality of JSON values (key order ignored). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

export function mergeChange(
  stored: StoredRecord | null,
  change: Pick<Change, 'op' | 'baseVersion' | 'fields'>,
  version: number,
): MergeResult {
  const none = { applied: [], conflicts: [], isDeleteConflict: false };
  if (change.op === 'delete') {
    if (!stored || stored.deleted)
      return { ...none, data: null, fieldVersions: stored?.fieldVersions ?? {} };
    // Deleting a record someone changed since: their edit stands until the deleter decides.
    if (stored.version > change.baseVersion)
      return {
        ...none,
        data: stored.data,
        fieldVersions: stored.fieldVersions,
        isDeleteConflict: true,
      };
    return { ...none, data: null, fieldVersions: stored.fieldVersions };
  }
  if (!stored) {
    const fieldVersions = Object.fromEntries(Object.keys(change.fields).map((f) => [f, version]));
    return {
      ...none,
      data: { ...change.fields },
      fieldVersions,
      applied: Object.keys(change.fields),
    };
  }
  if (stored.deleted && stored.version > change.baseVersion)
    return { ...none, data: null, fieldVersions: stored.fieldVersions, isDeleteConflict: true };
  const data = stored.deleted ? {} : { ...stored.data };
  const fieldVersions = { ...stored.fieldVersions };
  const applied: string[] = [];
  const conflicts: MergeResult['conflicts'] = [];
  for (const [field, value] of Object.entries(change.fields)) {
    if (sameJson(data[field], value)) continue;
    if ((fieldVersions[field] ?? 0) > change.baseVersion) {
      conflicts.push({ field, theirs: data[field], yours: value });
      continue;
    }
    data[field] = value;
    fieldVersions[field] = version;
    applied.push(field);
  }
  return { data, fieldVersions, applied, conflicts, isDeleteConflict: false };
}
