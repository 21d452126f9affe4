/**
 * RFC 4180 CSV text: fields with the separator, a quote or a line break are quoted, quotes doubled.
 * A field that a spreadsheet would take for a formula (starting with = + - @, a tab or a carriage
 * return, or their full-width forms) gets a leading apostrophe; so does one that already starts with
 * apostrophes before such a character, so the guard can always be taken off exactly.
 *
 * Every reader of tables (inventories and registers, CSV and XLSX, the import and `csm inspect`) takes
 * the guard off: one apostrophe before a formula start, nothing else. The project's own files (`csm
 * lens-pull --out`, a Lens pull, the register and demo CSVs) so read back exactly as they were; in a
 * file from elsewhere a value shaped like a guarded one ("'=x") reads as what the guard protected
 * ("=x"), as a spreadsheet that hides the quote prefix shows it. Text written out again is guarded again.
 */
const FORMULA_START = /^'*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** The field as written: guarded against formula interpretation. */
export function guardFormula(field: string): string {
  return FORMULA_START.test(field) ? `'${field}` : field;
}

/** A field as read back: the guard apostrophe taken off (`unguardFormula(guardFormula(x)) === x`). */
export function unguardFormula(field: string): string {
  return field.startsWith("'") && FORMULA_START.test(field) ? field.slice(1) : field;
}

export function csvLine(fields: readonly string[], separator: string): string {
  return fields
    .map(guardFormula)
    .map((field) =>
      field.includes(separator) || /["\r\n]/.test(field)
        ? `"${field.replaceAll('"', '""')}"`
        : field,
    )
    .join(separator);
}

/** A whole CSV file: UTF-8 with a byte-order mark (Excel then reads å, ä, ö right), CRLF lines. */
export function csvFile(rows: readonly (readonly string[])[], separator = ','): Uint8Array {
  return csvFileOfLines(rows.map((r) => csvLine(r, separator)));
}

/** A whole CSV file of lines already written by `csvLine`. */
export function csvFileOfLines(lines: readonly string[]): Uint8Array {
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}
