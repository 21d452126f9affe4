/**
 * Issue 24 point 2 through the whole loop (Dexie outbox, the sync service, PostgreSQL): a contract's
 * stale rule is a field of its own. The server accepts and stores it, a workstation that joins later
 * pulls it, and one person changing the rule while another changes the contract's settings keeps both.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { saveContract } from '../../../renderer/db/contracts';
import { commitImport } from '../../../renderer/db/imports';
import { setOutboxEnabled } from '../../../renderer/db/sync-outbox';
import { addDays, localToday } from '../../../shared/terms/dates';
import { DEFAULT_PARTNER_SETTINGS } from '../../../shared/terms/settings';
import { videoDevice } from '../../support/device';
import { startTeam, type Team } from '../../support/team';
import { parsedInventory } from '../renderer/db/parsed-inventory';
import { contract, customer } from './fixtures';
import { workstation, type Workstation } from './books';

let team: Team;
let admin: Workstation;
let manager: Workstation;
let later: Workstation | undefined;
let csm: Workstation | undefined;

beforeAll(async () => {
  team = await startTeam('stale');
  admin = await workstation(team.url, await team.token('Anna', 'admin'));
  manager = await workstation(team.url, await team.token('Bo', 'account-manager'));
});

afterAll(async () => {
  admin?.close();
  manager?.close();
  later?.close();
  csm?.close();
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

it('an account manager sets the rule without recounting; a CSM’s workstation recounts when it arrives', async () => {
  await admin.db.customers.add(customer('c2', { name: 'Fabrikam', lensAccounts: ['Fabrikam'] }));
  await admin.db.contracts.add(contract('PE-25', { customerId: 'c2', staleDays: null }));
  await admin.sync();
  csm = await workstation(team.url, await team.token('Dan', 'csm'));
  await csm.sync();
  // The CSM imports this month's inventory: one device seen today, one 31 days ago.
  const today = localToday();
  const devices = [
    videoDevice('F-NOW', `${today}T08:00:00Z`, { account: 'Fabrikam' }),
    videoDevice('F-OLD', `${addDays(today, -31)}T08:00:00Z`, { account: 'Fabrikam' }),
  ];
  await commitImport(csm.db, 'Dan', {
    parsed: parsedInventory(devices, today, { name: 'f.csv', contentHash: 'f'.repeat(64) }),
    assignments: [{ account: 'Fabrikam', accountId: '', customerId: 'c2' }],
    newCustomers: [],
    overrides: [],
  });
  const pushed = await csm.sync();
  expect(pushed, JSON.stringify(await csm.db.syncConflicts.toArray())).toMatchObject({
    refused: 0,
  });
  await manager.sync();

  // The account manager may write contracts, not snapshots: the save recounts nothing there.
  setOutboxEnabled(manager.db.name, true, 'account-manager');
  const theirs = (await manager.db.contracts.get('PE-25'))!;
  expect(
    await saveContract(manager.db, 'Bo', { ...theirs, staleDays: 30 }, DEFAULT_PARTNER_SETTINGS),
  ).toEqual([]);
  expect(await manager.sync()).toMatchObject({ conflicts: 0, refused: 0 });

  // The CSM's workstation pulls the rule and recounts this month; the recount reaches the team.
  await csm.sync();
  const id = `c2:${today}`;
  expect((await csm.db.snapshots.get(id))?.summary).toMatchObject({
    staleDays: 30,
    counts: { video: 1 },
    excluded: { stale: 1 },
  });
  expect(await csm.sync()).toMatchObject({ conflicts: 0, refused: 0 });
  await admin.sync();
  expect((await admin.db.snapshots.get(id))?.summary).toMatchObject({
    staleDays: 30,
    excluded: { stale: 1 },
  });
});
