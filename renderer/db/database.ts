/**
 * The local database (Dexie over IndexedDB). One instance for the app. Schema versions come from
 * migrations/; a database written by a newer app version is opened read-only, and an open error never
 * wipes anything: the user sees the error and the data stays where it is.
 */
import Dexie, { type EntityTable } from 'dexie';
import type {
  CatalogOverride,
  ChangeRecord,
  Contract,
  Customer,
  EcpsIncident,
  ImportRecord,
  InventorySnapshot,
  ReportRecord,
  Rma,
  SettingRecord,
  Site,
  SupportCase,
  TimeEntry,
  TrueUp,
} from '../../shared/model/entities';
import type { DeviceListRecord } from '../../shared/inventory/device-list';
import type { EolRecord } from '../../shared/catalog';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';
import { outboxMiddleware } from './sync-outbox';
import type { SyncDecision, SyncStateRow, SyncVersionRow } from './sync-rows';
import type { Change } from '../../shared/sync/protocol';
import { messageOf } from '../../shared/errors';

export const DATABASE_NAME = 'csm-workstation';

export interface MetaRecord {
  key: string;
  value: unknown;
}

export class WorkstationDatabase extends Dexie {
  customers!: EntityTable<Customer, 'id'>;
  sites!: EntityTable<Site, 'id'>;
  contracts!: EntityTable<Contract, 'id'>;
  snapshots!: EntityTable<InventorySnapshot, 'id'>;
  deviceLists!: EntityTable<DeviceListRecord, 'hash'>;
  imports!: EntityTable<ImportRecord, 'id'>;
  trueUps!: EntityTable<TrueUp, 'id'>;
  rmas!: EntityTable<Rma, 'id'>;
  timeEntries!: EntityTable<TimeEntry, 'id'>;
  cases!: EntityTable<SupportCase, 'id'>;
  ecpsIncidents!: EntityTable<EcpsIncident, 'id'>;
  reports!: EntityTable<ReportRecord, 'id'>;
  catalogOverrides!: EntityTable<CatalogOverride, 'id'>;
  eolRegister!: EntityTable<EolRecord, 'id'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  changes!: EntityTable<ChangeRecord, 'id'>;
  meta!: EntityTable<MetaRecord, 'key'>;
  // Team sync's own state (migration 0005): never in a backup.
  outbox!: EntityTable<Change, 'seq'>;
  syncVersions!: EntityTable<SyncVersionRow, 'key'>;
  syncConflicts!: EntityTable<SyncDecision, 'id'>;
  syncState!: EntityTable<SyncStateRow, 'key'>;

  constructor(name = DATABASE_NAME, migrations: readonly Migration[] = MIGRATIONS) {
    super(name, { chromeTransactionDurability: 'strict' });
    for (const migration of migrations) {
      const version = this.version(migration.version).stores(migration.stores);
      if (migration.upgrade) version.upgrade(migration.upgrade);
    }
    this.use(outboxMiddleware);
  }
}

export type OpenState =
  | { status: 'ready'; isReadOnly: false }
  | { status: 'ready'; isReadOnly: true; reason: 'newerVersion'; writtenBy: number }
  | { status: 'failed'; message: string };

/** Records which schema wrote the database, so an older app can tell it is looking at newer data. */
export async function openDatabase(db: WorkstationDatabase): Promise<OpenState> {
  try {
    await db.open();
  } catch (error) {
    if (error instanceof Dexie.VersionError)
      return { status: 'ready', isReadOnly: true, reason: 'newerVersion', writtenBy: -1 };
    return { status: 'failed', message: messageOf(error) };
  }
  const stored = (await db.meta.get('schemaVersion'))?.value;
  const writtenBy = typeof stored === 'number' ? stored : 0;
  if (writtenBy > LATEST_SCHEMA_VERSION || db.verno > LATEST_SCHEMA_VERSION) {
    return {
      status: 'ready',
      isReadOnly: true,
      reason: 'newerVersion',
      writtenBy: Math.max(writtenBy, db.verno),
    };
  }
  if (writtenBy < LATEST_SCHEMA_VERSION)
    await db.meta.put({ key: 'schemaVersion', value: LATEST_SCHEMA_VERSION });
  return { status: 'ready', isReadOnly: false };
}
