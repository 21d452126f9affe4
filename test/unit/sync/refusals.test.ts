/**
 * The sync server wastes nothing on refusals (issue 26 point 7), over raw HTTP against a real
 * PostgreSQL: a read-only token's pushes store no receipt, a body nested 10⁶ deep is a 400 with one
 * log line, a record's unknown field is refused by name and never stored.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SYNC_PROTOCOL } from '../../../shared/sync/protocol';
import { startTeam, type Team } from '../../support/team';
import { contract, customer, nextSeq } from './fixtures';

let team: Team;

beforeAll(async () => {
  team = await startTeam('refusals');
});

afterAll(async () => {
  await team?.stop();
});

const count = async (table: string) =>
  (await team.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]?.n;

async function post(token: string, body: string) {
  return fetch(`${team.url}/v1/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body,
  });
}

const pushOf = (changes: object[]) =>
  JSON.stringify({ protocol: SYNC_PROTOCOL, clientId: randomUUID(), changes });
const putOf = (entity: string, record: { id: string }) => ({
  seq: nextSeq(),
  entity,
  id: record.id,
  op: 'put',
  baseVersion: 0,
  fields: record,
});

describe('refusals cost nothing', () => {
  it('ten pushes from a read-only token store no receipt and register no workstation', async () => {
    const token = await team.token('Rita', 'read-only');
    const before = [await count('sync_receipts'), await count('sync_clients')];
    for (let i = 0; i < 10; i++) {
      const changes = Array.from({ length: 500 }, (_, j) =>
        putOf('customers', customer(`r${i}-${j}`)),
      );
      const response = await post(token, pushOf(changes));
      expect(response.status).toBe(200);
      const { receipts } = (await response.json()) as { receipts: { status: string }[] };
      expect(receipts.every((r) => r.status === 'refused')).toBe(true);
    }
    expect([await count('sync_receipts'), await count('sync_clients')]).toEqual(before);
  });

  it('a body nested 10⁶ deep: 400 and one log line, no stack trace', async () => {
    const token = await team.token('Deep', 'csm');
    const deep = `${'['.repeat(1e6)}${']'.repeat(1e6)}`;
    const body = pushOf([
      { ...putOf('customers', customer('deep')), fields: { id: 'deep', x: 0 } },
    ]).replace('"x":0', `"x":${deep}`);
    const log = vi.spyOn(process.stderr, 'write');
    try {
      const response = await post(token, body);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toMatch(
        /nests deeper than 64/,
      );
      const lines = log.mock.calls.map((c) => String(c[0]));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^csm sync-server: refused: the push nests deeper than 64 levels\n$/,
      );
    } finally {
      log.mockRestore();
    }
  });

  it('a record’s unknown field is refused by name and not stored', async () => {
    const token = await team.token('Unknown', 'account-manager');
    const records = await count('sync_records');
    const k = { ...contract('k-x'), colour: 'red' };
    const top = await post(token, pushOf([putOf('contracts', k)]));
    expect(top.status).toBe(400);
    expect(((await top.json()) as { message: string }).message).toMatch(
      /changes\[0\] \(contracts k-x\): unknown field colour/,
    );
    const nested = contract('k-y');
    const inCategory = { ...nested, categories: [{ ...nested.categories[0], note: 'x' }] };
    const deep = await post(token, pushOf([putOf('contracts', inCategory)]));
    expect(deep.status).toBe(400);
    expect(((await deep.json()) as { message: string }).message).toMatch(
      /unknown field categories\[0\]\.note/,
    );
    expect(await count('sync_records')).toBe(records);
    const fine = await post(token, pushOf([putOf('contracts', contract('k-z'))]));
    expect(fine.status).toBe(200);
    expect(await count('sync_records')).toBe((records ?? 0) + 1);
  });

  it('a path that names no field of a line is refused by name; one that does is taken', async () => {
    const token = await team.token('Paths', 'account-manager');
    const made = await post(token, pushOf([putOf('contracts', contract('k-p'))]));
    const { receipts } = (await made.json()) as { receipts: { version: number }[] };
    const baseVersion = receipts[0]!.version;
    const edit = (fields: Record<string, unknown>) =>
      pushOf([{ seq: nextSeq(), entity: 'contracts', id: 'k-p', op: 'put', baseVersion, fields }]);
    const wrong = await post(token, edit({ 'categories/video/note': 'x' }));
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { message: string }).message).toMatch(
      /changes\[0\] \(contracts k-p\): unknown field categories\/video\/note/,
    );
    const misnamed = await post(token, edit({ 'categories/voice': contract('k').categories[0] }));
    expect(misnamed.status).toBe(400);
    expect(((await misnamed.json()) as { message: string }).message).toMatch(
      /categories\/voice \(its category is not voice\)/,
    );
    const fine = await post(token, edit({ 'categories/video/unitPriceMinor': 444 }));
    expect(((await fine.json()) as { receipts: { status: string }[] }).receipts).toMatchObject([
      { status: 'applied' },
    ]);
    const stored = await team.pool.query<{ data: { categories: { unitPriceMinor: number }[] } }>(
      "SELECT data FROM sync_records WHERE entity = 'contracts' AND id = 'k-p'",
    );
    expect(stored.rows[0]?.data.categories[0]?.unitPriceMinor).toBe(444);
  });

  it('a client of the protocol before paths is told to update, its outbox kept', async () => {
    const token = await team.token('Old', 'account-manager');
    const body = JSON.stringify({
      protocol: 1,
      clientId: randomUUID(),
      changes: [putOf('contracts', contract('k-old'))],
    });
    expect((await post(token, body)).status).toBe(426);
  });
});
