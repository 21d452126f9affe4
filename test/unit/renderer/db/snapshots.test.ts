/** The growth plan's month-end history read from IndexedDB: only the history's months, the same counts. */
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, WorkstationDatabase } from '../../../../renderer/db/database';
import { monthEndHistories } from '../../../../renderer/db/snapshots';
import type { InventorySnapshot } from '../../../../shared/model/entities';
import { snapshotHistory } from '../../../../shared/reports/plan';
import { addMonthsToMonth } from '../../../../shared/terms/dates';

const opened: WorkstationDatabase[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const snapshot = (customerId: string, asOf: string, count: number): InventorySnapshot => ({
  id: `${customerId}:${asOf}`,
  customerId,
  importId: null,
  asOf,
  month: asOf.slice(0, 7),
  summary: { counts: { headsets: count, video: count + 1, voice: 0 } } as never,
  added: 0,
  removed: 0,
});

describe('monthEndHistories', () => {
  it('gives the counts every snapshot gives, for the last 24 months, carrying one from before them', async () => {
    const db = new WorkstationDatabase(`db-${Math.random()}`);
    opened.push(db);
    await openDatabase(db);
    // 36 months of mid-month inventories, none in the 6 months before the history's first month's end.
    const all = Array.from({ length: 36 }, (_, i) => addMonthsToMonth('2024-01', i))
      .filter((m) => m < '2024-07' || m > '2025-01')
      .map((m, i) => snapshot('c1', `${m}-15`, 100 + i));
    await db.snapshots.bulkPut([...all, snapshot('c2', '2026-11-30', 7)]);
    const histories = await monthEndHistories(db, ['c1', 'c2', 'c1'], '2026-12');
    const c1 = histories.get('c1')!;
    expect(c1).toEqual(snapshotHistory(all, '2026-12'));
    expect(c1).toHaveLength(24);
    expect(c1[0]).toEqual({
      month: '2025-01',
      counts: all.find((s) => s.month === '2024-06')!.summary.counts,
    });
    expect(histories.get('c2')).toEqual([
      { month: '2026-11', counts: { headsets: 7, video: 8, voice: 0 } },
      { month: '2026-12', counts: { headsets: 7, video: 8, voice: 0 } },
    ]);
  });
});
