import { describe, expect, it } from 'vitest';
import { WorkstationDatabase } from '../../../../../renderer/db/database';
import { migration0001 } from '../../../../../renderer/db/migrations/0001-initial';

describe('migration 0001: initial schema', () => {
  it('creates every table with its keys and indexes', async () => {
    const db = new WorkstationDatabase(`m1-${Math.random()}`, [migration0001]);
    await db.open();
    expect(db.verno).toBe(1);
    const schema = Object.fromEntries(
      db.tables.map((t) => [
        t.name,
        [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(', '),
      ]),
    );
    expect(schema).toEqual(migration0001.stores);
    expect(schema['inventoryChunks']).toBe('[customerId+chunk], customerId');
    db.close();
  });
});
