/**
 * Migration 6: devices Lens marks deleted or archived are counted in no category (TERMS.md §12), and
 * every kept figure of excluded devices gains the two classes: a snapshot's summary and an import's
 * report, at 0, since no version before this one read the marks. Device lists need nothing: a list
 * without marks has none.
 */
import type { Transaction } from 'dexie';
import type { Migration } from './types';

type Excluded = Record<string, number>;
interface WithExcluded {
  excluded?: Excluded;
}

const withMarks = (excluded: Excluded | undefined): Excluded | undefined =>
  excluded && { ...excluded, deleted: excluded.deleted ?? 0, archived: excluded.archived ?? 0 };

export function snapshotWithMarks<T extends { summary?: WithExcluded }>(row: T): T {
  const summary = row.summary;
  return summary?.excluded
    ? { ...row, summary: { ...summary, excluded: withMarks(summary.excluded) } }
    : row;
}

export function importWithMarks<T extends { report?: WithExcluded }>(row: T): T {
  const report = row.report;
  return report?.excluded
    ? { ...row, report: { ...report, excluded: withMarks(report.excluded) } }
    : row;
}

async function upgrade(tx: Transaction): Promise<void> {
  const replace =
    <T>(move: (row: T) => T) =>
    (row: T, ref: { value: unknown }) => {
      ref.value = move(row);
    };
  await tx.table('snapshots').toCollection().modify(replace(snapshotWithMarks));
  await tx.table('imports').toCollection().modify(replace(importWithMarks));
}

export const migration0006: Migration = {
  version: 6,
  name: 'lens-states',
  stores: {},
  upgrade,
  rows: { snapshots: snapshotWithMarks, imports: importWithMarks },
};
