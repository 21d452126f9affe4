/**
 * A whole book through the team book: a workstation uploads the demo book (every kind of record the
 * app makes) into an empty team book; another joins and holds the same records; device lists travel
 * as objects by hash, fetched when first read.
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadDemoPortfolio } from '../../../renderer/db/demo';
import { snapshotDevices } from '../../../renderer/db/device-lists';
import { fetchLater, listFetches, setListFetcher } from '../../../renderer/db/device-lists';
import { latestSnapshot } from '../../../renderer/db/snapshots';
import { clearForJoin, queueWholeBook } from '../../../renderer/db/sync-book';
import { SYNCED, SYNCED_ENTITIES } from '../../../shared/model/synced-entities';
import { smallDemo } from '../../support/small-demo';
import { startTeam, type Team } from '../../support/team';
import { workstation, type Workstation } from './books';

let team: Team;
const open: Workstation[] = [];

beforeAll(async () => {
  team = await startTeam('book');
});

afterAll(async () => {
  setListFetcher(null);
  for (const ws of open) ws.close();
  await team?.stop();
});

it('uploads a whole book into an empty team book; another workstation joins and holds the same', async () => {
  const demo = smallDemo();
  const karin = await workstation(team.url, await team.token('Karin', 'admin'));
  const jonas = await workstation(team.url, await team.token('Jonas', 'admin'));
  open.push(karin, jonas);
  await loadDemoPortfolio(karin.db, 'Karin', demo);
  // Loading is this workstation's own work: a fresh connection queues the book whole.
  await karin.db.table('outbox').clear();
  const queued = await queueWholeBook(karin.db);
  expect(queued).toBeGreaterThan(500);
  const up = await karin.sync();
  expect(up).toMatchObject({ pushed: queued, refused: 0, conflicts: 0 });

  // Jonas had a book of his own: joining replaces it (the app backs it up first).
  await loadDemoPortfolio(jonas.db, 'Jonas', smallDemo());
  await clearForJoin(jonas.db);
  expect(await jonas.db.customers.count()).toBe(0);
  const down = await jonas.sync();
  expect(down.pulled).toBe(queued);
  for (const table of SYNCED_ENTITIES.map((entity) => SYNCED[entity].table)) {
    if (table === 'settings') continue;
    const mine = await karin.db.table(table).toArray();
    const theirs = await jonas.db.table(table).toArray();
    const byKey = (rows: Record<string, unknown>[]) =>
      new Map(rows.map((r) => [String(r['id']), r]));
    expect(byKey(theirs as Record<string, unknown>[]), table).toEqual(
      byKey(mine as Record<string, unknown>[]),
    );
  }
  expect((await jonas.db.settings.get('partner'))?.value).toEqual(
    (await karin.db.settings.get('partner'))?.value,
  );

  // The device lists are not pulled with the records: the first read fetches them.
  const customer = demo.customers[0]!;
  const snapshot = (await latestSnapshot(jonas.db, customer.id))!;
  expect(await jonas.db.deviceLists.count()).toBe(0);
  setListFetcher(async (hash) => {
    const gz = await jonas.remote.getBlob(hash);
    return gz ? gunzipSync(gz).toString('utf8') : null;
  });
  expect(await snapshotDevices(jonas.db, snapshot)).toBeNull();
  let devices = null;
  for (let i = 0; i < 50 && !devices; i++) {
    await new Promise((r) => setTimeout(r, 50));
    devices = await snapshotDevices(jonas.db, snapshot);
  }
  const expected = await snapshotDevices(karin.db, (await latestSnapshot(karin.db, customer.id))!);
  expect(devices).toEqual(expected);
  // What was fetched is never sent back.
  expect(await jonas.book.unsentLists!()).toEqual([]);

  // A list that cannot be fetched says why (the device list shows it), and is not asked for again
  // on every read; asked again, it comes.
  const other = demo.customers[1]!;
  const otherSnapshot = (await latestSnapshot(jonas.db, other.id))!;
  let asked = 0;
  setListFetcher(() => {
    asked++;
    return Promise.reject(new Error('the team server cannot be reached'));
  });
  expect(await snapshotDevices(jonas.db, otherSnapshot)).toBeNull();
  await expect
    .poll(() => listFetches.of(other.id))
    .toEqual({
      hash: otherSnapshot.deviceList,
      state: 'failed',
      reason: 'the team server cannot be reached',
    });
  expect(await snapshotDevices(jonas.db, otherSnapshot)).toBeNull();
  expect(asked).toBe(1);
  setListFetcher(async (hash) => {
    const gz = await jonas.remote.getBlob(hash);
    return gz ? gunzipSync(gz).toString('utf8') : null;
  });
  fetchLater(jonas.db, otherSnapshot.deviceList!, other.id);
  // (A list kept as a diff fetches its base on the next read.)
  const karins = await snapshotDevices(karin.db, (await latestSnapshot(karin.db, other.id))!);
  await expect.poll(() => snapshotDevices(jonas.db, otherSnapshot)).toEqual(karins);
  expect(listFetches.of(other.id)).toBeUndefined();
});
