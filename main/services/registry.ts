/**
 * The main-side services both hosts offer: the Electron IPC handlers and the browser host's HTTP routes
 * call these same functions, so the desktop and the browser can never compute differently.
 */
import type { AppApi, AppInfo, CapabilityInput, ProgressEvent } from '../../shared/api';
import { openExternalSafe } from '../app/external-links';
import { devicePage, forgetDevices, holdDevices } from './inventory/parsed-store';
import { cancelTask, parseInWorker } from './inventory/run-worker';
import { parseRegisterFile } from './register';
import { buildWorkbook } from './workbook';
import { localToday } from '../../shared/terms/dates';

export interface ServiceContext {
  host: AppInfo['host'];
  version: string;
  dataLocation: string;
  /** Reports progress of long work to the window that asked. */
  progress: (event: ProgressEvent) => void;
  /** Hands a vetted https URL to the OS browser. */
  openUrl: (url: string) => Promise<void>;
  /** The bundled inventory worker script. */
  inventoryWorker: string;
}

/** Capabilities that need no dialog or window: the same in both hosts. */
export type ServiceCapability =
  | 'getAppInfo'
  | 'openExternal'
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
  openExternal: (input, context) => openExternalSafe(input.url, context.openUrl),
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
