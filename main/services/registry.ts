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
import { devicePage, forgetDevices, holdDevices } from './inventory/parsed-store';
import { cancelTask, parseInWorker } from './inventory/run-worker';
import { parseRegisterFile } from './register';
import { keepSafetyBackup } from './safety-backup';
import { buildWorkbook } from './workbook';
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
}

/** Capabilities that need no dialog or window: the same in both hosts. */
export type ServiceCapability =
  | 'getAppInfo'
  | 'keepSafetyBackup'
  | 'parseInventory'
  | 'inventoryDevices'
  | 'buildWorkbook'
  | 'parseRegister'
  | 'cancelTask';

export type Services = {
  [C in ServiceCapability]: (
    input: CapabilityInput<C>,
    context: ServiceContext,
  ) => ReturnType<AppApi[C]>;
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
  keepSafetyBackup: async ({ bytes }, context) => ({
    path: await keepSafetyBackup(context.dataDir, bytes),
  }),
  parseInventory: async (
    { taskId, bytes, fileName, asOf, mapping, locale, overrides },
    context,
  ) => {
    const parsed = await parseInWorker(
      context.inventoryWorker,
      taskId,
      bytes,
      {
        fileName,
        asOf: asOf ?? undefined,
        mapping: mapping ?? undefined,
        locale,
        overrides,
        today: localToday(),
      },
      (done, total) => context.progress({ taskId, label: 'parseInventory', done, total }),
    );
    return { ...parsed, devices: [], devicePages: holdDevices(taskId, parsed.devices) };
  },
  inventoryDevices: ({ taskId, page }) => Promise.resolve(devicePage(taskId, page)),
  buildWorkbook: (spec) => buildWorkbook(spec),
  parseRegister: ({ bytes, fileName, defaultCurrency }) =>
    parseRegisterFile(bytes, fileName, defaultCurrency),
  cancelTask: ({ taskId }) => Promise.resolve(cancelTask(taskId) || forgetDevices(taskId)),
};

/** JSON requests are small: a workbook's table is the largest (a 100,000-row export is ~15 MB). */
const JSON_BYTES = 2 ** 20;
const LIMITS: Partial<Record<ServiceCapability, number>> = {
  parseInventory: MAX_INVENTORY_BYTES + JSON_BYTES,
  parseRegister: MAX_REGISTER_BYTES + JSON_BYTES,
  keepSafetyBackup: MAX_FILE_BYTES + JSON_BYTES,
  buildWorkbook: 256 * 2 ** 20,
};

/** The most bytes a request for `capability` may carry; the browser host refuses more before reading. */
export function requestLimit(capability: ServiceCapability): number {
  return LIMITS[capability] ?? JSON_BYTES;
}
