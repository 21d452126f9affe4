/**
 * What an export says of a device that is no longer in service (FORMATS.md §4, TERMS.md §12): a Deleted
 * or Archived column with a yes, a State column, or the Status column, reading deleted or archived.
 */
import type { LensState } from '../model/device';

const YES = new Set([
  'true',
  'yes',
  'ja',
  '1',
  'x',
  'deleted',
  'archived',
  'borttagen',
  'arkiverad',
]);
const NO = new Set(['', 'false', 'no', 'nej', '0']);

/** State and Status values that mark a device; any other value leaves it in service. */
const STATE_WORDS: ReadonlyMap<string, LensState> = new Map([
  ['deleted', 'deleted'],
  ['removed', 'deleted'],
  ['borttagen', 'deleted'],
  ['archived', 'archived'],
  ['arkiverad', 'archived'],
]);

/** A Status or State value's mark, or null when it names none. */
export function stateWord(value: string): LensState | null {
  return STATE_WORDS.get(value.trim().toLowerCase()) ?? null;
}

/** A yes/no flag column's value: true, false, or 'invalid'. */
export function parseFlag(value: string): boolean | 'invalid' {
  const key = value.trim().toLowerCase();
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  return 'invalid';
}

export interface StateCells {
  deleted: string;
  archived: string;
  state: string;
  status: string;
}

/** The device's mark from its cells, or the reason a flag cannot be read. Deleted wins over archived. */
export function readLensState(
  cells: StateCells,
): { state: LensState | null } | { rejection: string } {
  const deleted = parseFlag(cells.deleted);
  if (deleted === 'invalid')
    return {
      rejection: `Deleted ${JSON.stringify(cells.deleted.trim())} is not yes/no, true/false or ja/nej`,
    };
  const archived = parseFlag(cells.archived);
  if (archived === 'invalid')
    return {
      rejection: `Archived ${JSON.stringify(cells.archived.trim())} is not yes/no, true/false or ja/nej`,
    };
  const marks = [
    deleted ? 'deleted' : null,
    stateWord(cells.state),
    stateWord(cells.status),
    archived ? 'archived' : null,
  ];
  const state = marks.includes('deleted')
    ? 'deleted'
    : marks.includes('archived')
      ? 'archived'
      : null;
  return { state };
}
