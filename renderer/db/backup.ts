/**
 * Backup to a file and restore from one (dexie-export-import). A restore replaces everything, so the
 * caller asks first; a backup from another app or a newer schema is refused before anything is touched.
 */
import { exportDB, importInto, peakImportFile } from 'dexie-export-import';
import { ReadOnlyDatabaseError, isDatabaseReadOnly } from './changes';
import { DATABASE_NAME, type WorkstationDatabase } from './database';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';

export class InvalidBackupError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidBackupError';
  }
}

export async function createBackup(
  db: WorkstationDatabase,
  onProgress?: (done: number, total: number) => void,
): Promise<Blob> {
  return exportDB(db, {
    numRowsPerChunk: 200,
    progressCallback: ({ completedRows, totalRows }) => {
      onProgress?.(completedRows, totalRows ?? completedRows);
      return true;
    },
  });
}

export function backupFileName(now: Date): string {
  return `csm-workstation-backup-${now.toISOString().slice(0, 16).replace(/[:T]/g, '-')}.json`;
}

/** Checks a backup file before anything is replaced. */
export async function inspectBackup(
  file: Blob,
  databaseName = DATABASE_NAME,
): Promise<{ tables: number; rows: number; version: number }> {
  let meta;
  try {
    meta = await peakImportFile(file);
  } catch {
    throw new InvalidBackupError('This file is not a CSM Workstation backup.');
  }
  if (meta.formatName !== 'dexie' || meta.data.databaseName !== databaseName) {
    throw new InvalidBackupError('This file is not a CSM Workstation backup.');
  }
  const version = meta.data.databaseVersion;
  if (version > LATEST_SCHEMA_VERSION) {
    throw new InvalidBackupError(
      `This backup comes from a newer version of CSM Workstation (schema ${version}); update the app first.`,
    );
  }
  return {
    tables: meta.data.tables.length,
    version,
    rows: meta.data.tables.reduce((sum, t) => sum + t.rowCount, 0),
  };
}

/** Replaces every table with the backup's contents, in one go; the restore itself is logged. */
export async function restoreBackup(
  db: WorkstationDatabase,
  user: string,
  file: Blob,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  if (isDatabaseReadOnly()) throw new ReadOnlyDatabaseError();
  const summary = await inspectBackup(file, db.name);
  await importInto(db, file, {
    clearTablesBeforeImport: true,
    acceptVersionDiff: true,
    progressCallback: ({ completedRows, totalRows }) => {
      onProgress?.(completedRows, totalRows ?? completedRows);
      return true;
    },
  });
  // A backup from an older schema brings older rows: move them forward as an upgrade would.
  for (const migration of MIGRATIONS) {
    const upgrade = migration.upgrade;
    if (migration.version > summary.version && upgrade)
      await db.transaction('rw', db.tables, (tx) => upgrade(tx));
  }
  await db.changes.add({
    at: new Date().toISOString(),
    user,
    entity: 'database',
    entityId: DATABASE_NAME,
    action: 'restore',
    before: null,
    after: summary,
  });
}
