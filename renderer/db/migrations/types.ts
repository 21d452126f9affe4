import type { Transaction } from 'dexie';

/** An older backup's rows of tables the current schema dropped, by table name. */
export type RetiredRows = ReadonlyMap<string, readonly unknown[]>;

/** One schema version. Append-only: a released migration is never edited, only followed by another. */
export interface Migration {
  version: number;
  name: string;
  /** Dexie stores for the tables this version adds or changes (null deletes a table). */
  stores: Record<string, string | null>;
  /**
   * Moves existing rows to the new shape, inside the upgrade transaction. In a restore, the rows an
   * older backup holds of tables this schema no longer has come as `retired` (by table name).
   */
  upgrade?: (tx: Transaction, retired?: RetiredRows) => Promise<void>;
  /**
   * The same move, row by row, per table, as pure functions: a restore brings an older backup's rows
   * forward with these before it checks and writes them. A restore runs `upgrade` inside its own
   * transaction only for a migration without row functions (one whose work is across tables).
   */
  rows?: Record<string, (row: never) => unknown>;
}
