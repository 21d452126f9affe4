/**
 * Committing a Lens import: for every customer in the file, its current inventory (chunks), one snapshot
 * with the precomputed figures, the import record with its report, and the change records, all in one
 * transaction. A failure half-way leaves everything as it was. The same file again changes nothing.
 */
import { shippedCatalog, type CatalogEntry, type EolRecord } from '../../shared/catalog';
import {
  accountKey,
  displayIdentity,
  summarizeInventory,
  type InventorySummary,
  type ParsedInventory,
} from '../../shared/inventory';
import {
  deviceListRecord,
  type BaseList,
  type HashedList,
} from '../../shared/inventory/device-list';
import type { Device } from '../../shared/model/device';
import { snapshotId, type Customer, type ImportRecord } from '../../shared/model/entities';
import { creation, recordedWrite } from './changes';
import type { WorkstationDatabase } from './database';
import { readInventory } from './inventory';
import { readCatalog } from './catalog';
import { recount, recountReclassified, staleRuleOf } from './recount';
import { latestSnapshot } from './snapshots';
import { lastDayOfMonth, monthOf } from '../../shared/terms/dates';

/** How many rejected rows, duplicates and added/removed serials an import record keeps. */
const REPORT_CAP = 1000;

export interface AccountAssignment {
  account: string;
  accountId: string;
  /** Null: the user chose to skip this account's devices. */
  customerId: string | null;
}

export interface ImportRequest {
  parsed: ParsedInventory;
  /** The complete device list of all the parse's devices, where the reader made it already. */
  deviceList?: HashedList | null;
  assignments: AccountAssignment[];
  /** Customers created for accounts that matched none. */
  newCustomers: Customer[];
  overrides: readonly CatalogEntry[];
  /** The end-of-life register the parse counted with (TERMS.md §12); none: no register. */
  eolRegister?: readonly EolRecord[];
}

export interface ImportOutcome {
  customerId: string;
  /** The same file was already imported for this customer: nothing changed. */
  isUnchanged: boolean;
  record: ImportRecord;
  summary: InventorySummary;
}

function devicesByCustomer(
  parsed: ParsedInventory,
  assignments: readonly AccountAssignment[],
): Map<string, Device[]> {
  const customerOf = new Map(assignments.map((a) => [accountKey(a), a.customerId]));
  const grouped = new Map<string, Device[]>();
  for (const device of parsed.devices) {
    const customerId = customerOf.get(accountKey(device));
    if (customerId === null) continue;
    if (!customerId)
      throw new Error(
        `no customer chosen for Lens account "${device.account || device.accountId}"`,
      );
    const list = grouped.get(customerId) ?? [];
    list.push(device);
    grouped.set(customerId, list);
  }
  return grouped;
}

function difference(a: ReadonlySet<string>, b: ReadonlySet<string>): string[] {
  const result: string[] = [];
  for (const id of a) if (!b.has(id)) result.push(displayIdentity(id));
  return result;
}

export async function commitImport(
  db: WorkstationDatabase,
  user: string,
  request: ImportRequest,
): Promise<ImportOutcome[]> {
  const { parsed } = request;
  const catalog = shippedCatalog(request.overrides, request.eolRegister);
  const grouped = devicesByCustomer(parsed, request.assignments);
  const tables = [db.customers, db.snapshots, db.imports, db.deviceLists, db.contracts];
  return recordedWrite(db, user, tables, async (record) => {
    for (const customer of request.newCustomers) {
      await db.customers.add(customer);
      record(creation('customer', customer));
    }
    const outcomes: ImportOutcome[] = [];
    for (const [customerId, devices] of grouped) {
      const previousImport = await db.imports
        .where('contentHash')
        .equals(parsed.contentHash)
        .filter((i) => i.customerId === customerId)
        .first();
      if (previousImport) {
        const snapshot = await db.snapshots.get(snapshotId(customerId, previousImport.asOf));
        outcomes.push({
          customerId,
          isUnchanged: true,
          record: previousImport,
          summary: snapshot?.summary ?? summarizeInventory(devices, catalog, parsed.asOf),
        });
        continue;
      }
      const customer = await db.customers.get(customerId);
      if (!customer) throw new Error(`customer ${customerId} does not exist`);
      const accounts = request.assignments
        .filter((a) => a.customerId === customerId)
        .map((a) => a.account || a.accountId);
      const missing = accounts.filter((a) => a && !customer.lensAccounts.includes(a));
      if (missing.length > 0) {
        const updated = { ...customer, lensAccounts: [...customer.lensAccounts, ...missing] };
        await db.customers.put(updated);
        record({
          entity: 'customer',
          entityId: customerId,
          action: 'update',
          before: { lensAccounts: customer.lensAccounts },
          after: { lensAccounts: updated.lensAccounts },
        });
      }
      const latest = await latestSnapshot(db, customerId);
      const isHistorical = latest !== undefined && latest.asOf > parsed.asOf;
      const previous = isHistorical ? [] : await readInventory(db, customerId);
      const before = new Set(previous.map((d) => d.id));
      const after = new Set(isHistorical ? [] : devices.map((d) => d.id));
      const added = difference(after, before);
      const removed = difference(before, after);
      // A file that is all one customer's was already counted by the parse, with the same catalog
      // (and no stale rule: the parse knows no contract).
      const staleDays = await staleRuleOf(db, customerId, lastDayOfMonth(monthOf(parsed.asOf)));
      const summary =
        devices.length === parsed.devices.length && staleDays === null
          ? parsed.summary
          : summarizeInventory(devices, catalog, parsed.asOf, staleDays);
      const importId = crypto.randomUUID();
      const importRecord: ImportRecord = {
        id: importId,
        customerId,
        fileName: parsed.file,
        contentHash: parsed.contentHash,
        importedAt: new Date().toISOString(),
        importedBy: user,
        asOf: parsed.asOf,
        rows: parsed.rows,
        devices: devices.length,
        ...(parsed.source ? { source: parsed.source } : {}),
        report: {
          format: parsed.format,
          encoding: parsed.encoding,
          delimiter: parsed.delimiter,
          sheet: parsed.sheet,
          counts: summary.counts,
          excluded: summary.excluded,
          unknownModels: summary.unknownModels,
          rejected: parsed.rejected.slice(0, REPORT_CAP),
          rejectedCount: parsed.rejected.length,
          duplicates: parsed.duplicates.slice(0, REPORT_CAP).map(({ id, rows }) => ({ id, rows })),
          duplicateCount: parsed.duplicates.length,
          added: added.length,
          removed: removed.length,
          addedSample: added.slice(0, REPORT_CAP),
          removedSample: removed.slice(0, REPORT_CAP),
          previousAsOf: latest?.asOf ?? null,
          isHistorical,
        },
      };
      // The device list, as a diff against the current inventory's where that is the base.
      const baseRecord =
        !isHistorical && latest?.deviceList
          ? await db.deviceLists.get(latest.deviceList)
          : undefined;
      const base: BaseList | null = baseRecord
        ? { hash: baseRecord.hash, depth: baseRecord.depth, devices: previous }
        : null;
      const whole = devices.length === parsed.devices.length ? (request.deviceList ?? null) : null;
      const list = deviceListRecord(customerId, devices, base, whole);
      await db.deviceLists.put(list);
      await db.snapshots.put({
        id: snapshotId(customerId, parsed.asOf),
        customerId,
        importId,
        asOf: parsed.asOf,
        month: parsed.asOf.slice(0, 7),
        summary,
        added: added.length,
        removed: removed.length,
        deviceList: list.hash,
      });
      await db.imports.add(importRecord);
      record({
        entity: 'inventory',
        entityId: customerId,
        action: 'import',
        before: { devices: previous.length, asOf: latest?.asOf ?? null },
        after: {
          devices: devices.length,
          asOf: parsed.asOf,
          file: parsed.file,
          added: added.length,
          removed: removed.length,
        },
      });
      outcomes.push({ customerId, isUnchanged: false, record: importRecord, summary });
    }
    return outcomes;
  });
}

const CLASSIFY_TABLES = (db: WorkstationDatabase) => [
  db.catalogOverrides,
  db.eolRegister,
  db.snapshots,
  db.customers,
  db.deviceLists,
];

/** What a classification did, to tell the user and to undo it. */
export interface Classification {
  overrideId: string;
  /** Customers whose figures changed. */
  customers: number;
  /** The snapshots recounted. */
  snapshots: string[];
}

/**
 * Classifies a model the catalog did not know: stores the override, then recounts every snapshot that
 * listed the model as unknown and whose devices are known (its kept list, or the current inventory for
 * the latest). One transaction. Answers what it did (undoClassification takes it back).
 */
export async function classifyModel(
  db: WorkstationDatabase,
  user: string,
  override: CatalogEntry,
): Promise<Classification> {
  return recordedWrite(db, user, CLASSIFY_TABLES(db), async (record) => {
    const id = crypto.randomUUID();
    await db.catalogOverrides.add({ ...override, id });
    record({
      entity: 'catalogOverride',
      entityId: id,
      action: 'create',
      before: null,
      after: override,
    });
    // The snapshots the override makes count otherwise: those that listed the model as unknown.
    const snapshots = await recountReclassified(db, record);
    const recounted = await db.snapshots.bulkGet(snapshots);
    const customers = new Set(recounted.map((snapshot) => snapshot?.customerId));
    return { overrideId: id, customers: customers.size, snapshots };
  });
}

/** Undoes a classification: the override goes and the snapshots it recounted are counted without it. */
export async function undoClassification(
  db: WorkstationDatabase,
  user: string,
  classification: Classification,
): Promise<void> {
  await recordedWrite(db, user, CLASSIFY_TABLES(db), async (record) => {
    const before = await db.catalogOverrides.get(classification.overrideId);
    if (!before) return;
    await db.catalogOverrides.delete(classification.overrideId);
    record({
      entity: 'catalogOverride',
      entityId: before.id,
      action: 'delete',
      before,
      after: null,
    });
    const catalog = await readCatalog(db);
    for (const snapshot of await db.snapshots.bulkGet(classification.snapshots))
      if (snapshot) await recount(db, snapshot, catalog, record);
  });
}

/** What an unattended import (the monthly Lens pull) needs: the customers, the catalog overrides and the register. */
export async function readImportContext(
  db: WorkstationDatabase,
): Promise<{ customers: Customer[]; overrides: CatalogEntry[]; eolRegister: EolRecord[] }> {
  const [customers, overrides, eolRegister] = await Promise.all([
    db.customers.toArray(),
    db.catalogOverrides.toArray(),
    db.eolRegister.toArray(),
  ]);
  return { customers, overrides, eolRegister };
}
