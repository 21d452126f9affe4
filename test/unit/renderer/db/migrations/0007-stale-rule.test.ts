import { describe, expect, it } from 'vitest';
import { WorkstationDatabase } from '../../../../../renderer/db/database';
import { MIGRATIONS } from '../../../../../renderer/db/migrations';
import { contractSchema } from '../../../../../shared/model/schemas';

const excluded = { eol: 2, quote: 1, software: 0, unknown: 3, deleted: 1, archived: 0 };

describe('migration 0007: the stale rule', () => {
  it('gives every contract no rule and every kept excluded figure the stale class at 0', async () => {
    const name = `m7-${Math.random()}`;
    const v6 = new WorkstationDatabase(name, MIGRATIONS.slice(0, 6));
    await v6.open();
    await v6.table('contracts').bulkAdd([
      { id: 'k1', customerId: 'c1', number: 'PE-1' },
      // A contract that has a rule already (written by this version, restored) keeps it.
      { id: 'k2', customerId: 'c2', number: 'PE-2', staleDays: 45 },
    ]);
    await v6.table('snapshots').bulkAdd([
      { id: 'c1:2026-07-31', customerId: 'c1', summary: { counts: { voice: 2 }, excluded } },
      { id: 'c2:2026-07-31', customerId: 'c2', summary: { counts: { voice: 1 } } },
    ]);
    await v6.table('imports').add({ id: 'i1', customerId: 'c1', report: { excluded } });
    v6.close();

    const v7 = new WorkstationDatabase(name, MIGRATIONS.slice(0, 7));
    await v7.open();
    expect(v7.verno).toBe(7);
    expect(await v7.table('contracts').toArray()).toEqual([
      { id: 'k1', customerId: 'c1', number: 'PE-1', staleDays: null },
      { id: 'k2', customerId: 'c2', number: 'PE-2', staleDays: 45 },
    ]);
    const withStale = { ...excluded, stale: 0 };
    expect(await v7.table('snapshots').get('c1:2026-07-31')).toEqual({
      id: 'c1:2026-07-31',
      customerId: 'c1',
      summary: { counts: { voice: 2 }, excluded: withStale },
    });
    expect(await v7.table('snapshots').get('c2:2026-07-31')).toEqual({
      id: 'c2:2026-07-31',
      customerId: 'c2',
      summary: { counts: { voice: 1 } },
    });
    expect(await v7.table('imports').get('i1')).toEqual({
      id: 'i1',
      customerId: 'c1',
      report: { excluded: withStale },
    });
    v7.close();
  });

  it('reads an older workstation’s synced contract as having no rule, and refuses a rule under 1 day', () => {
    const rule = contractSchema.shape.staleDays;
    expect(rule.parse(undefined)).toBeUndefined();
    expect(rule.parse(null)).toBeNull();
    expect(rule.parse(30)).toBe(30);
    expect(() => rule.parse(0)).toThrow();
    expect(() => rule.parse(30.5)).toThrow();
  });
});
