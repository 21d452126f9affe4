import type { AddressInfo } from 'node:net';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeFramed, FRAMED_CONTENT_TYPE } from '../../../../shared/api-wire';
import { parseHostArgs } from '../../../../main/host/args';
import { createHostServer } from '../../../../main/host/server';

const token = 'test-token-abcdefghijklmnop';
let port = 0;
let inventoryWorker = '';
let close: () => void = () => undefined;
const opened: string[] = [];

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function call(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Uint8Array } = {},
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
  // The real worker, bundled as `npm run build` bundles it.
  inventoryWorker = join(root, 'inventory.cjs');
  await build({
    entryPoints: ['main/services/inventory/worker.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: inventoryWorker,
    logLevel: 'error',
  });
  // The server must know its port for the Host check: find a free one first.
  const probe = createHostServer({
    root,
    token,
    port: 0,
    version: '0',
    openUrl: () => Promise.resolve(),
    inventoryWorker,
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
    inventoryWorker,
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
    expect((JSON.parse(info.body) as { value: unknown }).value).toMatchObject({
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
    expect(JSON.parse(refused.body)).toEqual({ ok: true, value: false });
    const allowed = await call('/api/openExternal', {
      method: 'POST',
      body: JSON.stringify({ url: 'https://www.hp.com/' }),
      headers: cookie,
    });
    expect(JSON.parse(allowed.body)).toEqual({ ok: true, value: true });
    expect(opened).toEqual(['https://www.hp.com/']);
  });
});

describe('inventory parsing through the browser host', () => {
  const request = (bytes: Uint8Array, taskId = 't1') =>
    call('/api/parseInventory', {
      method: 'POST',
      headers: { ...cookie, 'Content-Type': FRAMED_CONTENT_TYPE },
      body: encodeFramed({
        taskId,
        fileName: 'lens.csv',
        bytes,
        asOf: null,
        mapping: null,
        locale: 'sv-SE',
        overrides: [],
      }),
    });

  it('parses file bytes in the worker and answers the counts, then the devices in pages', async () => {
    const reply = await request(
      new TextEncoder().encode(
        'Model,Serial,Site\nPoly Studio X50,A1,Malmö\nPoly CCX 400,B2,Lund\n',
      ),
    );
    expect(reply.status).toBe(200);
    const parsed = (
      JSON.parse(reply.body) as {
        value: {
          devices: unknown[];
          devicePages: number;
          summary: { counts: Record<string, number> };
        };
      }
    ).value;
    expect(parsed.summary.counts).toEqual({ headsets: 0, video: 1, voice: 1 });
    expect([parsed.devices, parsed.devicePages]).toEqual([[], 1]);
    const page = await call('/api/inventoryDevices', {
      method: 'POST',
      body: JSON.stringify({ taskId: 't1', page: 0 }),
      headers: cookie,
    });
    expect(
      (JSON.parse(page.body) as { value: { site: string }[] }).value.map((d) => d.site),
    ).toEqual(['Malmö', 'Lund']);
    const gone = await call('/api/inventoryDevices', {
      method: 'POST',
      body: JSON.stringify({ taskId: 't1', page: 0 }),
      headers: cookie,
    });
    expect(gone.status).toBe(500);
  });

  it('answers the clear message for an unusable file as a refusal, not a fault', async () => {
    const reply = await request(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2]));
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({
      ok: false,
      error:
        'this is a PNG image, not a spreadsheet: export the inventory from Poly Lens as CSV or Excel',
    });
  });

  it('refuses a framed request that breaks the schema', async () => {
    const reply = await call('/api/parseInventory', {
      method: 'POST',
      headers: { ...cookie, 'Content-Type': FRAMED_CONTENT_TYPE },
      body: encodeFramed({
        taskId: '../x',
        fileName: 'a.csv',
        bytes: new Uint8Array([1]),
        asOf: null,
        mapping: null,
        locale: 'sv',
        overrides: [],
      }),
    });
    expect(reply.status).toBe(400);
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
