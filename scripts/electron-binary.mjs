// Where the Electron binary is, or null when it was never downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD,
// no network): the desktop app then cannot start, and the browser host stands in.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}
