/**
 * The end-of-life register through the whole loop (Dexie outbox, the sync service, PostgreSQL): a
 * line one CSM adds reaches another workstation and recounts its snapshots there, a delete syncs, a
 * second line for a model the team book has is refused by the database whoever sends it, and an
 * account manager may not write the register.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { commitImport } from '../../../renderer/db/imports';
import { deleteEolLine, saveEolLine } from '../../../renderer/db/eol-register';
import { setOutboxEnabled } from '../../../renderer/db/sync-outbox';
import type { EolRecord } from '../../../shared/catalog';
import { SYNC_PROTOCOL } from '../../../shared/sync/protocol';
import { videoDevice } from '../../support/device';
import { startTeam, type Team } from '../../support/team';
import { parsedInventory } from '../renderer/db/parsed-inventory';
import { customer, nextSeq } from './fixtures';
import { workstation, type Workstation } from './books';

let team: Team;
let anna: Workstation;
let dan: Workstation;
let bo: Workstation;

beforeAll(async () => {
  team = await startTeam('eol');
  anna = await workstation(team.url, await team.token('Anna', 'csm'));
  dan = await workstation(team.url, await team.token('Dan', 'csm'));
  bo = await workstation(team.url, await team.token('Bo', 'account-manager'));
});

afterAll(async () => {
  for (const ws of [anna, dan, bo]) ws?.close();
  await team?.stop();
});

const line = (id: string, model: string, endOfLife: string): EolRecord => ({
  id,
  model,
  endOfLife,
  notice: 'https://www.poly.com/eol/x50',
  source: 'Anna',
});

const stored = async () =>
  (
    await team.pool.query<{ id: string; deleted: boolean; model: string }>(
      "SELECT id, deleted, data ->> 'model' AS model FROM sync_records WHERE entity = 'eolRegister' ORDER BY id",
    )
  ).rows;

it('gives a line to another workstation, which recounts its snapshots with it', async () => {
  await dan.db.customers.add(customer('c1', { name: 'Contoso AB', lensAccounts: ['Contoso AB'] }));
  const devices = ['X1', 'X2'].map((s) => videoDevice(s, '2026-03-30T08:00:00Z'));
  await commitImport(dan.db, 'Dan', {
    parsed: parsedInventory(devices, '2026-03-31', { name: 'm.csv', contentHash: 'e'.repeat(64) }),
    assignments: [{ account: 'Contoso AB', accountId: '', customerId: 'c1' }],
    newCustomers: [],
    overrides: [],
  });
  expect(await dan.sync()).toMatchObject({ conflicts: 0, refused: 0 });

  await saveEolLine(anna.db, 'Anna', line('l1', 'Poly Studio X50', '2026-03-15'));
  expect(await anna.sync()).toMatchObject({ conflicts: 0, refused: 0 });
  expect(await stored()).toEqual([{ id: 'l1', deleted: false, model: 'Poly Studio X50' }]);

  await dan.sync();
  expect(await dan.db.eolRegister.get('l1')).toMatchObject({ endOfLife: '2026-03-15' });
  expect((await dan.db.snapshots.get('c1:2026-03-31'))?.summary).toMatchObject({
    counts: { video: 0 },
    excluded: { eol: 2 },
  });
});

it('over raw HTTP, refuses an account manager’s delete and a second line for a model, storing nothing', async () => {
  const row = async () =>
    (
      await team.pool.query(
        "SELECT data, version, deleted FROM sync_records WHERE entity = 'eolRegister' AND id = 'l1'",
      )
    ).rows[0] as { data: unknown; version: string; deleted: boolean };
  const before = await row();
  const post = async (token: string, change: object) => {
    const response = await fetch(`${team.url}/v1/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ protocol: SYNC_PROTOCOL, clientId: randomUUID(), changes: [change] }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { receipts: { status: string }[] }).receipts;
  };
  const base = { seq: nextSeq(), entity: 'eolRegister', baseVersion: Number(before.version) };
  const manager = await team.token('Maja', 'account-manager');
  expect(await post(manager, { ...base, id: 'l1', op: 'delete', fields: {} })).toMatchObject([
    { status: 'refused' },
  ]);
  const csm = await team.token('Raw', 'csm');
  const twin = line('l9', 'POLY STUDIO X50', '2029-01-31');
  expect(
    await post(csm, { ...base, seq: nextSeq(), id: 'l9', op: 'put', baseVersion: 0, fields: twin }),
  ).toMatchObject([{ status: 'refused' }]);
  expect(await row()).toEqual(before);
  expect((await stored()).map((r) => r.id)).toEqual(['l1']);
});

it('refuses a second line for a model the team book has, sent by a workstation that had not pulled it', async () => {
  // Bo's book is a CSM's that has not pulled yet: its own check finds no line for the model.
  const late = await workstation(team.url, await team.token('Cecilia', 'csm'));
  try {
    await saveEolLine(late.db, 'Cecilia', line('l2', ' poly studio  X50', '2027-01-31'));
    const result = await late.sync();
    expect(result).toMatchObject({ refused: 1 });
    const [decision] = await late.db.syncConflicts.toArray();
    expect(JSON.stringify(decision)).toMatch(/has a line for Poly Studio X50 already/);
    expect((await stored()).map((r) => r.id)).toEqual(['l1']);
  } finally {
    late.close();
  }
});

it('refuses the register to an account manager', async () => {
  setOutboxEnabled(bo.db.name, true, 'account-manager');
  await bo.db.eolRegister.add(line('l3', 'Trio 8800', '2027-06-30'));
  expect(await bo.sync()).toMatchObject({ refused: 1 });
  expect((await stored()).map((r) => r.id)).toEqual(['l1']);
});

it('syncs a delete, after which the model may have a line again', async () => {
  await deleteEolLine(anna.db, 'Anna', 'l1');
  expect(await anna.sync()).toMatchObject({ conflicts: 0, refused: 0 });
  await dan.sync();
  expect(await dan.db.eolRegister.count()).toBe(0);
  expect((await dan.db.snapshots.get('c1:2026-03-31'))?.summary.counts.video).toBe(2);
  await saveEolLine(dan.db, 'Dan', line('l4', 'Poly Studio X50', '2028-01-31'));
  expect(await dan.sync()).toMatchObject({ conflicts: 0, refused: 0 });
  expect((await stored()).filter((r) => !r.deleted).map((r) => r.id)).toEqual(['l4']);
});
