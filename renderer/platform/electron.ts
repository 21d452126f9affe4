/** The desktop implementation of AppApi: the preload's window.api, when the app runs in Electron. */
import type { AppApi } from '../../shared/api';

export function electronApi(): AppApi | null {
  const candidate = (window as unknown as { api?: AppApi }).api;
  return candidate && typeof candidate.getAppInfo === 'function' ? candidate : null;
}
