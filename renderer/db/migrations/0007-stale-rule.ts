/**
 * Migration 7: a contract may not count devices Lens has not seen for more than its `staleDays`
 * (TERMS.md §12). Every contract gains the rule at null (none: every device counts, as before), and
 * every kept figure of excluded devices gains the stale class at 0, since no version before this one
 * had the rule. Device lists need nothing.
 */
import type { Transaction } from 'dexie';
import type { Migration } from './types';

type Excluded = Record<string, number>;
interface WithExcluded {
  excluded?: Excluded;
}

const withStale = (excluded: Excluded): Excluded => ({ ...excluded, stale: excluded.stale ?? 0 });

export function contractWithRule<T extends { staleDays?: number | null }>(row: T): T {
  return row.staleDays === undefined ? { ...row, staleDays: null } : row;
}

export function snapshotWithStale<T extends { summary?: WithExcluded }>(row: T): T {
  const summary = row.summary;
  return summary?.excluded
    ? { ...row, summary: { ...summary, excluded: withStale(summary.excluded) } }
    : row;
}

export function importWithStale<T extends { report?: WithExcluded }>(row: T): T {
  const report = row.report;
  return report?.excluded
    ? { ...row, report: { ...report, excluded: withStale(report.excluded) } }
    : row;
}

async function upgrade(tx: Transaction): Promise<void> {
  const replace =
    <T>(move: (row: T) => T) =>
    (row: T, ref: { value: unknown }) => {
      ref.value = move(row);
    };
  await tx.table('contracts').toCollection().modify(replace(contractWithRule));
  await tx.table('snapshots').toCollection().modify(replace(snapshotWithStale));
  await tx.table('imports').toCollection().modify(replace(importWithStale));
}

export const migration0007: Migration = {
  version: 7,
  name: 'stale-rule',
  stores: {},
  upgrade,
  rows: { contracts: contractWithRule, snapshots: snapshotWithStale, imports: importWithStale },
};
