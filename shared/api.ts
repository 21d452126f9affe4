/**
 * The AppApi contract: every capability the renderer may ask of the main side, with a zod schema for its
 * input. main/ipc validates every call against these schemas; the preload and renderer/platform/browser
 * implement the same interface. Adding a capability starts here.
 */
import { z } from 'zod';
import { catalogEntrySchema } from './catalog/schema';
import { eolRecordSchema } from './model/schemas';
import { DEVICE_FIELDS } from './model/device';
import type { ParsedInventory } from './inventory/parsed';
import type { ParsedRegister } from './contracts/register';
import type { ParsedEolFile } from './eol-register-file';
import { isCalendarDate } from './terms/dates';
import { isSafeFileName } from './files';
import { MAX_FILE_BYTES, MAX_INVENTORY_BYTES, MAX_REGISTER_BYTES } from './limits';
import { CURRENCY_CODES, type CurrencyCode } from './terms/money';
import { workbookSchema } from './workbook-spec';
import {
  lensConnectionInputSchema,
  lensCredentialsSchema,
  type ImportSource,
  type LensConnection,
  type ListedLensTenant,
} from './lens';
import { pushRequestSchema, type PullResponse, type PushResponse } from './sync/protocol';
import { teamSyncInputSchema, type SyncAnswer, type TeamSyncConnection } from './team-sync';
import {
  addUserRequestSchema,
  revokeUserRequestSchema,
  setRoleRequestSchema,
  type AddedUser,
  type TeamUser,
} from './sync/users';

/**
 * A file name as suggested to a save dialog or written into a folder: what shared/files.ts would make
 * of user text (no folders, no control or bidi characters, no ":" streams, no reserved Windows names).
 */
const fileName = z
  .string()
  .min(1)
  .max(255)
  .refine(
    isSafeFileName,
    'a safe file name, without folders, control characters or reserved names',
  );

/** The name of a file the user picked, shown in messages: no folders, no control characters. */
const pickedFileName = z
  .string()
  .min(1)
  .max(255)
  .refine(
    (name) => !/[/\\\u0000-\u001f\u007f-\u009f]/.test(name),
    'a file name, without folders or control characters',
  );

const fileFilter = z.object({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^[a-z0-9]{1,10}$/))
    .min(1)
    .max(10),
});

export { MAX_FILE_BYTES, MAX_INVENTORY_BYTES, MAX_REGISTER_BYTES };

const bytesUpTo = (limit: number) =>
  z
    .instanceof(Uint8Array)
    .refine((b) => b.byteLength <= limit, `larger than ${limit / 2 ** 20} MB`);

const taskId = z.string().regex(/^[\w-]{1,64}$/);
const listHash = z.string().regex(/^[0-9a-f]{64}$/);
const headerMapping = z.partialRecord(z.enum(DEVICE_FIELDS), z.number().int().min(0).max(16_383));

/** Why a safety copy was kept: before a restore replaced the data, or before joining a team book. */
export const SAFETY_REASONS = ['restore', 'join'] as const;
export type SafetyReason = (typeof SAFETY_REASONS)[number];

/** A safety copy's file name: its reason and when it was kept (UTC), as keepSafetyBackup names it. */
export const SAFETY_BACKUP_NAME =
  /^before-(restore|joining)-(\d{4}-\d{2}-\d{2})-(\d{2})-(\d{2})-(\d{2})-(\d{1,3})\.json$/;

export const API = {
  /** Name, version, platform and where the data lives. */
  getAppInfo: { input: z.object({}).strict() },
  /** Asks the user where to save, then writes the bytes there atomically; null when cancelled. */
  saveFile: {
    input: z
      .object({
        suggestedName: fileName,
        bytes: bytesUpTo(MAX_FILE_BYTES),
        filters: z.array(fileFilter).max(10),
      })
      .strict(),
  },
  /**
   * Builds a workbook (typed cells, the partner's brand) and saves it where the user picks, atomically:
   * one trip, the bytes never travel to the renderer and back. A .pdf name saves its PDF. null when
   * cancelled.
   */
  saveWorkbook: {
    input: z
      .object({
        suggestedName: fileName,
        workbook: workbookSchema,
        /** Also its PDF beside it, under the same name (an existing PDF is kept: the next name). */
        withPdf: z.boolean().optional(),
      })
      .strict(),
  },
  /**
   * Builds workbooks and writes them into a folder the user picks, atomically, asking before replacing
   * any.
   */
  saveWorkbooks: {
    input: z
      .object({
        title: z.string().max(200),
        files: z
          .array(z.object({ name: fileName, workbook: workbookSchema }).strict())
          .min(1)
          .max(1000)
          .refine(
            (files) => new Set(files.map((f) => f.name.toLowerCase())).size === files.length,
            'file names must differ',
          ),
      })
      .strict(),
  },
  /** Asks the user for a file and returns its name and bytes; null when cancelled. */
  openFile: { input: z.object({ filters: z.array(fileFilter).max(10) }).strict() },
  /**
   * Keeps the current data (a backup's bytes) next to the app's own data before a restore or joining
   * a team book replaces it, and answers where it was written.
   */
  keepSafetyBackup: {
    input: z
      .object({ bytes: bytesUpTo(MAX_FILE_BYTES), reason: z.enum(SAFETY_REASONS).optional() })
      .strict(),
  },
  /** The safety copies kept, newest first (Settings → Data lists them). */
  listSafetyBackups: { input: z.object({}).strict() },
  /** One safety copy's bytes, by its name as listed, to restore it. */
  readSafetyBackup: { input: z.object({ name: z.string().regex(SAFETY_BACKUP_NAME) }).strict() },
  /** Reads a Lens inventory file (CSV or XLSX) in a worker: devices, counts and everything wrong with it. */
  parseInventory: {
    input: z
      .object({
        taskId,
        fileName: pickedFileName,
        bytes: bytesUpTo(MAX_INVENTORY_BYTES),
        asOf: z.string().refine(isCalendarDate, 'a date YYYY-MM-DD').nullable(),
        mapping: headerMapping.nullable(),
        locale: z.string().max(35),
        overrides: z.array(catalogEntrySchema).max(10_000),
        eolRegister: z.array(eolRecordSchema).max(10_000).optional(),
      })
      .strict(),
  },
  /**
   * The devices a parse found, once: their complete device list as JSON bytes (columnar, a third of
   * the size of the devices as objects, and parsed without a stall).
   */
  inventoryDevices: { input: z.object({ taskId }).strict() },
  /** Reads a contract register (CSV or XLSX): its contracts, and every problem by row and column. */
  parseRegister: {
    input: z
      .object({
        fileName: pickedFileName,
        bytes: bytesUpTo(MAX_REGISTER_BYTES),
        defaultCurrency: z.enum(CURRENCY_CODES as [CurrencyCode, ...CurrencyCode[]]),
      })
      .strict(),
  },
  /** Reads an end-of-life register (CSV or XLSX): its lines, and every problem by row and column. */
  parseEolRegister: {
    input: z.object({ fileName: pickedFileName, bytes: bytesUpTo(MAX_REGISTER_BYTES) }).strict(),
  },
  /** The Lens API connections main keeps: labels, client IDs and tenants, never a secret. */
  listLensConnections: { input: z.object({}).strict() },
  /** Adds or changes a Lens API connection after reaching each of its tenants with it. */
  saveLensConnection: { input: lensConnectionInputSchema },
  removeLensConnection: { input: z.object({ id: z.string().uuid() }).strict() },
  /** The tenants a credential reaches (Settings maps them to customers in one step). */
  listLensTenants: { input: lensCredentialsSchema },
  /**
   * Pulls one tenant's devices from the Lens API and reads them as parseInventory reads a file: the
   * same answer, with where the devices came from.
   */
  pullLens: {
    input: z
      .object({
        taskId,
        connectionId: z.string().uuid(),
        tenantId: z.string().min(1).max(200),
        asOf: z.string().refine(isCalendarDate, 'a date YYYY-MM-DD').nullable(),
        mapping: headerMapping.nullable(),
        locale: z.string().max(35),
        overrides: z.array(catalogEntrySchema).max(10_000),
        eolRegister: z.array(eolRecordSchema).max(10_000).optional(),
      })
      .strict(),
  },
  /** Stops a long task (an inventory parse) and forgets its results; false when it had already ended. */
  cancelTask: { input: z.object({ taskId }).strict() },
  /** The team-sync connection main keeps: server, user and role, never the token; null when none. */
  getTeamSync: { input: z.object({}).strict() },
  /** Asks the team server who this token is now (an admin may have changed its role). */
  refreshTeamSync: { input: z.object({}).strict() },
  /** Connects to a team book after the server accepted the token; main keeps the token. */
  connectTeamSync: { input: teamSyncInputSchema },
  disconnectTeamSync: { input: z.object({}).strict() },
  /** Pushes a batch of the outbox with the stored token (checked again by the server). */
  syncPush: { input: pushRequestSchema },
  /** Records changed in the team book after a version. */
  syncPull: { input: z.object({ after: z.number().int().nonnegative() }).strict() },
  /** Stores a device list (its JSON; main compresses it) in the team book under its hash. */
  syncPutList: {
    input: z.object({ hash: listHash, bytes: bytesUpTo(MAX_INVENTORY_BYTES) }).strict(),
  },
  /** A device list from the team book, its hash checked: its JSON bytes, or null when there is none. */
  syncGetList: { input: z.object({ hash: listHash }).strict() },
  /** The team's users (an admin's, with the stored token; the server refuses any other role). */
  listTeamUsers: { input: z.object({}).strict() },
  /** Adds a user; answers its new token this once, for the admin to hand over (never stored). */
  addTeamUser: { input: addUserRequestSchema },
  /** Gives a user another role (the server keeps the last admin). */
  setTeamUserRole: { input: setRoleRequestSchema },
  /** Ends a user's access at once (the server keeps the last admin). */
  revokeTeamUser: { input: revokeUserRequestSchema },
} as const;

export type Capability = keyof typeof API;
export type CapabilityInput<C extends Capability> = z.infer<(typeof API)[C]['input']>;

export interface AppInfo {
  name: string;
  version: string;
  /** 'desktop' in Electron, 'browser' through the browser host. */
  host: 'desktop' | 'browser';
  platform: string;
  /**
   * Where the local database lives: the app's data folder (desktop), or the origin whose browser
   * storage holds it (browser host).
   */
  dataLocation: string;
}

/** An inventory read in main: the parse without devices, and the device list to fetch them from. */
export type ParsedUpload = ParsedInventory & { deviceList: { hash: string; bytes: number } };

/** A Lens pull, read as a file is. */
export type ParsedPull = ParsedUpload & { source: ImportSource };

export interface LensConnections {
  connections: LensConnection[];
  /** How main keeps the secrets: the operating system's store, or the browser host's own file. */
  protection: 'os' | 'file';
}

export interface SafetyBackup {
  name: string;
  reason: SafetyReason;
  /** When it was kept (ISO, UTC). */
  at: string;
  bytes: number;
}

export interface SavedFile {
  /** The path (desktop) or file name (browser download) written. */
  path: string;
  /** The PDF written beside it, when asked for. */
  pdfPath?: string;
}

export interface SavedFiles {
  /** The folder (desktop) or '' (browser downloads). */
  folder: string;
  files: string[];
}

export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
}

/** Progress of long work (imports, exports, backups). total is null while unknown. */
export interface ProgressEvent {
  taskId: string;
  label: string;
  done: number;
  total: number | null;
}

/** Commands of the application menu, forwarded to the window. */
export const MENU_COMMANDS = [
  'importInventory',
  'export',
  'backup',
  'restore',
  'settings',
  'commandPalette',
  'help',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export type Unsubscribe = () => void;

/** What the renderer can ask of the main side: one function per capability, nothing generic. */
export interface AppApi {
  getAppInfo(): Promise<AppInfo>;
  saveFile(request: CapabilityInput<'saveFile'>): Promise<SavedFile | null>;
  saveWorkbook(request: CapabilityInput<'saveWorkbook'>): Promise<SavedFile | null>;
  saveWorkbooks(request: CapabilityInput<'saveWorkbooks'>): Promise<SavedFiles | null>;
  openFile(request: CapabilityInput<'openFile'>): Promise<OpenedFile | null>;
  keepSafetyBackup(request: CapabilityInput<'keepSafetyBackup'>): Promise<SavedFile>;
  listSafetyBackups(): Promise<SafetyBackup[]>;
  readSafetyBackup(request: CapabilityInput<'readSafetyBackup'>): Promise<Uint8Array>;
  /** The parse, with `devices` empty: fetch them with inventoryDevices, as the list `deviceList` names. */
  parseInventory(request: CapabilityInput<'parseInventory'>): Promise<ParsedUpload>;
  inventoryDevices(request: CapabilityInput<'inventoryDevices'>): Promise<Uint8Array>;
  parseRegister(
    request: CapabilityInput<'parseRegister'>,
  ): Promise<ParsedRegister & { file: string; format: 'csv' | 'xlsx' }>;
  parseEolRegister(request: CapabilityInput<'parseEolRegister'>): Promise<ParsedEolFile>;
  cancelTask(request: CapabilityInput<'cancelTask'>): Promise<boolean>;
  listLensConnections(): Promise<LensConnections>;
  saveLensConnection(request: CapabilityInput<'saveLensConnection'>): Promise<LensConnection>;
  removeLensConnection(request: CapabilityInput<'removeLensConnection'>): Promise<boolean>;
  listLensTenants(request: CapabilityInput<'listLensTenants'>): Promise<ListedLensTenant[]>;
  pullLens(request: CapabilityInput<'pullLens'>): Promise<ParsedPull>;
  getTeamSync(): Promise<TeamSyncConnection | null>;
  refreshTeamSync(): Promise<SyncAnswer<TeamSyncConnection>>;
  connectTeamSync(
    request: CapabilityInput<'connectTeamSync'>,
  ): Promise<SyncAnswer<{ connection: TeamSyncConnection; bookVersion: number }>>;
  disconnectTeamSync(): Promise<boolean>;
  syncPush(request: CapabilityInput<'syncPush'>): Promise<SyncAnswer<PushResponse>>;
  syncPull(request: CapabilityInput<'syncPull'>): Promise<SyncAnswer<PullResponse>>;
  syncPutList(request: CapabilityInput<'syncPutList'>): Promise<SyncAnswer<boolean>>;
  syncGetList(request: CapabilityInput<'syncGetList'>): Promise<SyncAnswer<Uint8Array | null>>;
  listTeamUsers(): Promise<SyncAnswer<TeamUser[]>>;
  addTeamUser(request: CapabilityInput<'addTeamUser'>): Promise<SyncAnswer<AddedUser>>;
  setTeamUserRole(request: CapabilityInput<'setTeamUserRole'>): Promise<SyncAnswer<TeamUser>>;
  revokeTeamUser(request: CapabilityInput<'revokeTeamUser'>): Promise<SyncAnswer<TeamUser>>;
  onProgress(listener: (event: ProgressEvent) => void): Unsubscribe;
  onMenuCommand(listener: (command: MenuCommand) => void): Unsubscribe;
}

export { channelOf, MENU_CHANNEL, PROGRESS_CHANNEL } from './ipc-channels';
