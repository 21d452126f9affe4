/**
 * The team book in a real PostgreSQL: migrations, users and tokens, push (per-field merge, receipts,
 * invariants, roles) and pull by version.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA, migrate, schemaVersion } from '../../../main/sync-server/migrate';
import { openPool, type Pool } from '../../../main/sync-server/pool';
import { pull } from '../../../main/sync-server/pull';
import { push } from '../../../main/sync-server/push';
import { addUser, authenticate, revokeUser, type SyncUser } from '../../../main/sync-server/users';
import { SYNC_MIGRATIONS } from '../../../main/sync-server/migrations';
import { SYNC_PROTOCOL, type Change } from '../../../shared/sync/protocol';
import { startPostgres, type TestPostgres } from '../../support/postgres';
import { contract, customer, put, timeEntry, trueUp } from './fixtures';

let server: TestPostgres;
let pool: Pool;
let csm: SyncUser;
let manager: SyncUser;
let reader: SyncUser;

beforeAll(async () => {
  server = await startPostgres();
  pool = openPool(await server.createDatabase('store'));
  await migrate(pool);
  csm = (await addUser(pool, { name: 'Karin', email: 'karin@partner.se', role: 'csm' })).user;
  manager = (
    await addUser(pool, { name: 'Jonas', email: 'jonas@partner.se', role: 'account-manager' })
  ).user;
  reader = (await addUser(pool, { name: 'Rita', email: 'rita@partner.se', role: 'read-only' }))
    .user;
});

afterAll(async () => {
  await pool?.end();
  await server?.stop();
});

const send = (user: SyncUser, clientId: string, changes: Change[]) =>
  push(pool, user, { protocol: SYNC_PROTOCOL, clientId, changes });

describe('migrations', () => {
  it('create the schema step by step, again changing nothing, and refuse a newer database', async () => {
    const fresh = openPool(await server.createDatabase('migrations'));
    try {
      expect(await schemaVersion(fresh)).toBe(0);
      expect(await migrate(fresh)).toEqual({ from: 0, to: LATEST_SCHEMA });
      expect(await migrate(fresh)).toEqual({ from: LATEST_SCHEMA, to: LATEST_SCHEMA });
      // Numbered from 1 without gaps, append-only.
      expect(SYNC_MIGRATIONS.map((m) => m.version)).toEqual(SYNC_MIGRATIONS.map((_, i) => i + 1));
      await fresh.query("INSERT INTO sync_migrations (version, name) VALUES (999, 'future')");
      await expect(migrate(fresh)).rejects.toThrow(/schema 999, newer than this csm/);
    } finally {
      await fresh.end();
    }
  });

  it('run two at once without running a step twice', async () => {
    const url = await server.createDatabase('racing');
    const a = openPool(url);
    const b = openPool(url);
    try {
      const results = await Promise.all([migrate(a), migrate(b)]);
      expect(results.map((r) => r.to)).toEqual([LATEST_SCHEMA, LATEST_SCHEMA]);
      expect(results.map((r) => r.from).sort()).toEqual([0, LATEST_SCHEMA]);
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
  });
});

describe('users and tokens', () => {
  it('stores only the hash; a revoked token stops at once', async () => {
    const { user, token } = await addUser(pool, {
      name: 'Ola',
      email: 'Ola@Partner.se',
      role: 'csm',
    });
    expect(token).toMatch(/^csm_[\w-]{43}$/);
    const stored = await pool.query<{ token_hash: string }>(
      'SELECT token_hash FROM sync_users WHERE id = $1',
      [user.id],
    );
    expect(stored.rows[0]?.token_hash).not.toContain(token);
    expect((await authenticate(pool, token))?.email).toBe('ola@partner.se');
    await expect(
      addUser(pool, { name: 'Ola 2', email: 'ola@partner.se', role: 'csm' }),
    ).rejects.toThrow(/exists already/);
    expect(await revokeUser(pool, 'OLA@partner.se')).toBe(true);
    expect(await authenticate(pool, token)).toBeNull();
    expect(await revokeUser(pool, 'ola@partner.se')).toBe(false);
  });
});

describe('push and pull', () => {
  it('applies a new record once, whatever how often the push is repeated', async () => {
    const clientId = randomUUID();
    const change = put('customers', customer('dup-1'));
    const first = await send(csm, clientId, [change]);
    const again = await send(csm, clientId, [change]);
    expect(first.receipts[0]).toMatchObject({ status: 'applied', seq: change.seq });
    expect(again).toEqual(first);
    const log = await pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM sync_log WHERE id = 'dup-1'",
    );
    expect(log.rows[0]?.n).toBe(1);
  });

  it('answers a repeated push arriving at the same time with one effect', async () => {
    const clientId = randomUUID();
    const change = put('customers', customer('dup-2'));
    const [a, b] = await Promise.all([
      send(csm, clientId, [change]),
      send(csm, clientId, [change]),
    ]);
    expect(a).toEqual(b);
    const log = await pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM sync_log WHERE id = 'dup-2'",
    );
    expect(log.rows[0]?.n).toBe(1);
  });

  it('keeps both edits of different fields, and the first of the same field with a conflict', async () => {
    const laptopA = randomUUID();
    const laptopB = randomUUID();
    const created = await send(csm, laptopA, [put('customers', customer('merge'))]);
    const base = created.receipts[0]?.version ?? 0;
    const a = await send(csm, laptopA, [put('customers', { id: 'merge' }, base, { csm: 'Anna' })]);
    const b = await send(manager, randomUUID(), [
      put('customers', { id: 'merge' }, base, { accountManager: 'Per', csm: 'Bo' }),
    ]);
    expect(a.receipts[0]?.status).toBe('applied');
    // Jonas may not change customers (his role): refused, nothing applied.
    expect(b.receipts[0]).toMatchObject({ status: 'refused' });
    expect(b.receipts[0]?.reason).toMatch(/account-manager may not change customers/);
    const c = await send(csm, laptopB, [
      put('customers', { id: 'merge' }, base, { accountManager: 'Per', csm: 'Bo' }),
    ]);
    expect(c.receipts[0]).toMatchObject({
      status: 'conflict',
      conflicts: [{ field: 'csm', theirs: 'Anna', yours: 'Bo', by: 'Karin' }],
    });
    const page = await pull(pool, 0, 5000);
    const merged = page.records.find((r) => r.id === 'merge');
    expect(merged?.data).toMatchObject({ csm: 'Anna', accountManager: 'Per' });
  });

  it('treats a workstation’s own earlier edits as known, so editing twice is no conflict', async () => {
    const laptop = randomUUID();
    await send(csm, laptop, [put('customers', customer('twice'))]);
    const one = put('customers', { id: 'twice' }, 0, { csm: 'Anna' });
    const two = put('customers', { id: 'twice' }, 0, { csm: 'Berit' });
    const result = await send(csm, laptop, [one, two]);
    expect(result.receipts.map((r) => r.status)).toEqual(['applied', 'applied']);
  });

  it('holds the invariants: one true-up per term, none applied without a PO, contract numbers', async () => {
    const laptopA = randomUUID();
    const laptopB = randomUUID();
    const first = await send(csm, laptopA, [put('trueUps', trueUp('t1'))]);
    expect(first.receipts[0]?.status).toBe('applied');
    // Created offline on another laptop for the same contract, term and category: refused, shown.
    const second = await send(csm, laptopB, [put('trueUps', trueUp('t2', { quoteNumber: 'Q-2' }))]);
    expect(second.receipts[0]).toMatchObject({
      status: 'refused',
      existing: { entity: 'trueUps', id: 't1' },
    });
    expect(second.receipts[0]?.reason).toMatch(
      /already has a true-up of video for the term from 2026-01-01/,
    );
    const v = first.receipts[0]?.version ?? 0;
    // Applied without a PO: the database refuses it even from an account manager.
    const managersLaptop = randomUUID();
    const noPo = await send(manager, managersLaptop, [
      put('trueUps', { id: 't1' }, v, { state: 'applied' }),
    ]);
    expect(noPo.receipts[0]).toMatchObject({ status: 'refused' });
    expect(noPo.receipts[0]?.reason).toMatch(/only with the PO number/);
    // A CSM may order but not apply.
    const csmApplies = await send(csm, laptopB, [
      put('trueUps', { id: 't1' }, v, { state: 'applied', poNumber: 'PO-7' }),
    ]);
    expect(csmApplies.receipts[0]?.reason).toMatch(
      /csm may not move a true-up from quoted to applied/,
    );
    const applied = await send(manager, managersLaptop, [
      put('trueUps', { id: 't1' }, v, { state: 'applied', poNumber: 'PO-7' }),
    ]);
    expect(applied.receipts[0]?.status).toBe('applied');

    const k1 = await send(manager, managersLaptop, [
      put('contracts', contract('k-a', { number: 'PE-77' })),
    ]);
    expect(k1.receipts[0]?.status).toBe('applied');
    const k2 = await send(manager, randomUUID(), [
      put('contracts', contract('k-b', { number: ' pe-77' })),
    ]);
    expect(k2.receipts[0]?.reason).toMatch(/has a contract numbered/);
  });

  it('re-checks records with the shared rules and shapes', async () => {
    const laptop = randomUUID();
    const result = await send(csm, laptop, [
      put('timeEntries', timeEntry('te-1', { minutes: 40 })),
      put('customers', customer('bad', { country: 'XX' as 'SE' })),
      put('customers', customer('c-ok')),
    ]);
    expect(result.receipts.map((r) => r.status)).toEqual(['refused', 'refused', 'applied']);
    expect(result.receipts[0]?.reason).toMatch(/minutes: notQuarterHours/);
    expect(result.receipts[1]?.reason).toMatch(/country/);
    // A read-only user changes nothing.
    const read = await send(reader, randomUUID(), [put('customers', customer('r-1'))]);
    expect(read.receipts[0]?.reason).toMatch(/read-only may not change customers/);
  });

  it('edit against delete: neither is lost silently', async () => {
    const a = randomUUID();
    const b = randomUUID();
    const created = await send(csm, a, [put('timeEntries', timeEntry('te-del'))]);
    const v = created.receipts[0]?.version ?? 0;
    const edited = await send(csm, a, [put('timeEntries', { id: 'te-del' }, v, { note: 'kept' })]);
    // B deletes what it saw before A's edit: the edit stands, B is told.
    const deleted = await send(csm, b, [
      { seq: 1, entity: 'timeEntries', id: 'te-del', op: 'delete', baseVersion: v, fields: {} },
    ]);
    expect(deleted.receipts[0]?.status).toBe('conflict');
    // Deleted for real, then edited by someone who had not seen the delete: the delete stands.
    const now = edited.receipts[0]?.version ?? 0;
    await send(csm, b, [
      { seq: 2, entity: 'timeEntries', id: 'te-del', op: 'delete', baseVersion: now, fields: {} },
    ]);
    const late = await send(csm, a, [put('timeEntries', { id: 'te-del' }, now, { note: 'late' })]);
    expect(late.receipts[0]).toMatchObject({
      status: 'conflict',
      conflicts: [{ field: '(deleted)' }],
    });
    const page = await pull(pool, 0, 5000);
    expect(page.records.find((r) => r.id === 'te-del')).toMatchObject({
      deleted: true,
      data: null,
    });
  });

  it('pulls in version order, in pages, never skipping a change committed after a later one', async () => {
    const before = (await pull(pool, 0, 5000)).cursor;
    // Transaction A takes its version and waits; B must wait behind A on the counter row.
    const slow = await pool.connect();
    await slow.query('BEGIN');
    await slow.query('UPDATE sync_counter SET version = version + 1 RETURNING version');
    const laptop = randomUUID();
    const later = send(csm, laptop, [put('customers', customer('after-slow'))]);
    await new Promise((r) => setTimeout(r, 300));
    expect((await pull(pool, before)).records).toEqual([]);
    await slow.query('ROLLBACK');
    slow.release();
    await later;
    const pages: string[][] = [];
    let cursor = 0;
    for (;;) {
      const page = await pull(pool, cursor, 3);
      pages.push(page.records.map((r) => r.id));
      const versions = page.records.map((r) => r.version);
      expect(versions).toEqual([...versions].sort((x, y) => x - y));
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(pages.flat()).toContain('after-slow');
    expect(new Set(pages.flat()).size).toBe(pages.flat().length);
  });

  it('refuses a workstation ID used by another user', async () => {
    const laptop = randomUUID();
    await send(csm, laptop, [put('customers', customer('mine'))]);
    await expect(send(manager, laptop, [put('contracts', contract('theirs'))])).rejects.toThrow(
      /registered to another user/,
    );
  });
});

void pg;
