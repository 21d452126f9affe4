/**
 * Serving the built renderer, for the app:// protocol and the browser host alike: one path resolver that
 * never leaves the root, one Content-Security-Policy, and a per-response style nonce in index.html.
 */
import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

/** The placeholder index.html carries where the per-response nonce goes. */
export const NONCE_PLACEHOLDER = '__CSP_NONCE__';

/** Strict CSP: only our own scripts; styles only ours or the nonce'd ones Mantine injects. */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The file a URL path names under root, or null when it would escape it (`..`, encoded slashes,
 * backslashes, NUL, absolute paths). '/' is index.html.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]?.split('#')[0] ?? '');
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || /[\\\0]/.test(decoded)) return null;
  if (decoded.split('/').some((part) => part === '..' || part === '.')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.slice(1);
  const base = resolve(root);
  const full = resolve(base, relative);
  return full.startsWith(base + sep) ? full : null;
}

export interface StaticResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | string;
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

export function notFound(): StaticResponse {
  return {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS },
    body: 'Not found',
  };
}

/** The response for a URL path: the file with its type and the CSP, or 404. */
export async function serveStatic(root: string, urlPath: string): Promise<StaticResponse> {
  const path = resolveStaticPath(root, urlPath);
  // Source maps would hand out the source; they are not built, and never served.
  if (!path || extname(path) === '.map') return notFound();
  try {
    if (!(await stat(path)).isFile()) return notFound();
  } catch {
    return notFound();
  }
  const type = MIME[extname(path)] ?? 'application/octet-stream';
  const nonce = randomBytes(16).toString('base64');
  const headers = {
    'Content-Type': type,
    'Content-Security-Policy': contentSecurityPolicy(nonce),
    ...SECURITY_HEADERS,
  };
  const bytes = await readFile(path);
  const body = type.startsWith('text/html')
    ? bytes.toString('utf8').replaceAll(NONCE_PLACEHOLDER, nonce)
    : bytes;
  return { status: 200, headers, body };
}
