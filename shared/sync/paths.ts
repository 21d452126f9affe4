/**
 * Paths, the unit of team sync's merge (DESIGN.md "Team sync"). A field is a path of one segment
 * (`csm`). A field that is a list of records (the registry's `lists`: a contract's categories by
 * category, its past terms by term start) is merged by line and by field of a line:
 * `categories/video` is the line whose category is video (null: the line removed) and
 * `categories/video/unitPriceMinor` one field of it. Segments are escaped as in JSON Pointer
 * (`~0` for `~`, `~1` for `/`). A change's fields are keyed by path; a whole field is a path too, so
 * an edit sent before paths existed means what it meant.
 */
import type { SyncEntity } from '../model/synced-entities';
import { SYNCED } from '../model/synced-entities';
import { sameJson } from './json';

type Row = Record<string, unknown>;

const escapeSegment = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');
const unescapeSegment = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/g, '~');

/** The path of a field, a line of it, or a field of that line. */
export const pathOf = (...segments: string[]): string => segments.map(escapeSegment).join('/');

/** A path's segments: the field, then the line's name and the line's field when there are. */
export const segmentsOf = (path: string): string[] => path.split('/').map(unescapeSegment);

/** The record's field a path is in. */
export const fieldOf = (path: string): string => segmentsOf(path)[0] ?? path;

/** The field naming a line of `field`'s list; undefined when the field is not merged by line. */
export function lineKeyOf(entity: SyncEntity | undefined, field: string): string | undefined {
  return entity ? SYNCED[entity].lists?.[field] : undefined;
}

const isRow = (value: unknown): value is Row =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A list's lines by name; null when it cannot be merged by line (not a list of records, a line
 * without a name, or two lines of one name): such a list is one value.
 */
export function linesOf(value: unknown, key: string): Map<string, Row> | null {
  if (value === undefined) return new Map();
  if (!Array.isArray(value)) return null;
  const lines = new Map<string, Row>();
  for (const line of value) {
    if (!isRow(line)) return null;
    const name = line[key];
    if (typeof name !== 'string' || lines.has(name)) return null;
    lines.set(name, line);
  }
  return lines;
}

/** The value at a path; undefined when it is not there (a line not in the list). */
export function valueAt(entity: SyncEntity | undefined, data: Row, path: string): unknown {
  const [field = '', line, sub] = segmentsOf(path);
  if (line === undefined) return data[field];
  const key = lineKeyOf(entity, field);
  const found = key ? linesOf(data[field], key)?.get(line) : undefined;
  return sub === undefined ? found : found?.[sub];
}

/** Whether `value` is what a path holds (a line sent as null is the line not there). */
export function isSameAt(path: string, current: unknown, value: unknown): boolean {
  if (value === null && segmentsOf(path).length === 2) return current === undefined;
  return sameJson(current, value);
}

/**
 * The record with a path set; null when the path cannot be set: a field of a line not in the list,
 * a list not merged by line, a line's name changed in place.
 */
export function withValueAt(
  entity: SyncEntity | undefined,
  data: Row,
  path: string,
  value: unknown,
): Row | null {
  const [field = '', line, sub, ...deeper] = segmentsOf(path);
  if (line === undefined) return { ...data, [field]: value };
  const key = lineKeyOf(entity, field);
  if (!key || deeper.length > 0 || sub === key || !linesOf(data[field], key)) return null;
  const rows = (data[field] ?? []) as Row[];
  const at = rows.findIndex((r) => r[key] === line);
  if (sub !== undefined) {
    if (at < 0) return null;
    return { ...data, [field]: rows.map((r, i) => (i === at ? { ...r, [sub]: value } : r)) };
  }
  if (value === null) return at < 0 ? data : { ...data, [field]: rows.filter((_, i) => i !== at) };
  if (!isRow(value) || value[key] !== line) return null;
  // A new line goes last: the order of lines is not merged.
  return {
    ...data,
    [field]: at < 0 ? [...rows, value] : rows.map((r, i) => (i === at ? value : r)),
  };
}

/** The record with a change's paths set, in order; a path that cannot be set is left as it was. */
export function applyPaths(entity: SyncEntity | undefined, data: Row, fields: Row): Row {
  let result = data;
  for (const [path, value] of Object.entries(fields))
    result = withValueAt(entity, result, path, value) ?? result;
  return result;
}

/** A list's change as the paths of its lines; null when the list changes as one value. */
function lineChanges(key: string, field: string, before: unknown, after: unknown): Row | null {
  const was = linesOf(before, key);
  const now = linesOf(after, key);
  if (!was || !now) return null;
  const paths: Row = {};
  for (const [name, line] of now) {
    const old = was.get(name);
    if (!old) paths[pathOf(field, name)] = line;
    else if (sameJson(old, line)) continue;
    // A field gone from a line cannot be sent as a value: the line goes whole.
    else if (Object.keys(old).some((k) => !(k in line))) paths[pathOf(field, name)] = line;
    else
      for (const [sub, value] of Object.entries(line))
        if (!sameJson(old[sub], value)) paths[pathOf(field, name, sub)] = value;
  }
  for (const name of was.keys()) if (!now.has(name)) paths[pathOf(field, name)] = null;
  // The lines only moved: the order is the one thing changed, and the list goes whole.
  return Object.keys(paths).length > 0 ? paths : null;
}

/**
 * What changed from `before` to `next`, by path: each field that differs, a list of records by the
 * lines added, removed (null) and the fields of a line changed. A new record: every field whole.
 */
export function changedPaths(
  entity: SyncEntity | undefined,
  before: Row | undefined,
  next: Row,
): Row {
  if (!before) return { ...next };
  const paths: Row = {};
  for (const [field, value] of Object.entries(next)) {
    if (sameJson(before[field], value)) continue;
    const key = lineKeyOf(entity, field);
    const lines = key ? lineChanges(key, field, before[field], value) : null;
    if (lines) Object.assign(paths, lines);
    else paths[pathOf(field)] = value;
  }
  return paths;
}

/**
 * The versions that set a path, a field it is in, or a part of it: a change based on an older
 * version did not see that edit (unless its own workstation made it).
 */
export function relatedVersions(
  fieldVersions: Readonly<Record<string, number>>,
  path: string,
): number[] {
  return Object.entries(fieldVersions)
    .filter(
      ([known]) => known === path || path.startsWith(`${known}/`) || known.startsWith(`${path}/`),
    )
    .map(([, version]) => version);
}
