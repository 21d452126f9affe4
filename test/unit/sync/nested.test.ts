/**
 * Issue 21 point 1 through the whole loop (Dexie outbox, the sync service, PostgreSQL): a contract's
 * categories change line by line. The admin changes the headsets price of PE-1006 offline while the
 * account manager changes its video price: both are kept, no decision. The same price changed by
 * both is a decision, and "use mine" writes that price alone: the other's line stays.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { decide, syncDecisions } from '../../../renderer/db/sync-book';
import type { Contract, ContractCategory } from '../../../shared/model/entities';
import { startTeam, type Team } from '../../support/team';
import { contract } from './fixtures';
import { workstation, type Workstation } from './books';

let team: Team;
let admin: Workstation;
let manager: Workstation;

beforeAll(async () => {
  team = await startTeam('nested');
  admin = await workstation(team.url, await team.token('Anna', 'admin'));
  manager = await workstation(team.url, await team.token('Bo', 'account-manager'));
});

afterAll(async () => {
  admin?.close();
  manager?.close();
  await team?.stop();
});

const line = (category: ContractCategory['category'], unitPriceMinor: number) => ({
  category,
  installedAtStart: 90,
  agreedGrowth: 10,
  unitPriceMinor,
});

/** Sets fields of one category line, as the contract form saves the whole contract. */
async function setLine(
  ws: Workstation,
  id: string,
  category: string,
  patch: Partial<ContractCategory>,
): Promise<void> {
  const current = (await ws.db.contracts.get(id))!;
  await ws.db.contracts.put({
    ...current,
    categories: current.categories.map((l) => (l.category === category ? { ...l, ...patch } : l)),
  });
}

const pricesOf = async (ws: Workstation, id: string) =>
  Object.fromEntries(
    ((await ws.db.contracts.get(id)) as Contract).categories.map((l) => [
      l.category,
      l.unitPriceMinor,
    ]),
  );

async function newContract(id: string): Promise<void> {
  await admin.db.contracts.add(
    contract(id, { number: id, categories: [line('video', 470), line('headsets', 120)] }),
  );
  await admin.sync();
  await manager.sync();
}

it('two people change different categories of one contract: both kept, no decision', async () => {
  await newContract('PE-1006');
  await setLine(manager, 'PE-1006', 'video', { unitPriceMinor: 444 });
  // The outbox carries the one price that changed, not the list.
  expect((await manager.db.outbox.toArray()).map((c) => c.fields)).toEqual([
    { 'categories/video/unitPriceMinor': 444 },
  ]);
  expect(await manager.sync()).toMatchObject({ conflicts: 0, refused: 0 });
  // The admin, offline meanwhile, changes headsets and another field of the video line.
  await setLine(admin, 'PE-1006', 'headsets', { unitPriceMinor: 99 });
  await setLine(admin, 'PE-1006', 'video', { installedAtStart: 95 });
  expect(await admin.sync()).toMatchObject({ conflicts: 0, refused: 0 });
  await manager.sync();
  for (const ws of [admin, manager]) {
    expect(await pricesOf(ws, 'PE-1006')).toEqual({ video: 444, headsets: 99 });
    expect((await ws.db.contracts.get('PE-1006'))?.categories[0]?.installedAtStart).toBe(95);
    expect(await syncDecisions(ws.db)).toEqual([]);
  }
});

it('the same price changed by both is a decision; "use mine" keeps the other line', async () => {
  await newContract('PE-1007');
  await setLine(manager, 'PE-1007', 'video', { unitPriceMinor: 444 });
  await setLine(manager, 'PE-1007', 'headsets', { unitPriceMinor: 130 });
  await manager.sync();
  await setLine(admin, 'PE-1007', 'video', { unitPriceMinor: 480 });
  expect(await admin.sync()).toMatchObject({ conflicts: 1 });
  const [decision] = await syncDecisions(admin.db);
  expect(decision?.conflicts).toMatchObject([
    { field: 'categories/video/unitPriceMinor', theirs: 444, yours: 480, by: 'Bo' },
  ]);
  // Until the decision the team's values stand here too, the manager's headsets price with them.
  expect(await pricesOf(admin, 'PE-1007')).toEqual({ video: 444, headsets: 130 });
  await decide(admin.db, decision!, 'mine');
  expect((await admin.db.outbox.toArray()).map((c) => c.fields)).toEqual([
    { 'categories/video/unitPriceMinor': 480 },
  ]);
  expect(await admin.sync()).toMatchObject({ conflicts: 0, refused: 0 });
  await manager.sync();
  for (const ws of [admin, manager])
    expect(await pricesOf(ws, 'PE-1007')).toEqual({ video: 480, headsets: 130 });
});

it('a price changed in a category someone removed: "use mine" puts the line back', async () => {
  await newContract('PE-1008');
  const current = (await manager.db.contracts.get('PE-1008'))!;
  await manager.db.contracts.put({
    ...current,
    categories: current.categories.filter((l) => l.category !== 'headsets'),
  });
  expect((await manager.db.outbox.toArray()).map((c) => c.fields)).toEqual([
    { 'categories/headsets': null },
  ]);
  await manager.sync();
  await setLine(admin, 'PE-1008', 'headsets', { unitPriceMinor: 99 });
  await setLine(admin, 'PE-1008', 'video', { unitPriceMinor: 500 });
  expect(await admin.sync()).toMatchObject({ conflicts: 1 });
  expect(await pricesOf(admin, 'PE-1008')).toEqual({ video: 500 });
  const [decision] = await syncDecisions(admin.db);
  expect(decision?.conflicts).toMatchObject([
    { field: 'categories/headsets', yours: line('headsets', 99), by: 'Bo' },
  ]);
  await decide(admin.db, decision!, 'mine');
  await admin.sync();
  await manager.sync();
  for (const ws of [admin, manager])
    expect(await pricesOf(ws, 'PE-1008')).toEqual({ video: 500, headsets: 99 });
});

it('a later edit of a price in conflict waits too, though an earlier edit of the record applied', async () => {
  await newContract('PE-1009');
  await setLine(manager, 'PE-1009', 'headsets', { unitPriceMinor: 130 });
  await manager.sync();
  // Offline, the admin saves twice: video and headsets, then headsets again.
  await setLine(admin, 'PE-1009', 'video', { unitPriceMinor: 500 });
  await setLine(admin, 'PE-1009', 'headsets', { unitPriceMinor: 140 });
  await setLine(admin, 'PE-1009', 'headsets', { unitPriceMinor: 150 });
  expect(await admin.sync()).toMatchObject({ conflicts: 2 });
  // The video price applied with the first save; it does not make the manager's headsets price
  // known to the second.
  await manager.sync();
  for (const ws of [admin, manager])
    expect(await pricesOf(ws, 'PE-1009')).toEqual({ video: 500, headsets: 130 });
  const decisions = await syncDecisions(admin.db);
  expect(decisions.flatMap((d) => d.conflicts.map((c) => [c.field, c.yours]))).toEqual([
    ['categories/headsets/unitPriceMinor', 150],
    ['categories/headsets/unitPriceMinor', 140],
  ]);
});
