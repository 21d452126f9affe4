/**
 * The preload: window.api with one function per capability of shared/api.ts, nothing generic. The
 * renderer never sees ipcRenderer. Runs sandboxed; bundled into one file.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { AppApi, MenuCommand, ProgressEvent } from '../../shared/api';
import { channelOf, MENU_CHANNEL, PROGRESS_CHANNEL } from '../../shared/ipc-channels';

function subscribe<T>(channel: string, listener: (payload: T) => void) {
  const wrapped = (_event: IpcRendererEvent, payload: T) => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

const api = {
  getAppInfo: () => ipcRenderer.invoke(channelOf('getAppInfo'), {}),
  saveFile: (request) => ipcRenderer.invoke(channelOf('saveFile'), request),
  saveWorkbook: (request) => ipcRenderer.invoke(channelOf('saveWorkbook'), request),
  saveWorkbooks: (request) => ipcRenderer.invoke(channelOf('saveWorkbooks'), request),
  openFile: (request) => ipcRenderer.invoke(channelOf('openFile'), request),
  keepSafetyBackup: (request) => ipcRenderer.invoke(channelOf('keepSafetyBackup'), request),
  listLensTenants: (request) => ipcRenderer.invoke(channelOf('listLensTenants'), request),
  listSafetyBackups: () => ipcRenderer.invoke(channelOf('listSafetyBackups'), {}),
  readSafetyBackup: (request) => ipcRenderer.invoke(channelOf('readSafetyBackup'), request),
  parseInventory: (request) => ipcRenderer.invoke(channelOf('parseInventory'), request),
  inventoryDevices: (request) => ipcRenderer.invoke(channelOf('inventoryDevices'), request),
  parseRegister: (request) => ipcRenderer.invoke(channelOf('parseRegister'), request),
  parseEolRegister: (request) => ipcRenderer.invoke(channelOf('parseEolRegister'), request),
  cancelTask: (request) => ipcRenderer.invoke(channelOf('cancelTask'), request),
  listLensConnections: () => ipcRenderer.invoke(channelOf('listLensConnections'), {}),
  saveLensConnection: (request) => ipcRenderer.invoke(channelOf('saveLensConnection'), request),
  removeLensConnection: (request) => ipcRenderer.invoke(channelOf('removeLensConnection'), request),
  pullLens: (request) => ipcRenderer.invoke(channelOf('pullLens'), request),
  getTeamSync: () => ipcRenderer.invoke(channelOf('getTeamSync'), {}),
  refreshTeamSync: () => ipcRenderer.invoke(channelOf('refreshTeamSync'), {}),
  connectTeamSync: (request) => ipcRenderer.invoke(channelOf('connectTeamSync'), request),
  disconnectTeamSync: () => ipcRenderer.invoke(channelOf('disconnectTeamSync'), {}),
  syncPush: (request) => ipcRenderer.invoke(channelOf('syncPush'), request),
  syncPull: (request) => ipcRenderer.invoke(channelOf('syncPull'), request),
  syncPutList: (request) => ipcRenderer.invoke(channelOf('syncPutList'), request),
  syncGetList: (request) => ipcRenderer.invoke(channelOf('syncGetList'), request),
  listTeamUsers: () => ipcRenderer.invoke(channelOf('listTeamUsers'), {}),
  addTeamUser: (request) => ipcRenderer.invoke(channelOf('addTeamUser'), request),
  setTeamUserRole: (request) => ipcRenderer.invoke(channelOf('setTeamUserRole'), request),
  revokeTeamUser: (request) => ipcRenderer.invoke(channelOf('revokeTeamUser'), request),
  onProgress: (listener) => subscribe<ProgressEvent>(PROGRESS_CHANNEL, listener),
  onMenuCommand: (listener) => subscribe<MenuCommand>(MENU_CHANNEL, listener),
} satisfies AppApi;

contextBridge.exposeInMainWorld('api', api);
