import type { Transaction } from 'dexie';

/** One schema version. Append-only: a released migration is never edited, only followed by another. */
export interface Migration {
  version: number;
  name: string;
  /** Dexie stores for the tables this version adds or changes (null deletes a table). */
  stores: Record<string, string | null>;
  /** Moves existing rows to the new shape, inside the upgrade transaction. */
  upgrade?: (tx: Transaction) => Promise<void>;
  /**
   * The same move, row by row, per table, as pure functions: a restore brings an older backup's rows
   * forward with these before it checks and writes them. A migration whose upgrade works across
   * tables has none: a restore runs its upgrade inside the restore's transaction instead.
   */
  rows?: Record<string, (row: never) => unknown>;
}
