/**
 * The main-side services both hosts offer: the Electron IPC handlers and the browser host's HTTP routes
 * call these same functions, so the desktop and the browser can never compute differently.
 */
import {
  MAX_FILE_BYTES,
  MAX_INVENTORY_BYTES,
  MAX_REGISTER_BYTES,
  type AppApi,
  type AppInfo,
  type CapabilityInput,
  type ProgressEvent,
} from '../../shared/api';
import { UnusableFileError } from './inventory/errors';
import type { ParseOptions } from './inventory/parse';
import { forgetDeviceList, holdDeviceList, takeDeviceList } from './inventory/parsed-store';
import { cancelTask, runInWorker, type WorkerJob } from './inventory/run-worker';
import { LensError } from './lens/connector';
import { probeTenant } from './lens/tenant-pull';
import { listTenants } from './lens/tenants';
import type { LensConnections } from './lens/connections';
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { answerOf, type TeamSync } from './team-sync/connection';
import type { SyncAnswer } from '../../shared/team-sync';
import { parseRegisterFile } from './register';
import { parseEolRegisterFile } from './eol-register';
import { keepSafetyBackup, listSafetyBackups, readSafetyBackup } from './safety-backup';
import { buildExport } from './export-file';
import { localToday } from '../../shared/terms/dates';

export interface ServiceContext {
  host: AppInfo['host'];
  version: string;
  /** Where the database lives, as AppInfo tells it. */
  dataLocation: string;
  /** Where main keeps files of its own (safety backups, secrets). */
  dataDir: string;
  /** Reports progress of long work to the window that asked. */
  progress: (event: ProgressEvent) => void;
  /** The bundled inventory worker script. */
  inventoryWorker: string;
  /** The Lens API connections, secrets sealed (main side only). */
  lens: LensConnections;
  /** The team-sync connection, its token sealed (main side only). */
  teamSync: TeamSync;
}

/** Capabilities that need no dialog or window: the same in both hosts. */
export type ServiceCapability =
  | 'getAppInfo'
  | 'keepSafetyBackup'
  | 'listSafetyBackups'
  | 'readSafetyBackup'
  | 'parseInventory'
  | 'inventoryDevices'
  | 'saveWorkbook'
  | 'parseRegister'
  | 'parseEolRegister'
  | 'cancelTask'
  | 'listLensConnections'
  | 'saveLensConnection'
  | 'removeLensConnection'
  | 'listLensTenants'
  | 'pullLens'
  | 'getTeamSync'
  | 'refreshTeamSync'
  | 'connectTeamSync'
  | 'disconnectTeamSync'
  | 'syncPush'
  | 'syncPull'
  | 'syncPutList'
  | 'syncGetList'
  | 'listTeamUsers'
  | 'addTeamUser'
  | 'setTeamUserRole'
  | 'revokeTeamUser';

/**
 * What each service answers: the AppApi's answer, but for saveWorkbook, which builds the workbook's
 * bytes: where they are saved is the host's (desktop: main/app/dialogs writes them where the user
 * chose; browser host: the browser downloads the answer).
 */
type ServiceAnswer<C extends ServiceCapability> = C extends 'saveWorkbook'
  ? Promise<Uint8Array>
  : ReturnType<AppApi[C]>;

export type Services = {
  [C in ServiceCapability]: (
    input: CapabilityInput<C>,
    context: ServiceContext,
  ) => ServiceAnswer<C>;
};

export const services: Services = {
  getAppInfo: (_input, context) =>
    Promise.resolve({
      name: 'CSM Workstation',
      version: context.version,
      host: context.host,
      platform: process.platform,
      dataLocation: context.dataLocation,
    }),
  keepSafetyBackup: async ({ bytes, reason }, context) => ({
    path: await keepSafetyBackup(context.dataDir, bytes, reason),
  }),
  listSafetyBackups: (_input, context) => listSafetyBackups(context.dataDir),
  readSafetyBackup: ({ name }, context) => readSafetyBackup(context.dataDir, name),
  parseInventory: async ({ taskId, bytes, fileName, ...options }, context) =>
    (
      await readHeld(context, taskId, {
        kind: 'file',
        bytes,
        options: { fileName, ...readOptions(options) },
      })
    ).parsed,
  inventoryDevices: ({ taskId }) => Promise.resolve(takeDeviceList(taskId)),
  saveWorkbook: ({ suggestedName, workbook }) => buildExport(suggestedName, workbook),
  parseRegister: ({ bytes, fileName, defaultCurrency }) =>
    parseRegisterFile(bytes, fileName, defaultCurrency),
  parseEolRegister: ({ bytes, fileName }) => parseEolRegisterFile(bytes, fileName),
  cancelTask: ({ taskId }) => Promise.resolve(cancelTask(taskId) || forgetDeviceList(taskId)),
  listLensConnections: async (_input, { lens }) => ({
    connections: await lens.list(),
    protection: lens.protection,
  }),
  saveLensConnection: (input, { lens }) =>
    lens
      .save(input, async (access, tenantId) => {
        const { tenant, devices } = await probeTenant(access, tenantId);
        return { name: tenant.name, devices };
      })
      .catch(asAnswer),
  removeLensConnection: ({ id }, { lens }) => lens.remove(id),
  listLensTenants: async (input, { lens }) =>
    listTenants(await lens.credentials(input)).catch(asAnswer),
  pullLens: async ({ taskId, connectionId, tenantId, ...options }, context) => {
    const access = await context.lens.access(connectionId).catch(asAnswer);
    const { parsed, pulled } = await readHeld(context, taskId, {
      kind: 'lens',
      access,
      tenantId,
      options: readOptions(options),
    }).catch(asAnswer);
    // A pull's job always answers what it pulled.
    const { source, devices } = pulled!;
    await context.lens.noteTenant(connectionId, { id: tenantId, name: source.tenant, devices });
    return { ...parsed, source };
  },
  getTeamSync: (_input, { teamSync }) => teamSync.connection(),
  refreshTeamSync: (_input, { teamSync }) => teamSync.refresh(),
  connectTeamSync: ({ server, token }, { teamSync }) => teamSync.connect(server, token),
  disconnectTeamSync: (_input, { teamSync }) => teamSync.disconnect(),
  syncPush: (input, { teamSync }) => withRemote(teamSync, (remote) => remote.push(input)),
  syncPull: ({ after }, { teamSync }) => withRemote(teamSync, (remote) => remote.pull(after)),
  syncPutList: ({ hash, bytes }, { teamSync }) =>
    withRemote(teamSync, async (remote) => {
      await remote.putBlob(hash, gzipSync(bytes));
      return true;
    }),
  syncGetList: ({ hash }, { teamSync }) =>
    withRemote(teamSync, async (remote) => {
      const gzipped = await remote.getBlob(hash);
      if (!gzipped) return null;
      const json = gunzipSync(gzipped, { maxOutputLength: 512 * 2 ** 20 });
      if (createHash('sha256').update(json).digest('hex') !== hash)
        throw new Error('the team server sent a device list that does not match its hash');
      return new Uint8Array(json);
    }),
  listTeamUsers: (_input, { teamSync }) => withRemote(teamSync, (remote) => remote.users()),
  addTeamUser: (input, { teamSync }) => withRemote(teamSync, (remote) => remote.addUser(input)),
  setTeamUserRole: (input, { teamSync }) => withRemote(teamSync, (remote) => remote.setRole(input)),
  revokeTeamUser: (input, { teamSync }) =>
    withRemote(teamSync, (remote) => remote.revokeUser(input)),
};

/** A call to the team server with the stored token, answered as a SyncAnswer. */
async function withRemote<T>(
  teamSync: TeamSync,
  call: (remote: NonNullable<Awaited<ReturnType<TeamSync['remote']>>>) => Promise<T>,
): Promise<SyncAnswer<T>> {
  const remote = await teamSync.remote();
  if (!remote) return { ok: false, kind: 'notConnected', message: 'not connected to a team book' };
  try {
    return { ok: true, value: await call(remote) };
  } catch (error) {
    return answerOf(error);
  }
}

/** A Lens failure is an answer to show (like a refused file), not a fault of the app. */
function asAnswer(error: unknown): never {
  if (error instanceof LensError) throw new UnusableFileError(error.message);
  throw error;
}

/** Reads inventory bytes in the worker and holds its device list for inventoryDevices. */
/** An import's options as the worker takes them: the dates and mapping the user did not give left out. */
function readOptions({
  asOf,
  mapping,
  ...options
}: Pick<ParseOptions, 'locale' | 'overrides' | 'eolRegister'> & {
  asOf: string | null;
  mapping: ParseOptions['mapping'] | null;
}): Omit<ParseOptions, 'onProgress' | 'fileName'> {
  return {
    ...options,
    asOf: asOf ?? undefined,
    mapping: mapping ?? undefined,
    today: localToday(),
  };
}

/** Runs the job in a worker, holds its device list for the window, answers the parse. */
async function readHeld(context: ServiceContext, taskId: string, job: WorkerJob) {
  const { parsed, list, pulled } = await runInWorker(
    context.inventoryWorker,
    taskId,
    job,
    (label, done, total) => context.progress({ taskId, label, done, total }),
  );
  holdDeviceList(taskId, list.bytes);
  return {
    parsed: { ...parsed, deviceList: { hash: list.hash, bytes: list.bytes.byteLength } },
    pulled,
  };
}

/** JSON requests are small: a workbook's table is the largest (a 100,000-row export is ~15 MB). */
const JSON_BYTES = 2 ** 20;
const LIMITS: Partial<Record<ServiceCapability, number>> = {
  parseInventory: MAX_INVENTORY_BYTES + JSON_BYTES,
  parseRegister: MAX_REGISTER_BYTES + JSON_BYTES,
  parseEolRegister: MAX_REGISTER_BYTES + JSON_BYTES,
  keepSafetyBackup: MAX_FILE_BYTES + JSON_BYTES,
  saveWorkbook: 256 * 2 ** 20,
  syncPush: 32 * 2 ** 20,
  syncPutList: MAX_INVENTORY_BYTES + JSON_BYTES,
};

/**
 * The most bytes of request bodies the browser host holds at once: one request of the largest kind,
 * or several smaller ones up to as much; a body that would pass it is refused as busy.
 */
export const HOST_BODY_BUDGET = Math.max(JSON_BYTES, ...Object.values(LIMITS));

/** The most bytes a request for `capability` may carry; the browser host refuses more before reading. */
export function requestLimit(capability: ServiceCapability): number {
  return LIMITS[capability] ?? JSON_BYTES;
}
