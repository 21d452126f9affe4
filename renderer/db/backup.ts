/**
 * Backup to a file and restore from one, all or nothing. The file is plain JSON in the layout
 * dexie-export-import wrote (so backups made by earlier versions still restore), rows as they are
 * stored: no encoded types.
 *
 * A restore first reads and checks the whole file: that it is complete JSON, this app's database, a
 * schema this version knows, only known tables, every row the shape its table needs (an older
 * backup's rows are first brought forward by the migrations' row functions) and every key unique.
 * Only then is the current data copied to a safety backup (the caller says where it went), and
 * everything replaced in one transaction: a failure at any point leaves the data exactly as it was.
 */
import type { ZodType } from 'zod';
import { syncStateTables } from './sync-book';
import { markQuiet } from './sync-outbox';
import { SYNC_STATE_TABLES } from '../../shared/model/synced-entities';
import { RETIRED_TABLES, TABLE_SCHEMAS, type TableName } from '../../shared/model/schemas';
import { ReadOnlyDatabaseError, isDatabaseReadOnly } from './changes';
import { DATABASE_NAME, type WorkstationDatabase } from './database';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import { issueMessage, messageOf } from '../../shared/errors';

export class InvalidBackupError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidBackupError';
  }
}

/** The book's tables: every one but team sync's local state, which no backup holds. */
function bookTables(db: WorkstationDatabase) {
  return db.tables.filter(
    (table) => !(SYNC_STATE_TABLES as readonly string[]).includes(table.name),
  );
}

/** Every table, in one read transaction so the copy is consistent, as the backup file's bytes. */
export async function createBackup(
  db: WorkstationDatabase,
  onProgress?: (done: number, total: number) => void,
): Promise<Blob> {
  const tables = bookTables(db);
  const contents = await db.transaction('r', tables, () =>
    Promise.all(tables.map((table) => table.toArray())),
  );
  const total = contents.reduce((sum, rows) => sum + rows.length, 0);
  const header = {
    formatName: 'dexie',
    formatVersion: 1,
    data: {
      databaseName: db.name,
      databaseVersion: db.verno,
      tables: tables.map((table, i) => ({
        name: table.name,
        schema: [table.schema.primKey, ...table.schema.indexes].map((index) => index.src).join(','),
        rowCount: contents[i]?.length ?? 0,
      })),
      data: [] as unknown[],
    },
  };
  // One string per row, not one for the whole book: a large inventory never needs one huge string.
  const [opening, closing] = JSON.stringify(header).split('"data":[]');
  const parts: string[] = [`${opening ?? ''}"data":[`];
  let done = 0;
  tables.forEach((table, i) => {
    parts.push(
      `${i > 0 ? ',' : ''}{"tableName":${JSON.stringify(table.name)},"inbound":true,"rows":[`,
    );
    (contents[i] ?? []).forEach((row, r) =>
      parts.push(`${r > 0 ? ',' : ''}${JSON.stringify(row)}`),
    );
    parts.push(']}');
    done += contents[i]?.length ?? 0;
    onProgress?.(done, total);
  });
  parts.push(`]${closing ?? ''}`);
  return new Blob(parts, { type: 'application/json' });
}

export function backupFileName(now: Date): string {
  return `csm-workstation-backup-${now.toISOString().slice(0, 16).replace(/[:T]/g, '-')}.json`;
}

/** A backup that passed every check: its rows per table, already in the current schema's shape. */
export interface CheckedBackup {
  /** The schema version that wrote it. */
  version: number;
  tables: Map<string, unknown[]>;
  /** Its rows of tables this schema dropped: for the migrations that bring them forward. */
  retired: Map<string, unknown[]>;
  rows: number;
}

const NOT_A_BACKUP = 'This file is not a CSM Workstation backup.';

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = messageOf(error);
    const position = Number(/position (\d+)/.exec(message)?.[1] ?? text.length);
    if (!/^\s*[{[]/.test(text)) throw new InvalidBackupError(NOT_A_BACKUP);
    if (position >= text.trimEnd().length - 1 || /end of (JSON|data)|Unterminated/i.test(message))
      throw new InvalidBackupError(
        `This backup is cut off: it ends after ${text.length.toLocaleString('en')} characters, before the backup does. Use a complete copy of the file.`,
      );
    throw new InvalidBackupError(
      `This backup is damaged at character ${position.toLocaleString('en')} (${message}). Use another copy of the file.`,
    );
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

interface RawTable {
  tableName: string;
  rows: unknown[];
}

/** A table an older schema had, in a backup that older schema wrote. */
const isRetired = (name: string, version: number): name is keyof typeof RETIRED_TABLES =>
  Object.hasOwn(RETIRED_TABLES, name) &&
  version < RETIRED_TABLES[name as keyof typeof RETIRED_TABLES].droppedIn;

/** The header checks: this app's database, a known schema, known tables, row counts that add up. */
function backupTables(
  json: unknown,
  databaseName: string,
): { version: number; tables: RawTable[] } {
  if (!isObject(json) || json['formatName'] !== 'dexie' || !isObject(json['data']))
    throw new InvalidBackupError(NOT_A_BACKUP);
  const data = json['data'];
  if (data['databaseName'] !== databaseName) throw new InvalidBackupError(NOT_A_BACKUP);
  const version = data['databaseVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw new InvalidBackupError('This backup does not say which schema wrote it.');
  if (version > LATEST_SCHEMA_VERSION)
    throw new InvalidBackupError(
      `This backup comes from a newer version of CSM Workstation (schema ${version}); update the app first.`,
    );
  const header = Array.isArray(data['tables']) ? data['tables'] : [];
  const tables = Array.isArray(data['data']) ? data['data'] : null;
  if (!tables) throw new InvalidBackupError('This backup holds no tables.');
  const seen = new Set<string>();
  const checked = tables.map((table): RawTable => {
    if (!isObject(table) || typeof table['tableName'] !== 'string' || !Array.isArray(table['rows']))
      throw new InvalidBackupError('This backup has a table without a name or rows.');
    const name = table['tableName'];
    if (!Object.hasOwn(TABLE_SCHEMAS, name) && !isRetired(name, version))
      throw new InvalidBackupError(
        `This backup has a table "${name}" that CSM Workstation does not know.`,
      );
    if (seen.has(name)) throw new InvalidBackupError(`This backup has the table "${name}" twice.`);
    seen.add(name);
    const declared = header.find((h: unknown) => isObject(h) && h['name'] === name) as
      { rowCount?: unknown } | undefined;
    if (declared && declared.rowCount !== table['rows'].length)
      throw new InvalidBackupError(
        `This backup is incomplete: "${name}" should have ${String(declared.rowCount)} rows but has ${table['rows'].length}.`,
      );
    return { tableName: name, rows: table['rows'] };
  });
  return { version, tables: checked };
}

/**
 * Backups written by dexie-export-import mark some values with `$types`: markers that change nothing
 * for plain data ("arrayNonindexKeys") are dropped, a property marked undefined is removed; any other
 * encoded type is not something this app stores.
 */
function withoutTypeMarkers(table: string, row: unknown, index: number): unknown {
  if (!isObject(row) || !Object.hasOwn(row, '$types')) return row;
  const { $types: types, ...plain } = row;
  for (const [path, type] of Object.entries(isObject(types) ? types : {})) {
    if (type === 'arrayNonindexKeys') continue;
    if (type === 'undef' && !path.includes('.')) {
      delete plain[path];
      continue;
    }
    throw new InvalidBackupError(
      `This backup has a damaged row: "${table}" row ${index + 1}, ${path}: a value of type ${String(type)}, which CSM Workstation does not store.`,
    );
  }
  return plain;
}

/** A table's rows brought forward from `version` by every later migration's row functions. */
function upgradeRows(table: string, rows: unknown[], version: number): unknown[] {
  let upgraded = rows.map((row, index) => withoutTypeMarkers(table, row, index));
  for (const migration of MIGRATIONS) {
    const upgrade = migration.rows?.[table] as ((row: unknown) => unknown) | undefined;
    if (migration.version > version && upgrade) upgraded = upgraded.map(upgrade);
  }
  return upgraded;
}

const describeKey = (key: unknown) => JSON.stringify(key);

/** Every row the shape its table needs. */
function checkShapes(table: string, schema: ZodType, rows: unknown[]): void {
  rows.forEach((row, index) => {
    const result = schema.safeParse(row);
    if (!result.success) {
      throw new InvalidBackupError(
        `This backup has a damaged row: "${table}" row ${index + 1}, ${issueMessage(result.error, 'the row', 'not the expected shape')}.`,
      );
    }
  });
}

/** Every row the shape its table needs, and every key unique. */
function checkRows(db: WorkstationDatabase, table: TableName, rows: unknown[]): void {
  checkShapes(table, TABLE_SCHEMAS[table], rows);
  const { keyPath, auto } = db.table(table).schema.primKey;
  const paths = typeof keyPath === 'string' ? [keyPath] : (keyPath ?? []);
  const keys = new Map<string, number>();
  rows.forEach((row, index) => {
    const key = paths.map((path) => (row as Record<string, unknown>)[path]);
    if (key.some((part) => part === undefined)) {
      if (auto) return;
      throw new InvalidBackupError(
        `This backup has a "${table}" row without its key (row ${index + 1}).`,
      );
    }
    const text = describeKey(key.length === 1 ? key[0] : key);
    const first = keys.get(text);
    if (first !== undefined)
      throw new InvalidBackupError(
        `This backup has the key ${text} twice in "${table}" (rows ${first + 1} and ${index + 1}).`,
      );
    keys.set(text, index);
  });
}

/** Reads and checks a whole backup; nothing is touched. */
export async function readBackup(
  file: Blob,
  db: WorkstationDatabase,
  onProgress?: (done: number, total: number) => void,
): Promise<CheckedBackup> {
  const { version, tables } = backupTables(parseJson(await file.text()), db.name);
  const checked = new Map<string, unknown[]>();
  const retired = new Map<string, unknown[]>();
  let rows = 0;
  tables.forEach((table, i) => {
    const name = table.tableName;
    const upgraded = upgradeRows(name, table.rows, version);
    if (isRetired(name, version)) {
      checkShapes(name, RETIRED_TABLES[name].schema, upgraded);
      retired.set(name, upgraded);
    } else {
      checkRows(db, name as TableName, upgraded);
      checked.set(name, upgraded);
    }
    rows += upgraded.length;
    onProgress?.(i + 1, tables.length * 2);
  });
  return { version, tables: checked, retired, rows };
}

export interface RestoreResult {
  rows: number;
  /** Where the data from before the restore was kept. */
  safetyCopy: string;
}

/**
 * Replaces everything with a checked backup: first the current data goes to a safety copy (through
 * `keepCopy`, which answers where it went), then every table is replaced in one transaction.
 */
export async function restoreBackup(
  db: WorkstationDatabase,
  user: string,
  backup: CheckedBackup,
  keepCopy: (current: Blob) => Promise<string>,
  onProgress?: (done: number, total: number) => void,
): Promise<RestoreResult> {
  if (isDatabaseReadOnly()) throw new ReadOnlyDatabaseError();
  const safetyCopy = await keepCopy(await createBackup(db));
  const tables = bookTables(db);
  const syncState = syncStateTables(db);
  await db.transaction('rw', [...tables, ...syncState], async (tx) => {
    // A restored book is this workstation's own: nothing of it goes to a team book, and the next
    // sync starts over (the team's records are pulled again).
    markQuiet(tx.idbtrans);
    for (const table of syncState) await table.clear();
    for (const [i, table] of tables.entries()) {
      await table.clear();
      const rows = backup.tables.get(table.name) ?? [];
      if (rows.length > 0) await table.bulkAdd(rows);
      onProgress?.(tables.length + i + 1, tables.length * 2);
    }
    // Migrations that work across tables bring an older backup forward here, in the same transaction.
    for (const migration of MIGRATIONS)
      if (migration.version > backup.version && migration.upgrade && !migration.rows)
        await migration.upgrade(tx, backup.retired);
    await db.meta.put({ key: 'schemaVersion', value: LATEST_SCHEMA_VERSION });
    await db.changes.add({
      at: new Date().toISOString(),
      user,
      entity: 'database',
      entityId: DATABASE_NAME,
      action: 'restore',
      before: null,
      after: { rows: backup.rows, version: backup.version, safetyCopy },
    });
  });
  return { rows: backup.rows, safetyCopy };
}
