/**
 * Electron main entry: wires the single-instance lock, the app:// protocol, session hardening, the one
 * window, the menu and the IPC handlers. Each of those lives in its own module.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
} from 'electron';
import { join } from 'node:path';
import { MENU_CHANNEL, PROGRESS_CHANNEL, type MenuCommand } from '../shared/api';
import {
  openFileWithDialog,
  saveFileWithDialog,
  saveWorkbooksWithDialog,
  saveWorkbookWithDialog,
} from './app/dialogs';
import { menuTemplate } from './app/menu';
import { osSealer } from './app/secrets';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from './app/protocol';
import { hardenSession, hardenWebContents } from './app/security';
import { windowOptions } from './app/window';
import { loadWindowState, saveWindowState } from './app/window-state';
import { APP_ORIGIN, handle } from './ipc/handle';
import { inventoryWorkerPath, prepareWorker } from './services/inventory/run-worker';
import { LensConnections } from './services/lens/connections';
import { TeamSync } from './services/team-sync/connection';
import { services, type ServiceContext } from './services/registry';

const rendererRoot = join(__dirname, '..', 'renderer');
const preloadPath = join(__dirname, 'preload.cjs');

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, (url) => shell.openExternal(url)),
  );

  const lens = new LensConnections(app.getPath('userData'), osSealer(safeStorage));
  const teamSync = new TeamSync(app.getPath('userData'), osSealer(safeStorage));
  const context = (): ServiceContext => ({
    host: 'desktop',
    version: app.getVersion(),
    dataLocation: app.getPath('userData'),
    dataDir: app.getPath('userData'),
    progress: (event) => mainWindow?.webContents.send(PROGRESS_CHANNEL, event),
    inventoryWorker: inventoryWorkerPath(__dirname),
    lens,
    teamSync,
  });

  const windowOf = (sender: Electron.WebContents) => {
    const window = BrowserWindow.fromWebContents(sender);
    if (!window) throw new Error('no window for this request');
    return window;
  };

  handle(ipcMain, 'getAppInfo', (input) => services.getAppInfo(input, context()));
  handle(ipcMain, 'saveFile', (input, event) =>
    saveFileWithDialog(dialog, windowOf(event.sender), input),
  );
  handle(ipcMain, 'saveWorkbook', (input, event) =>
    saveWorkbookWithDialog(dialog, windowOf(event.sender), input),
  );
  handle(ipcMain, 'saveWorkbooks', (input, event) =>
    saveWorkbooksWithDialog(dialog, windowOf(event.sender), input),
  );
  handle(ipcMain, 'openFile', (input, event) =>
    openFileWithDialog(dialog, windowOf(event.sender), input),
  );
  handle(ipcMain, 'keepSafetyBackup', (input) => services.keepSafetyBackup(input, context()));
  handle(ipcMain, 'listSafetyBackups', (input) => services.listSafetyBackups(input, context()));
  handle(ipcMain, 'readSafetyBackup', (input) => services.readSafetyBackup(input, context()));
  handle(ipcMain, 'parseInventory', (input) => services.parseInventory(input, context()));
  handle(ipcMain, 'inventoryDevices', (input) => services.inventoryDevices(input, context()));
  handle(ipcMain, 'parseRegister', (input) => services.parseRegister(input, context()));
  handle(ipcMain, 'parseEolRegister', (input) => services.parseEolRegister(input, context()));
  handle(ipcMain, 'cancelTask', (input) => services.cancelTask(input, context()));
  handle(ipcMain, 'listLensConnections', (input) => services.listLensConnections(input, context()));
  handle(ipcMain, 'saveLensConnection', (input) => services.saveLensConnection(input, context()));
  handle(ipcMain, 'removeLensConnection', (input) =>
    services.removeLensConnection(input, context()),
  );
  handle(ipcMain, 'listLensTenants', (input) => services.listLensTenants(input, context()));
  handle(ipcMain, 'pullLens', (input) => services.pullLens(input, context()));
  handle(ipcMain, 'getTeamSync', (input) => services.getTeamSync(input, context()));
  handle(ipcMain, 'refreshTeamSync', (input) => services.refreshTeamSync(input, context()));
  handle(ipcMain, 'connectTeamSync', (input) => services.connectTeamSync(input, context()));
  handle(ipcMain, 'disconnectTeamSync', (input) => services.disconnectTeamSync(input, context()));
  handle(ipcMain, 'syncPush', (input) => services.syncPush(input, context()));
  handle(ipcMain, 'syncPull', (input) => services.syncPull(input, context()));
  handle(ipcMain, 'syncPutList', (input) => services.syncPutList(input, context()));
  handle(ipcMain, 'syncGetList', (input) => services.syncGetList(input, context()));
  handle(ipcMain, 'listTeamUsers', (input) => services.listTeamUsers(input, context()));
  handle(ipcMain, 'addTeamUser', (input) => services.addTeamUser(input, context()));
  handle(ipcMain, 'setTeamUserRole', (input) => services.setTeamUserRole(input, context()));
  handle(ipcMain, 'revokeTeamUser', (input) => services.revokeTeamUser(input, context()));

  const createWindow = async () => {
    const statePath = join(app.getPath('userData'), 'window-state.json');
    const state = await loadWindowState(
      statePath,
      screen.getAllDisplays().map((d) => d.workArea),
    );
    const window = new BrowserWindow(windowOptions(preloadPath, state));
    mainWindow = window;
    if (state.isMaximized) window.maximize();
    window.once('ready-to-show', () => window.show());
    window.on('close', () => {
      void saveWindowState(statePath, {
        ...window.getNormalBounds(),
        isMaximized: window.isMaximized(),
      });
    });
    window.on('closed', () => {
      mainWindow = null;
    });
    const send = (command: MenuCommand) => window.webContents.send(MENU_CHANNEL, command);
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(menuTemplate(app.getLocale(), send, process.platform === 'darwin')),
    );
    await window.loadURL(`${APP_ORIGIN}/`);
  };

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession);
    registerAppProtocol(protocol, rendererRoot);
    await createWindow();
    prepareWorker(inventoryWorkerPath(__dirname));
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) void createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
