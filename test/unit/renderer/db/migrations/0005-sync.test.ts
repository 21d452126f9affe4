import { describe, expect, it } from 'vitest';
import { createBackup } from '../../../../../renderer/db/backup';
import { WorkstationDatabase } from '../../../../../renderer/db/database';
import { MIGRATIONS } from '../../../../../renderer/db/migrations';
import { setOutboxEnabled } from '../../../../../renderer/db/sync-outbox';
import { customer } from '../../../sync/fixtures';

describe('migration 0005: team sync’s local state', () => {
  it('adds the outbox, versions, decisions and state, empty, and leaves the book as it was', async () => {
    const name = `m5-${Math.random()}`;
    const v4 = new WorkstationDatabase(name, MIGRATIONS.slice(0, 4));
    await v4.open();
    await v4.table('customers').bulkAdd([customer('c1'), customer('c2', { name: 'Nordbank' })]);
    await v4.table('settings').put({ key: 'partner', value: { brand: 'Partner AB' } });
    v4.close();

    const v5 = new WorkstationDatabase(name, MIGRATIONS.slice(0, 5));
    await v5.open();
    expect(v5.verno).toBe(5);
    // The book is untouched, and nothing of it waits to be sent: a book syncs only once connected.
    expect(await v5.customers.toArray()).toEqual([
      customer('c1'),
      customer('c2', { name: 'Nordbank' }),
    ]);
    expect((await v5.settings.get('partner'))?.value).toEqual({ brand: 'Partner AB' });
    for (const table of [v5.outbox, v5.syncVersions, v5.syncConflicts, v5.syncState])
      expect(await table.count(), table.name).toBe(0);
    // Their keys as the sync code reads them: the outbox numbers edits in order, by record too.
    expect(v5.outbox.schema.primKey).toMatchObject({ keyPath: 'seq', auto: true });
    expect(v5.outbox.schema.indexes.map((i) => i.name)).toEqual(['[entity+id]']);
    expect(v5.syncVersions.schema.primKey.keyPath).toBe('key');
    expect(v5.syncConflicts.schema.primKey).toMatchObject({ keyPath: 'id', auto: true });
    expect(v5.syncConflicts.schema.indexes.map((i) => i.name)).toEqual(['[entity+id]']);
    expect(v5.syncState.schema.primKey.keyPath).toBe('key');

    // Connected, an edit of a synced table goes to the outbox in the same transaction; the sync
    // state stays out of a backup.
    setOutboxEnabled(name, true);
    try {
      await v5.customers.update('c1', { csm: 'Jonas' });
      await v5.syncState.put({ key: 'cursor', value: 4 });
    } finally {
      setOutboxEnabled(name, false);
    }
    const [edit] = await v5.outbox.toArray();
    expect(edit).toEqual({
      seq: 1,
      entity: 'customers',
      id: 'c1',
      op: 'put',
      baseVersion: 0,
      fields: { csm: 'Jonas' },
    });
    expect(await v5.outbox.where('[entity+id]').equals(['customers', 'c1']).count()).toBe(1);
    const backup = JSON.parse(await (await createBackup(v5)).text()) as {
      data: { data: { tableName: string }[] };
    };
    const names = backup.data.data.map((t) => t.tableName);
    expect(names).toContain('customers');
    for (const table of ['outbox', 'syncVersions', 'syncConflicts', 'syncState'])
      expect(names).not.toContain(table);
    v5.close();
  });
});
