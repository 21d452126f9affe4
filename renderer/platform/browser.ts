/**
 * The browser implementation of AppApi, for the browser host: services over same-origin HTTP (the
 * session cookie and the session's key, which the sign-in page left in this origin's storage), files
 * through a download and a file picker.
 */
import type {
  AppApi,
  CapabilityInput,
  MenuCommand,
  OpenedFile,
  ProgressEvent,
} from '../../shared/api';
import {
  carriesBytes,
  decodeFramed,
  framedParts,
  FRAMED_CONTENT_TYPE,
  SESSION_KEY,
} from '../../shared/api-wire';
import { pdfNameBeside } from '../../shared/files';
import { i18n } from '../i18n';

/** The session's key (main/host/sessions.ts); a cookie without it opens nothing. */
const sessionKey = () => localStorage.getItem(SESSION_KEY.storage) ?? '';

/**
 * A fetch to the host; when the host cannot be reached (offline, stopped), an error that says so in the
 * user's language instead of the browser's "Failed to fetch".
 */
async function post(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    if (error instanceof TypeError)
      throw new Error(i18n.t('notices.hostUnreachable'), { cause: error });
    throw error;
  }
}

async function call<T>(capability: string, input: Record<string, unknown>): Promise<T> {
  const hasBytes = carriesBytes(input);
  const response = await post(`/api/${capability}`, {
    method: 'POST',
    headers: {
      'Content-Type': hasBytes ? FRAMED_CONTENT_TYPE : 'application/json',
      [SESSION_KEY.header]: sessionKey(),
    },
    // A Blob body is handed to the network stack without a main-thread copy; a typed array is not.
    body: hasBytes
      ? new Blob(framedParts(input) as Uint8Array<ArrayBuffer>[])
      : JSON.stringify(input),
    credentials: 'same-origin',
  });
  const framed = response.headers.get('Content-Type') === FRAMED_CONTENT_TYPE;
  const body = (
    framed
      ? decodeFramed(new Uint8Array(await response.arrayBuffer()))
      : await response.json().catch(() => ({}))
  ) as { ok?: boolean; value?: T; error?: string };
  if (!response.ok || body.ok !== true)
    throw new Error(body.error ?? `${capability} failed (${response.status})`);
  return body.value as T;
}

function download(request: CapabilityInput<'saveFile'>): { path: string } {
  const url = URL.createObjectURL(new Blob([request.bytes]));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = request.suggestedName;
  anchor.rel = 'noopener';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { path: request.suggestedName };
}

/** The workbook's bytes, built by the host (the same service the desktop's main runs). */
function buildWorkbook(
  suggestedName: string,
  workbook: CapabilityInput<'saveWorkbook'>['workbook'],
): Promise<Uint8Array<ArrayBuffer>> {
  return call('saveWorkbook', { suggestedName, workbook });
}

function pickFile(request: CapabilityInput<'openFile'>): Promise<OpenedFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = request.filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
    input.hidden = true;
    input.dataset['testid'] = 'file-picker';
    const done = () => input.remove();
    input.addEventListener('cancel', () => {
      done();
      resolve(null);
    });
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      done();
      if (!file) return resolve(null);
      file
        .arrayBuffer()
        .then((buffer) => resolve({ name: file.name, bytes: new Uint8Array(buffer) }))
        .catch(reject);
    });
    document.body.append(input);
    input.click();
  });
}

let events: EventSource | null = null;
const progressListeners = new Set<(event: ProgressEvent) => void>();

export function browserApi(): AppApi {
  return {
    getAppInfo: () => call('getAppInfo', {}),
    saveFile: (request) => Promise.resolve(download(request)),
    // The host builds the workbook; the browser saves it as a download (and never overwrites: it renames).
    saveWorkbook: async ({ suggestedName, workbook, withPdf }) => {
      const saved = download({
        suggestedName,
        bytes: await buildWorkbook(suggestedName, workbook),
        filters: [],
      });
      if (!withPdf) return saved;
      // Its PDF as a second download, built by the host under its .pdf name.
      const pdfName = pdfNameBeside(suggestedName);
      download({
        suggestedName: pdfName,
        bytes: await buildWorkbook(pdfName, workbook),
        filters: [],
      });
      return { ...saved, pdfPath: pdfName };
    },
    saveWorkbooks: async (request) => {
      // One after the other.
      for (const file of request.files) {
        const bytes = await buildWorkbook(file.name, file.workbook);
        download({ suggestedName: file.name, bytes, filters: [] });
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      return { folder: '', files: request.files.map((f) => f.name) };
    },
    openFile: (request) => pickFile(request),
    keepSafetyBackup: (request) => call('keepSafetyBackup', request),
    listSafetyBackups: () => call('listSafetyBackups', {}),
    readSafetyBackup: (request) => call('readSafetyBackup', request),
    parseInventory: (request) => call('parseInventory', request),
    inventoryDevices: (request) => call('inventoryDevices', request),
    parseRegister: (request) => call('parseRegister', request),
    parseEolRegister: (request) => call('parseEolRegister', request),
    cancelTask: (request) => call('cancelTask', request),
    listLensConnections: () => call('listLensConnections', {}),
    saveLensConnection: (request) => call('saveLensConnection', request),
    removeLensConnection: (request) => call('removeLensConnection', request),
    listLensTenants: (request) => call('listLensTenants', request),
    pullLens: (request) => call('pullLens', request),
    getTeamSync: () => call('getTeamSync', {}),
    refreshTeamSync: () => call('refreshTeamSync', {}),
    connectTeamSync: (request) => call('connectTeamSync', request),
    disconnectTeamSync: () => call('disconnectTeamSync', {}),
    syncPush: (request) => call('syncPush', request),
    syncPull: (request) => call('syncPull', request),
    syncPutList: (request) => call('syncPutList', request),
    syncGetList: (request) => call('syncGetList', request),
    listTeamUsers: () => call('listTeamUsers', {}),
    addTeamUser: (request) => call('addTeamUser', request),
    setTeamUserRole: (request) => call('setTeamUserRole', request),
    revokeTeamUser: (request) => call('revokeTeamUser', request),
    onProgress(listener) {
      progressListeners.add(listener);
      if (!events) {
        events = new EventSource(
          `/api/events?${new URLSearchParams({ [SESSION_KEY.param]: sessionKey() })}`,
        );
        events.onmessage = (message: MessageEvent<string>) => {
          const event = JSON.parse(message.data) as ProgressEvent;
          for (const l of progressListeners) l(event);
        };
      }
      return () => {
        progressListeners.delete(listener);
      };
    },
    onMenuCommand: (_listener: (command: MenuCommand) => void) => () => undefined,
  };
}
