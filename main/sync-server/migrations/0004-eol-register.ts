/**
 * One end-of-life register line per model in the team book (TERMS.md §12): the database refuses a
 * second line for a model a stored one has, whichever workstation sends it. Models are kept trimmed
 * with single spaces (shared/catalog/eol-lines.ts), so case is all that is left to ignore.
 */
export default `
CREATE UNIQUE INDEX eol_line_per_model ON sync_records (lower(btrim(data ->> 'model')))
  WHERE entity = 'eolRegister' AND NOT deleted;
`;
