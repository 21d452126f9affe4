import type { AddressInfo } from 'node:net';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHostArgs } from '../../../../main/host/args';
import { createHostServer } from '../../../../main/host/server';

const token = 'test-token-abcdefghijklmnop';
let port = 0;
let close: () => void = () => undefined;
const opened: string[] = [];

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function call(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: { Host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const cookie = { Cookie: `csm_token=${token}` };

beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), 'csm-host-'));
  await writeFile(join(root, 'index.html'), '<html nonce="__CSP_NONCE__"></html>');
  // The server must know its port for the Host check: find a free one first.
  const probe = createHostServer({
    root,
    token,
    port: 0,
    version: '0',
    openUrl: () => Promise.resolve(),
  });
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  port = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  const server = createHostServer({
    root,
    token,
    port,
    version: '9.9.9',
    openUrl: (url) => Promise.resolve(void opened.push(url)),
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  close = () => server.close();
});

afterAll(() => close());

describe('the browser host', () => {
  it('refuses everything without the token', async () => {
    expect((await call('/')).status).toBe(401);
    expect((await call('/api/getAppInfo', { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await call('/', { headers: { Cookie: 'csm_token=wrong' } })).status).toBe(401);
    expect((await call('/?token=wrong')).status).toBe(403);
  });

  it('swaps the printed token for an HttpOnly, SameSite=Strict cookie', async () => {
    const reply = await call(`/?token=${token}`);
    expect(reply.status).toBe(303);
    expect(reply.headers['location']).toBe('/');
    expect(String(reply.headers['set-cookie'])).toMatch(
      /csm_token=.+; HttpOnly; SameSite=Strict; Path=\//,
    );
  });

  it('serves the app with its CSP to the holder of the cookie', async () => {
    const reply = await call('/', { headers: cookie });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(reply.body).not.toContain('__CSP_NONCE__');
  });

  it('refuses other Host names (DNS rebinding) and other origins', async () => {
    expect((await call('/', { headers: { ...cookie, Host: `evil.example:${port}` } })).status).toBe(
      421,
    );
    const foreign = await call('/api/getAppInfo', {
      method: 'POST',
      body: '{}',
      headers: { ...cookie, Origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
  });

  it('answers the same services as the desktop, validating input', async () => {
    const info = await call('/api/getAppInfo', {
      method: 'POST',
      body: '{}',
      headers: { ...cookie, Origin: `http://127.0.0.1:${port}` },
    });
    expect(info.status).toBe(200);
    expect(JSON.parse(info.body)).toMatchObject({
      name: 'CSM Workstation',
      version: '9.9.9',
      host: 'browser',
    });
    expect(
      (await call('/api/getAppInfo', { method: 'POST', body: '{"x":1}', headers: cookie })).status,
    ).toBe(400);
    expect(
      (await call('/api/saveFile', { method: 'POST', body: '{}', headers: cookie })).status,
    ).toBe(404);
    expect(
      (await call('/api/constructor', { method: 'POST', body: '{}', headers: cookie })).status,
    ).toBe(404);
    expect((await call('/api/getAppInfo', { headers: cookie })).status).toBe(404);
  });

  it('opens only https links', async () => {
    const refused = await call('/api/openExternal', {
      method: 'POST',
      body: JSON.stringify({ url: 'file:///etc/passwd' }),
      headers: cookie,
    });
    expect(JSON.parse(refused.body)).toBe(false);
    const allowed = await call('/api/openExternal', {
      method: 'POST',
      body: JSON.stringify({ url: 'https://www.hp.com/' }),
      headers: cookie,
    });
    expect(JSON.parse(allowed.body)).toBe(true);
    expect(opened).toEqual(['https://www.hp.com/']);
  });
});

describe('host arguments', () => {
  it('reads --port and --no-open, and refuses the rest', () => {
    expect(parseHostArgs([])).toEqual({ port: 4517, shouldOpen: true });
    expect(parseHostArgs(['--port', '5000', '--no-open'])).toEqual({
      port: 5000,
      shouldOpen: false,
    });
    expect(parseHostArgs(['--port=5001'])).toEqual({ port: 5001, shouldOpen: true });
    expect(() => parseHostArgs(['--port', '70000'])).toThrow(/1 to 65535/);
    expect(() => parseHostArgs(['--host', '0.0.0.0'])).toThrow(/unknown option/);
  });
});
