/**
 * Issue 24 point 2 through the whole loop (Dexie outbox, the sync service, PostgreSQL): a contract's
 * stale rule is a field of its own. The server accepts and stores it, a workstation that joins later
 * pulls it, and one person changing the rule while another changes the contract's settings keeps both.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTeam, type Team } from '../../support/team';
import { contract } from './fixtures';
import { workstation, type Workstation } from './books';

let team: Team;
let admin: Workstation;
let manager: Workstation;
let later: Workstation | undefined;

beforeAll(async () => {
  team = await startTeam('stale');
  admin = await workstation(team.url, await team.token('Anna', 'admin'));
  manager = await workstation(team.url, await team.token('Bo', 'account-manager'));
});

afterAll(async () => {
  admin?.close();
  manager?.close();
  later?.close();
  await team?.stop();
});

const ruleOf = async (ws: Workstation, id: string) => (await ws.db.contracts.get(id))?.staleDays;

it('stores the rule in the team book, merges it by its own path and gives it to a workstation that joins later', async () => {
  await admin.db.contracts.add(contract('PE-24', { staleDays: 30 }));
  expect(await admin.sync()).toMatchObject({ conflicts: 0, refused: 0 });
  await manager.sync();
  expect(await ruleOf(manager, 'PE-24')).toBe(30);

  // The manager sets 60 days while the admin, offline, changes the baseline %.
  const theirs = (await manager.db.contracts.get('PE-24'))!;
  await manager.db.contracts.put({ ...theirs, staleDays: 60 });
  expect((await manager.db.outbox.toArray()).map((c) => c.fields)).toEqual([{ staleDays: 60 }]);
  expect(await manager.sync()).toMatchObject({ conflicts: 0, refused: 0 });
  const mine = (await admin.db.contracts.get('PE-24'))!;
  await admin.db.contracts.put({ ...mine, settings: { ...mine.settings, baselinePct: 7 } });
  expect(await admin.sync()).toMatchObject({ conflicts: 0, refused: 0 });
  await manager.sync();
  for (const ws of [admin, manager]) {
    const stored = (await ws.db.contracts.get('PE-24'))!;
    expect([stored.staleDays, stored.settings.baselinePct]).toEqual([60, 7]);
  }

  // No rule again: null is stored and pulled as null, not dropped.
  await admin.db.contracts.put({ ...(await admin.db.contracts.get('PE-24'))!, staleDays: null });
  expect(await admin.sync()).toMatchObject({ conflicts: 0, refused: 0 });
  later = await workstation(team.url, await team.token('Cecilia', 'csm'));
  await later.sync();
  expect(await ruleOf(later, 'PE-24')).toBeNull();
  await manager.sync();
  expect(await ruleOf(manager, 'PE-24')).toBeNull();
});

it('refuses a rule that is not a whole number of days from 1', async () => {
  const current = (await admin.db.contracts.get('PE-24'))!;
  await admin.db.contracts.put({ ...current, staleDays: 0 });
  expect(await admin.sync()).toMatchObject({ refused: 1 });
});
