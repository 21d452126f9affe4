/**
 * The browser host's session is its own (README, trust model): a cookie has no port, so Chromium
 * sends the host's session cookie to any server on the same host name. Such a server must gain
 * nothing from it: every call needs the session's key, which only the host's own origin can read.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { E2E_ORIGIN } from '../../playwright.config';
import { expect, test } from './fixtures';

const host = new URL(E2E_ORIGIN);

/** A server on another port of the host's own name that keeps the Cookie header of every request. */
async function cookieCatcher(): Promise<{ server: Server; port: number; cookies: string[] }> {
  const cookies: string[] = [];
  const server = createServer((req, res) => {
    cookies.push(req.headers.cookie ?? '');
    res
      .writeHead(200, { 'Content-Type': 'text/html' })
      .end('<!doctype html><title>elsewhere</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, cookies };
}

/** A raw call to the host, as the catcher would make it with what it caught. */
function replay(path: string, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: Number(host.port),
        path,
        method: 'POST',
        headers: { Host: host.host, Cookie: cookie, 'Content-Type': 'application/json' },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

test('a session cookie Chromium hands a server on another port opens nothing at the host', async ({
  page,
}) => {
  const catcher = await cookieCatcher();
  try {
    await page.goto(`http://${host.hostname}:${catcher.port}/`);
    // Chromium did send it (else this test would prove nothing)…
    const caught = catcher.cookies.at(-1) ?? '';
    expect(caught).toMatch(new RegExp(`(^|; )csm_session_${host.port}=[\\w-]{32}($|;)`));
    // …and the page there cannot read the key, which lives in the host's origin's storage.
    expect(await page.evaluate(() => localStorage.getItem('csm-session-key'))).toBeNull();
    // Replayed to the host, the caught cookie is refused on every call, the event stream included.
    expect(await replay('/api/getAppInfo', caught)).toBe(401);
    expect(await replay('/api/listLensConnections', caught)).toBe(401);
    expect(await replay('/api/events', caught)).toBe(401);
    // The host's own page, with the same cookie and its key, is served as before.
    await page.goto('/');
    const status = await page.evaluate(async () => {
      const key = localStorage.getItem('csm-session-key') ?? '';
      const reply = await fetch('/api/getAppInfo', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'x-csm-session-key': key },
        body: '{}',
      });
      return reply.status;
    });
    expect(status).toBe(200);
  } finally {
    catcher.server.close();
  }
});
