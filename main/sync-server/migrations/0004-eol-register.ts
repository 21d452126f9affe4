/**
 * One end-of-life register line per model in the team book (TERMS.md §12): the database refuses a
 * second line for a model a stored one has, whichever workstation sends it. Models compare as the
 * workstation compares them (shared/catalog/eol-lines.ts): trimmed, spaces single, case ignored.
 */
export const EOL_MODEL_KEY = "lower(regexp_replace(btrim(data ->> 'model'), '\\s+', ' ', 'g'))";

export default `
CREATE UNIQUE INDEX eol_line_per_model ON sync_records ((${EOL_MODEL_KEY}))
  WHERE entity = 'eolRegister' AND NOT deleted;
`;
