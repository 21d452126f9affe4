/**
 * Migration 8: the partner's end-of-life register (TERMS.md §12), one line per model with its end of
 * sale, end of support and end of life, a notice and a note. A new table: no existing row moves.
 */
import type { Migration } from './types';

export const migration0008: Migration = {
  version: 8,
  name: 'eol-register',
  stores: { eolRegister: 'id, model' },
};
