/**
 * Reading an end-of-life register line, typed in the app or read from a file (README, "The end-of-life register"): its
 * dates as YYYY-MM-DD, in order (end of sale ≤ end of support ≤ end of life where given), a notice
 * that is an http or https address, and one line per model in the register (models compared
 * ignoring case and spacing). Problems are codes; the screen says them in the user's language.
 */
import { nameKey } from '../model/name-key';
import { isCalendarDate } from '../terms/dates';
import type { EolRecord } from './eol-register';

export const EOL_DATE_FIELDS = ['endOfSale', 'endOfSupport', 'endOfLife'] as const;
export type EolDateField = (typeof EOL_DATE_FIELDS)[number];
export const EOL_FIELDS = ['model', ...EOL_DATE_FIELDS, 'notice', 'note'] as const;
export type EolField = (typeof EOL_FIELDS)[number];

/** A line as typed: every field a text, blank for none. */
export type EolDraft = Record<EolField, string>;

/** What is wrong with a field: the date before it (order), the model's other line (duplicate). */
export type EolIssue =
  | { field: EolField; code: 'required' | 'date' | 'notice' | 'tooLong' }
  | { field: EolDateField; code: 'order'; before: EolDateField }
  | { field: 'model'; code: 'duplicate'; model: string };

/** A line's fields without its ID and source. */
export type EolLine = Omit<EolRecord, 'id' | 'source'>;

/** The longest text a field takes (a date is checked as a date). */
const MAX_LENGTH: Record<EolField, number> = {
  model: 120,
  endOfSale: Infinity,
  endOfSupport: Infinity,
  endOfLife: Infinity,
  notice: 2000,
  note: 2000,
};
const NOTICE = /^https?:\/\/[^\s]+$/i;

/** A model as the register keeps it: trimmed, its spaces single. */
export const tidyModel = (model: string) => model.normalize('NFC').trim().replace(/\s+/g, ' ');

/** Two lines are for one model when their keys are equal. */
export const eolModelKey = (model: string) => nameKey(tidyModel(model));

export const emptyEolDraft = (): EolDraft => ({
  model: '',
  endOfSale: '',
  endOfSupport: '',
  endOfLife: '',
  notice: '',
  note: '',
});

export function eolDraftOf(record: EolRecord): EolDraft {
  return Object.fromEntries(EOL_FIELDS.map((f) => [f, record[f] ?? ''])) as EolDraft;
}

function fieldIssues(draft: EolDraft): EolIssue[] {
  const issues: EolIssue[] = [];
  for (const field of EOL_FIELDS) {
    const value = draft[field].trim();
    if (value.length > MAX_LENGTH[field]) issues.push({ field, code: 'tooLong' });
    else if (field === 'model' && !value) issues.push({ field, code: 'required' });
    else if (value && EOL_DATE_FIELDS.some((f) => f === field) && !isCalendarDate(value))
      issues.push({ field, code: 'date' });
    else if (field === 'notice' && value && !NOTICE.test(value))
      issues.push({ field, code: 'notice' });
  }
  return issues;
}

/** Each given date not before the given dates ahead of it. */
function orderIssues(line: EolLine): EolIssue[] {
  const issues: EolIssue[] = [];
  EOL_DATE_FIELDS.forEach((field, i) => {
    const date = line[field];
    const before = EOL_DATE_FIELDS.slice(0, i).find((f) => {
      const earlier = line[f];
      return earlier !== undefined && date !== undefined && earlier > date;
    });
    if (before) issues.push({ field, code: 'order', before });
  });
  return issues;
}

function lineOf(draft: EolDraft): EolLine {
  const line: EolLine = { model: tidyModel(draft.model) };
  for (const field of [...EOL_DATE_FIELDS, 'notice', 'note'] as const) {
    const value = draft[field].trim();
    if (value) line[field] = value;
  }
  return line;
}

/**
 * A draft read into a line, or its problems. `others` are the register's lines (or the file's rows
 * before it): a model one of them has, under another ID, is refused naming that line's model.
 */
export function readEolDraft(
  draft: EolDraft,
  others: readonly Pick<EolRecord, 'id' | 'model'>[] = [],
  id: string | null = null,
): { line: EolLine | null; issues: EolIssue[] } {
  const issues = fieldIssues(draft);
  if (issues.length > 0) return { line: null, issues };
  const line = lineOf(draft);
  const key = eolModelKey(line.model);
  const other = others.find((o) => o.id !== id && eolModelKey(o.model) === key);
  if (other) issues.push({ field: 'model', code: 'duplicate', model: other.model });
  issues.push(...orderIssues(line));
  return issues.length > 0 ? { line: null, issues } : { line, issues };
}

/** True when two lines say the same (their sources aside). */
export function isSameLine(a: EolLine, b: EolLine): boolean {
  return EOL_FIELDS.every((f) => (a[f] ?? '') === (b[f] ?? ''));
}

/** The fields in which a line differs from another, in the register's order. */
export function changedEolFields(before: EolLine, after: EolLine): EolField[] {
  return EOL_FIELDS.filter((f) => (before[f] ?? '') !== (after[f] ?? ''));
}
