/**
 * The per-path merge (DESIGN.md "Team sync"): a change sets the paths it names (./paths: a field,
 * a line of a list of records, or a field of a line). A path someone else set after the version the
 * change was based on (the path itself, a field it is in, or a part of it), to a different value,
 * is a conflict: the server keeps what arrived first and the change's value waits for its author's
 * decision. Other paths apply, so two people changing different lines, or different fields of one
 * line, are both kept. Each path applied is versioned by the parts it actually changed. What the
 * change's own workstation wrote (its versions) is never a conflict for it: it knew its own edits,
 * though not what others wrote before them.
 */
import type { SyncEntity } from '../model/synced-entities';
import { applyPaths, changedPaths, isSameAt, relatedVersions, valueAt, withValueAt } from './paths';
import type { Change } from './protocol';

export { sameJson } from './json';

export interface StoredRecord {
  data: Record<string, unknown>;
  /** The version that last set each path (a field, a line, a field of a line). */
  fieldVersions: Record<string, number>;
  version: number;
  deleted: boolean;
}

export interface MergeResult {
  /** The record after the change; null when the change deletes it. */
  data: Record<string, unknown> | null;
  fieldVersions: Record<string, number>;
  /** Paths the change set to a new value. */
  applied: string[];
  /** Paths kept as the server had them, with the change's value. */
  conflicts: { field: string; theirs: unknown; yours: unknown }[];
  /** The record was deleted after the change's base (or edited after a delete's base). */
  isDeleteConflict: boolean;
}

/** A change to merge; without its entity, every path is a whole field. */
export type MergedChange = Pick<Change, 'op' | 'baseVersion' | 'fields'> & { entity?: SyncEntity };

export function mergeChange(
  stored: StoredRecord | null,
  change: MergedChange,
  version: number,
  ownVersions: ReadonlySet<number> = new Set(),
): MergeResult {
  const none = { applied: [], conflicts: [], isDeleteConflict: false };
  const isOthers = (v: number) => v > change.baseVersion && !ownVersions.has(v);
  if (change.op === 'delete') {
    if (!stored || stored.deleted)
      return { ...none, data: null, fieldVersions: stored?.fieldVersions ?? {} };
    // Deleting a record someone changed since: their edit stands until the deleter decides.
    if (isOthers(stored.version) || Object.values(stored.fieldVersions).some(isOthers))
      return {
        ...none,
        data: stored.data,
        fieldVersions: stored.fieldVersions,
        isDeleteConflict: true,
      };
    return { ...none, data: null, fieldVersions: stored.fieldVersions };
  }
  if (!stored) {
    const data = applyPaths(change.entity, {}, change.fields);
    const fieldVersions = Object.fromEntries(Object.keys(data).map((f) => [f, version]));
    return { ...none, data, fieldVersions, applied: Object.keys(change.fields) };
  }
  if (stored.deleted && isOthers(stored.version))
    return { ...none, data: null, fieldVersions: stored.fieldVersions, isDeleteConflict: true };
  let data = stored.deleted ? {} : { ...stored.data };
  const fieldVersions = { ...stored.fieldVersions };
  const applied: string[] = [];
  const conflicts: MergeResult['conflicts'] = [];
  for (const [path, value] of Object.entries(change.fields)) {
    const current = valueAt(change.entity, data, path);
    if (isSameAt(path, current, value)) continue;
    const next = withValueAt(change.entity, data, path, value);
    // A field of a line no longer there cannot be set: it waits, as any other conflict.
    // Versions as stored: a change's own paths never wait for one another.
    if (!next || othersSet(stored.fieldVersions, path, isOthers)) {
      conflicts.push({ field: path, theirs: current, yours: value });
      continue;
    }
    for (const changed of Object.keys(changedPaths(change.entity, data, next)))
      fieldVersions[changed] = version;
    data = next;
    applied.push(path);
  }
  return { data, fieldVersions, applied, conflicts, isDeleteConflict: false };
}

/** Whether someone else set the path, a field it is in or a part of it, after the change's base. */
function othersSet(
  fieldVersions: Readonly<Record<string, number>>,
  path: string,
  isOthers: (version: number) => boolean,
): boolean {
  return relatedVersions(fieldVersions, path).some(isOthers);
}
