/**
 * The one way out to the user's browser. Only plain https links to a real host pass: no other scheme,
 * no credentials in the URL, no local or IP-literal-less tricks. Everything else is refused.
 */

/** The URL when it is safe to hand to the OS, else null. */
export function safeExternalUrl(raw: string): URL | null {
  if (typeof raw !== 'string' || raw.length > 2048 || /[\s\u0000-\u001f]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return null;
  if (!url.hostname || !url.hostname.includes('.') || url.hostname.endsWith('.')) return null;
  return url;
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
