/**
 * An end-of-life register file (README, "The end-of-life register"): one row per model, columns found by name in
 * English or Swedish (ignoring case, spaces, `_`, `-` and `.`, as the contract register's), dates as
 * YYYY-MM-DD or Excel date cells. All or nothing: the file's problems are listed with their row and
 * column, and a file with any is refused whole. The plan says what importing it adds, changes and keeps.
 */
import { cellText } from './contracts/register-read';
import { headerKey } from './inventory/aliases';
import type { CellValue } from './inventory/normalise';
import {
  changedEolFields,
  EOL_FIELDS,
  eolModelKey,
  isSameLine,
  readEolDraft,
  type EolDraft,
  type EolField,
  type EolIssue,
  type EolLine,
} from './catalog/eol-lines';
import type { EolRecord } from './catalog/eol-register';

export const EOL_COLUMNS: Record<EolField, readonly string[]> = {
  model: ['Model', 'Modell', 'Product', 'Produkt', 'Model Name', 'Modellnamn'],
  endOfSale: ['End of Sale', 'EOS', 'End of Sale Date', 'Slutförsäljning', 'Försäljningsslut'],
  endOfSupport: ['End of Support', 'End of Support Date', 'Slut på support', 'Supportslut'],
  endOfLife: [
    'End of Life',
    'EOL',
    'End of Life Date',
    'End of Service',
    'Slut på livslängd',
    'Livslängdens slut',
    'Slut på service',
  ],
  notice: ['Notice', 'Bulletin', 'Link', 'Notice Link', 'Meddelande', 'Länk'],
  note: ['Note', 'Notes', 'Comment', 'Anteckning', 'Kommentar'],
};

const FIELD_BY_KEY = new Map<string, EolField>(
  EOL_FIELDS.flatMap((field) => EOL_COLUMNS[field].map((alias) => [headerKey(alias), field])),
);

/** Where each column is in a header row; false when it has no model column. */
export function eolMapping(headers: readonly string[]): Partial<Record<EolField, number>> | null {
  const mapping: Partial<Record<EolField, number>> = {};
  headers.forEach((header, i) => {
    const field = FIELD_BY_KEY.get(headerKey(header));
    if (field && mapping[field] === undefined) mapping[field] = i;
  });
  return mapping.model === undefined ? null : mapping;
}

export interface EolFileProblem {
  row: number;
  /** The column's header as the file writes it. */
  column: string;
  issue: EolIssue;
}

export interface ParsedEolFile {
  file: string;
  lines: EolLine[];
  problems: EolFileProblem[];
}

/** A table's rows read into lines; the file's own rows before a row are what a duplicate is against. */
export function readEolTable(
  file: string,
  headers: readonly string[],
  rows: readonly { row: number; cells: readonly CellValue[] }[],
): ParsedEolFile {
  const mapping = eolMapping(headers) ?? {};
  const lines: EolLine[] = [];
  const seen: { id: string; model: string }[] = [];
  const problems: EolFileProblem[] = [];
  for (const { row, cells } of rows) {
    const draft = Object.fromEntries(
      EOL_FIELDS.map((f) => {
        const at = mapping[f];
        return [f, at === undefined ? '' : cellText(cells[at])];
      }),
    ) as EolDraft;
    const { line, issues } = readEolDraft(draft, seen, `row ${row}`);
    for (const issue of issues)
      problems.push({ row, column: headers[mapping[issue.field] ?? -1] ?? '', issue });
    if (line) lines.push(line);
    if (draft.model.trim()) seen.push({ id: `row ${row}`, model: draft.model });
  }
  return { file, lines, problems };
}

export interface EolPlan {
  added: EolRecord[];
  changed: { before: EolRecord; after: EolRecord; fields: EolField[] }[];
  /** The register's lines the import leaves as they are: the same in the file, or not in it. */
  kept: EolRecord[];
}

/** What importing the file's lines into the register does; each added or changed line's source is the file. */
export function planEolImport(
  parsed: Pick<ParsedEolFile, 'file' | 'lines'>,
  register: readonly EolRecord[],
  newId: () => string,
): EolPlan {
  const byKey = new Map(register.map((r) => [eolModelKey(r.model), r]));
  const plan: EolPlan = { added: [], changed: [], kept: [] };
  const touched = new Set<string>();
  for (const line of parsed.lines) {
    const before = byKey.get(eolModelKey(line.model));
    if (!before) {
      plan.added.push({ ...line, id: newId(), source: parsed.file });
      continue;
    }
    touched.add(before.id);
    if (isSameLine(before, line)) plan.kept.push(before);
    else
      plan.changed.push({
        before,
        after: { ...line, id: before.id, source: parsed.file },
        fields: changedEolFields(before, line),
      });
  }
  plan.kept.push(...register.filter((r) => !touched.has(r.id)));
  return plan;
}
