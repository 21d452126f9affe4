/**
 * Recounting kept snapshots: when a model is classified (imports.ts), when the end-of-life register
 * changes (eol-register.ts) and when a contract's stale rule changes (TERMS.md §12). A month's figures use the rule in force at the month's end (§10), so a
 * snapshot is recounted when the rule in force at the end of its month is not the one it was counted
 * with. Callers run these inside their own transaction.
 */
import type { Catalog } from '../../shared/catalog';
import { staleRuleAt } from '../../shared/contracts/as-of';
import { isReclassified, summarizeInventory } from '../../shared/inventory';
import type { InventorySnapshot } from '../../shared/model/entities';
import { lastDayOfMonth, type CalendarDate } from '../../shared/terms/dates';
import { readCatalog } from './catalog';
import { recordedWrite, type ChangeInput } from './changes';
import type { WorkstationDatabase } from './database';
import { snapshotDevices } from './device-lists';
import { mayWrite } from './sync-outbox';

/**
 * A snapshot's figures recounted with `catalog` and the stale rule `staleDays` (by default the one it
 * was counted with), recorded; false when its devices are not kept.
 */
export async function recount(
  db: WorkstationDatabase,
  snapshot: InventorySnapshot,
  catalog: Catalog,
  record: (change: ChangeInput) => void,
  staleDays: number | null = snapshot.summary.staleDays ?? null,
): Promise<boolean> {
  const devices = await snapshotDevices(db, snapshot);
  if (!devices) return false;
  const summary = summarizeInventory(devices, catalog, snapshot.asOf, staleDays);
  await db.snapshots.put({ ...snapshot, summary });
  record({
    entity: 'snapshot',
    entityId: snapshot.id,
    action: 'update',
    before: snapshot.summary.counts,
    after: summary.counts,
  });
  return true;
}

/** A customer's contracts and their change records: what the rule in force on a day is read from. */
async function contractsWithHistory(db: WorkstationDatabase, customerId: string) {
  const contracts = await db.contracts.where('customerId').equals(customerId).toArray();
  const changes = await db.changes
    .where('[entity+entityId]')
    .anyOf(contracts.map((c) => ['contract', c.id]))
    .toArray();
  return { contracts, changes };
}

/** The stale rule in force for a customer at the end of `day`; null: every device counts. */
export async function staleRuleOf(
  db: WorkstationDatabase,
  customerId: string,
  day: CalendarDate,
): Promise<number | null> {
  const { contracts, changes } = await contractsWithHistory(db, customerId);
  return staleRuleAt(contracts, changes, day);
}

/** The tables recountStaleRule reads and writes. */
export const RECOUNT_TABLES = (db: WorkstationDatabase) => [
  db.contracts,
  db.snapshots,
  db.deviceLists,
  db.catalogOverrides,
  db.eolRegister,
];

/**
 * Recounts every snapshot of the customer whose month's rule in force is not the one it was counted
 * with; answers the snapshots recounted. Snapshots whose devices are not kept stay as they were. A
 * team role that may not write snapshots (an account manager) recounts nothing: the team's CSMs do
 * when the contract reaches them (sync-book.ts).
 */
export async function recountStaleRule(
  db: WorkstationDatabase,
  customerId: string,
  record: (change: ChangeInput) => void,
): Promise<string[]> {
  if (!mayWrite(db.name, 'snapshots')) return [];
  const { contracts, changes } = await contractsWithHistory(db, customerId);
  const snapshots = await db.snapshots.where('customerId').equals(customerId).toArray();
  const catalog = await readCatalog(db);
  const recounted: string[] = [];
  for (const snapshot of snapshots) {
    const rule = staleRuleAt(contracts, changes, lastDayOfMonth(snapshot.month));
    if ((snapshot.summary.staleDays ?? null) === rule) continue;
    if (await recount(db, snapshot, catalog, record, rule)) recounted.push(snapshot.id);
  }
  return recounted;
}

/**
 * Recounts every snapshot one of whose models the catalog now classes otherwise (the end-of-life
 * register changed); answers the snapshots recounted. Like recountStaleRule, nothing for a role
 * that may not write snapshots.
 */
export async function recountReclassified(
  db: WorkstationDatabase,
  record: (change: ChangeInput) => void,
): Promise<string[]> {
  if (!mayWrite(db.name, 'snapshots')) return [];
  const catalog = await readCatalog(db);
  const recounted: string[] = [];
  for (const snapshot of await db.snapshots.toArray()) {
    if (!isReclassified(snapshot.summary, catalog, snapshot.asOf)) continue;
    if (await recount(db, snapshot, catalog, record)) recounted.push(snapshot.id);
  }
  return recounted;
}

/** recountStaleRule in its own recorded write, by `user` (after a pull brought a contract's change). */
export async function recountStaleRuleAs(
  db: WorkstationDatabase,
  user: string,
  customerId: string,
): Promise<string[]> {
  if (!customerId) return [];
  return recordedWrite(db, user, RECOUNT_TABLES(db), (record) =>
    recountStaleRule(db, customerId, record),
  );
}

/** recountReclassified in its own recorded write, by `user` (after a pull brought a register line). */
export function recountReclassifiedAs(db: WorkstationDatabase, user: string): Promise<string[]> {
  return recordedWrite(db, user, RECOUNT_TABLES(db), (record) => recountReclassified(db, record));
}
