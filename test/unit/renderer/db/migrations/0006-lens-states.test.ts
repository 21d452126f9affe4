import { describe, expect, it } from 'vitest';
import { WorkstationDatabase } from '../../../../../renderer/db/database';
import { MIGRATIONS } from '../../../../../renderer/db/migrations';
import { snapshotSchema } from '../../../../../shared/model/inventory-schemas';

const excluded = { eol: 2, quote: 1, software: 0, unknown: 3 };

describe('migration 0006: deleted and archived devices in the excluded figures', () => {
  it('gives every kept snapshot summary and import report the two classes at 0, the rest unchanged', async () => {
    const name = `m6-${Math.random()}`;
    const v5 = new WorkstationDatabase(name, MIGRATIONS.slice(0, 5));
    await v5.open();
    await v5.table('snapshots').bulkAdd([
      { id: 'c1:2026-07-31', customerId: 'c1', summary: { counts: { voice: 2 }, excluded } },
      // A snapshot without figures of excluded devices stays as it is.
      { id: 'c2:2026-07-31', customerId: 'c2', summary: { counts: { voice: 1 } } },
    ]);
    await v5.table('imports').add({ id: 'i1', customerId: 'c1', report: { excluded } });
    v5.close();

    const v6 = new WorkstationDatabase(name, MIGRATIONS.slice(0, 6));
    await v6.open();
    expect(v6.verno).toBe(6);
    const marked = { ...excluded, deleted: 0, archived: 0 };
    expect(await v6.table('snapshots').get('c1:2026-07-31')).toEqual({
      id: 'c1:2026-07-31',
      customerId: 'c1',
      summary: { counts: { voice: 2 }, excluded: marked },
    });
    expect(await v6.table('snapshots').get('c2:2026-07-31')).toEqual({
      id: 'c2:2026-07-31',
      customerId: 'c2',
      summary: { counts: { voice: 1 } },
    });
    expect(await v6.table('imports').get('i1')).toEqual({
      id: 'i1',
      customerId: 'c1',
      report: { excluded: marked },
    });
    v6.close();
  });

  it('reads an older workstation’s synced snapshot with the two classes at 0', () => {
    const parsed = snapshotSchema.shape.summary.shape.excluded.parse(excluded);
    expect(parsed).toEqual({ ...excluded, deleted: 0, archived: 0, stale: 0 });
    expect(() =>
      snapshotSchema.shape.summary.shape.excluded.parse({ ...excluded, deleted: -1 }),
    ).toThrow();
  });
});
