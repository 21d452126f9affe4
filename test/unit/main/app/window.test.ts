import { describe, expect, it } from 'vitest';
import { windowOptions } from '../../../../main/app/window';
import { fitToDisplays } from '../../../../main/app/window-state';
import { menuLanguage, menuTemplate } from '../../../../main/app/menu';
import type { MenuCommand } from '../../../../shared/api';

describe('the window factory', () => {
  const options = windowOptions('/app/preload.cjs', { width: 1200, height: 800 });

  it('turns on context isolation and the sandbox, and Node integration and webviews off', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      navigateOnDragDrop: false,
    });
  });

  it('opens hidden until ready, at the remembered size', () => {
    expect(options).toMatchObject({
      show: false,
      width: 1200,
      height: 800,
      title: 'CSM Workstation',
    });
  });
});

describe('remembered window bounds', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

  it('keeps a position that is on a screen', () => {
    expect(
      fitToDisplays({ x: 100, y: 100, width: 1200, height: 800, isMaximized: true }, screen),
    ).toEqual({ x: 100, y: 100, width: 1200, height: 800, isMaximized: true });
  });

  it('drops a position on a screen that is gone, keeping the size', () => {
    expect(fitToDisplays({ x: 3000, y: 100, width: 1200, height: 800 }, screen)).toEqual({
      width: 1200,
      height: 800,
      isMaximized: false,
    });
  });

  it('falls back to defaults for missing or absurd state', () => {
    expect(fitToDisplays(null, screen)).toMatchObject({ width: 1360, height: 860 });
    expect(fitToDisplays({ x: 0, y: 0, width: 10, height: 99999 }, screen)).toMatchObject({
      width: 960,
      height: 10000,
    });
  });
});

describe('the application menu', () => {
  it('offers File → Import inventory, Export, Backup, Restore and Quit, in Swedish for sv locales', () => {
    const sent: MenuCommand[] = [];
    const template = menuTemplate('sv-SE', (c) => sent.push(c), false);
    const file = template[0];
    const labels = (file?.submenu as { label?: string; role?: string }[]).map(
      (item) => item.label ?? item.role ?? '-',
    );
    expect(labels.filter((l) => l !== '-')).toEqual([
      'Importera inventering…',
      'Exportera…',
      'Säkerhetskopiera…',
      'Återställ…',
      'Inställningar…',
      'Avsluta',
    ]);
    (file?.submenu as { click?: () => void }[])[0]?.click?.();
    expect(sent).toEqual(['importInventory']);
    expect(menuLanguage('en-US')).toBe('en');
    expect(template.map((m) => m.label ?? m.role)).toEqual(['Arkiv', 'editMenu', 'Visa', 'Hjälp']);
  });
});
