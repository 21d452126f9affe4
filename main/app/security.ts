/**
 * Session and web-contents hardening: every permission request is denied, navigation away from the app
 * and new windows are refused (an https link opens in the user's browser instead), webviews never attach.
 */
import type { Session, WebContents } from 'electron';
import { APP_ORIGIN } from '../ipc/handle';
import { openExternalSafe } from './external-links';

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}

/** True for a URL inside the app itself (same origin), the only place the window may navigate. */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return `${url.protocol}//${url.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

export function hardenWebContents(
  contents: WebContents,
  openExternal: (url: string) => Promise<void>,
): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafe(url, openExternal);
    return { action: 'deny' };
  });
}
