/** The application menu, in the user's language. Commands go to the window; the renderer acts on them. */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/api';

const LABELS = {
  en: {
    file: 'File',
    importInventory: 'Import inventory…',
    export: 'Export…',
    backup: 'Backup…',
    restore: 'Restore…',
    settings: 'Settings…',
    quit: 'Quit',
    view: 'View',
    commandPalette: 'Command palette',
    help: 'Help',
    helpPanel: 'CSM Workstation help',
    about: 'About CSM Workstation',
  },
  sv: {
    file: 'Arkiv',
    importInventory: 'Importera inventering…',
    export: 'Exportera…',
    backup: 'Säkerhetskopiera…',
    restore: 'Återställ…',
    settings: 'Inställningar…',
    quit: 'Avsluta',
    view: 'Visa',
    commandPalette: 'Kommandopalett',
    help: 'Hjälp',
    helpPanel: 'Hjälp för CSM Workstation',
    about: 'Om CSM Workstation',
  },
};

export function menuLanguage(locale: string): keyof typeof LABELS {
  return locale.toLowerCase().startsWith('sv') ? 'sv' : 'en';
}

export function menuTemplate(
  locale: string,
  send: (command: MenuCommand) => void,
  isMac: boolean,
): MenuItemConstructorOptions[] {
  const t = LABELS[menuLanguage(locale)];
  const command = (id: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label: t[id],
    ...(accelerator ? { accelerator } : {}),
    click: () => send(id),
  });
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: t.file,
      submenu: [
        command('importInventory', 'CmdOrCtrl+I'),
        command('export', 'CmdOrCtrl+E'),
        { type: 'separator' },
        command('backup'),
        command('restore'),
        { type: 'separator' },
        command('settings', 'CmdOrCtrl+,'),
        { type: 'separator' },
        { label: t.quit, role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: t.view,
      submenu: [
        command('commandPalette', 'CmdOrCtrl+K'),
        { type: 'separator' },
        { role: 'reload' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: t.help,
      role: 'help',
      submenu: [
        { label: t.helpPanel, accelerator: 'F1', click: () => send('help') },
        { type: 'separator' },
        { label: t.about, role: 'about' },
      ],
    },
  ];
}
