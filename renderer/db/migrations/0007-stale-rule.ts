/**
 * Migration 7: a contract may not count devices Lens has not seen for more than its `staleDays`
 * (TERMS.md §12). Every contract gains the rule at null (none: every device counts, as before), and
 * every kept figure of excluded devices (a snapshot's summary, an import's report) gains the stale
 * class at 0, since no version before this one had the rule. Device lists need nothing.
 */
import type { Transaction } from 'dexie';
import type { Migration } from './types';

type Row = Record<string, unknown>;

export function contractWithRule<T extends { staleDays?: number | null }>(row: T): T {
  return row.staleDays === undefined ? { ...row, staleDays: null } : row;
}

/** The row with stale at 0 beside the excluded figures it keeps under `key`, where it keeps them. */
const withStaleIn =
  (key: 'summary' | 'report') =>
  <T extends Row>(row: T): T => {
    const figures = row[key] as { excluded?: Record<string, number> } | undefined;
    if (!figures?.excluded) return row;
    const excluded = { ...figures.excluded, stale: figures.excluded.stale ?? 0 };
    return { ...row, [key]: { ...figures, excluded } };
  };

export const snapshotWithStale = withStaleIn('summary');
export const importWithStale = withStaleIn('report');

const ROWS: Record<string, (row: Row) => Row> = {
  contracts: contractWithRule,
  snapshots: snapshotWithStale,
  imports: importWithStale,
};

async function upgrade(tx: Transaction): Promise<void> {
  for (const [table, move] of Object.entries(ROWS))
    await tx
      .table(table)
      .toCollection()
      .modify((row: Row, ref: { value: unknown }) => {
        ref.value = move(row);
      });
}

export const migration0007: Migration = {
  version: 7,
  name: 'stale-rule',
  stores: {},
  upgrade,
  rows: ROWS,
};
