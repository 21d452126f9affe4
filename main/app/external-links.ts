/**
 * The one way out of the desktop window to the user's browser (a link the window would open in a new
 * window). Only plain https links to the hosts the app links to pass: no other scheme or host, no
 * credentials, and none of the characters a shell would take as a command separator. The renderer has
 * no capability to open links; this only guards what a click in the window asks for.
 */

/** The hosts the app's help and messages link to. */
export const LINK_HOSTS = new Set([
  'www.hp.com',
  'support.hp.com',
  'www.poly.com',
  'lens.poly.com',
  'info.lens.poly.com',
]);

/** The URL when it is safe to hand to the OS, else null. */
export function safeExternalUrl(raw: string): URL | null {
  if (typeof raw !== 'string' || raw.length > 2048 || /[\s\u0000-\u001f&|^"'<>`]/.test(raw))
    return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return null;
  return LINK_HOSTS.has(url.hostname) ? url : null;
}

/** Opens the link through `open` (shell.openExternal) when safe; returns whether it did. */
export async function openExternalSafe(
  raw: string,
  open: (url: string) => Promise<void>,
): Promise<boolean> {
  const url = safeExternalUrl(raw);
  if (!url) return false;
  await open(url.href);
  return true;
}
