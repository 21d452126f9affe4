import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleForNode } from '../../../support/bundle';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decodeFramed,
  framedParts,
  FRAMED_CONTENT_TYPE,
  SESSION_KEY,
} from '../../../../shared/api-wire';

const encodeFramed = (input: Record<string, unknown>) => Buffer.concat(framedParts(input));
import {
  deviceListHash,
  readDeviceList,
  type DeviceList,
} from '../../../../shared/inventory/device-list';
import { parseHostArgs } from '../../../../main/host/args';
import { installationHost } from '../../../../main/host/installation';
import { openBrowser } from '../../../../main/host/open-browser';
import { createHostServer } from '../../../../main/host/server';
import { HostSessions } from '../../../../main/host/sessions';
import { fakeDevices, startFakeLens, type FakeLens } from '../../../support/fake-lens';

const token = 'test-token-abcdefghijklmnop';
const hostName = 'wtest0123456789.localhost';
let port = 0;
let inventoryWorker = '';
let root = '';
let dataDir = '';
let close: () => void = () => undefined;
const sessions = new HostSessions();

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  raw: Buffer;
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
        headers: { Host: `${hostName}:${port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: raw.toString(), raw });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

let cookie: Record<string, string> = {};

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'csm-host-'));
  dataDir = await mkdtemp(join(tmpdir(), 'csm-host-data-'));
  await writeFile(join(root, 'index.html'), '<html nonce="__CSP_NONCE__"></html>');
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'assets', 'index.js.map'), '{"sources":["secret.ts"]}');
  // The real worker, bundled as `npm run build` bundles it.
  inventoryWorker = await bundleForNode('main/services/inventory/worker.ts', 'inventory.cjs');
  // The server must know its port for the Host check: find a free one first.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  port = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  const server = createHostServer({
    root,
    sessions,
    port,
    hostName,
    version: '9.9.9',
    inventoryWorker,
    dataDir,
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  close = () => server.close();
  sessions.mintLink(token);
});

afterAll(() => close());

describe('the browser host', () => {
  it('refuses everything without a session', async () => {
    expect((await call('/')).status).toBe(401);
    expect((await call('/api/getAppInfo', { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await call('/', { headers: { Cookie: `csm_session_${port}=${token}` } })).status).toBe(
      401,
    );
    expect((await call('/?token=wrong-token-0123456789')).status).toBe(403);
  });

  it('swaps the printed link, once, for a session cookie of its own host name and port', async () => {
    const reply = await call(`/?token=${token}`);
    expect(reply.status).toBe(200);
    const set = String(reply.headers['set-cookie']);
    expect(set).toMatch(
      new RegExp(`^csm_session_${port}=[\\w-]{32}; HttpOnly; SameSite=Strict; Path=/$`),
    );
    expect(set).not.toContain(token);
    expect(set).not.toMatch(/Domain=/i);
    // The page keeps the session's key in its origin's storage, by the one script its nonce allows.
    const csp = String(reply.headers['content-security-policy']);
    const nonce = /script-src 'nonce-([\w+/=]+)'/.exec(csp)?.[1] ?? '';
    expect(csp).toBe(`default-src 'none'; script-src 'nonce-${nonce}'`);
    const key = /localStorage\.setItem\("csm-session-key", "([\w-]{32})"\)/.exec(reply.body)?.[1];
    expect(reply.body).toContain(`<script nonce="${nonce}">`);
    expect(reply.body).toContain("location.replace('/')");
    expect(key).toHaveLength(32);
    cookie = { Cookie: set.split(';')[0] ?? '', [SESSION_KEY.header]: key ?? '' };
    // The link in the browser history opens nothing later…
    const again = await call(`/?token=${token}`);
    expect(again.status).toBe(403);
    expect(again.body).toMatch(/used or has expired/);
    // …but a browser that holds its session is simply let in.
    expect((await call(`/?token=${token}`, { headers: cookie })).status).toBe(303);
  });

  it('answers no call on the cookie alone: a cookie seen by a server on another port opens nothing', async () => {
    const onlyCookie = { Cookie: cookie['Cookie'] ?? '' };
    const refused = await call('/api/getAppInfo', {
      method: 'POST',
      body: '{}',
      headers: onlyCookie,
    });
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.body)).toEqual({
      error:
        'This page is not signed in to the browser host: open the link it printed in its terminal.',
    });
    expect((await call('/api/events', { headers: onlyCookie })).status).toBe(401);
    const wrongKey = { ...onlyCookie, [SESSION_KEY.header]: 'x'.repeat(32) };
    expect(
      (await call('/api/getAppInfo', { method: 'POST', body: '{}', headers: wrongKey })).status,
    ).toBe(401);
    // Another session's key with this cookie is no better than none.
    const other = sessions.redeem(sessions.mintLink());
    const crossed = { ...onlyCookie, [SESSION_KEY.header]: other?.key ?? '' };
    expect(
      (await call('/api/getAppInfo', { method: 'POST', body: '{}', headers: crossed })).status,
    ).toBe(401);
    // The event stream, which cannot carry a header, takes the key as its query parameter.
    const key = encodeURIComponent(cookie[SESSION_KEY.header] ?? '');
    const stream = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: `/api/events?${SESSION_KEY.param}=${key}`,
          headers: { Host: `${hostName}:${port}`, ...onlyCookie },
        },
        (res) => {
          resolve(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(stream).toBe(200);
    // The app's files (nothing of the user's) need the cookie only; the calls need both halves.
    expect((await call('/', { headers: onlyCookie })).status).toBe(200);
    expect(
      (await call('/api/getAppInfo', { method: 'POST', body: '{}', headers: cookie })).status,
    ).toBe(200);
  });

  it('lets a link expire after ten minutes', () => {
    let now = 0;
    const clock = new HostSessions(() => now);
    const link = clock.mintLink();
    now = 10 * 60_000 + 1;
    expect(clock.redeem(link)).toBeNull();
    const fresh = clock.mintLink();
    expect(clock.isSession(clock.redeem(fresh)?.id ?? '')).toBe(true);
  });

  it('serves the app with its CSP to the holder of the session', async () => {
    const reply = await call('/', { headers: cookie });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(reply.body).not.toContain('__CSP_NONCE__');
  });

  it('never serves source maps', async () => {
    expect((await call('/assets/index.js.map', { headers: cookie })).status).toBe(404);
  });

  it('sends the bare loopback address on to its own origin, and refuses other Host names', async () => {
    const bare = await call('/?token=x', { headers: { Host: `127.0.0.1:${port}` } });
    expect(bare.status).toBe(307);
    expect(bare.headers['location']).toBe(`http://${hostName}:${port}/?token=x`);
    expect(
      (
        await call('/api/getAppInfo', {
          method: 'POST',
          body: '{}',
          headers: { Host: `127.0.0.1:${port}` },
        })
      ).status,
    ).toBe(421);
    expect((await call('/', { headers: { ...cookie, Host: `evil.example:${port}` } })).status).toBe(
      421,
    );
  });

  it('refuses other sites: by Origin and by Sec-Fetch-Site, the event stream included', async () => {
    const foreign = await call('/api/getAppInfo', {
      method: 'POST',
      body: '{}',
      headers: { ...cookie, Origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    const crossSite = await call('/api/getAppInfo', {
      method: 'POST',
      body: '{}',
      headers: { ...cookie, 'Sec-Fetch-Site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    expect(
      (await call('/api/events', { headers: { ...cookie, Origin: 'http://127.0.0.1:1' } })).status,
    ).toBe(403);
    expect(
      (await call('/api/events', { headers: { ...cookie, 'Sec-Fetch-Site': 'same-site' } })).status,
    ).toBe(403);
  });

  it('answers the same services as the desktop, validating input', async () => {
    const info = await call('/api/getAppInfo', {
      method: 'POST',
      body: '{}',
      headers: { ...cookie, Origin: `http://${hostName}:${port}`, 'Sec-Fetch-Site': 'same-origin' },
    });
    expect(info.status).toBe(200);
    expect((JSON.parse(info.body) as { value: unknown }).value).toMatchObject({
      name: 'CSM Workstation',
      version: '9.9.9',
      host: 'browser',
      dataLocation: `http://${hostName}:${port}`,
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
    expect(
      (await call('/api/openExternal', { method: 'POST', body: '{}', headers: cookie })).status,
    ).toBe(404);
    expect((await call('/api/getAppInfo', { headers: cookie })).status).toBe(404);
  });

  it('answers malformed JSON and a broken frame with 400, not 500', async () => {
    const json = await call('/api/getAppInfo', { method: 'POST', body: '{"x', headers: cookie });
    expect(json.status).toBe(400);
    expect((JSON.parse(json.body) as { error: string }).error).toMatch(/not valid/);
    const framed = await call('/api/parseInventory', {
      method: 'POST',
      body: new Uint8Array([0, 0, 0, 200, 1, 2]),
      headers: { ...cookie, 'Content-Type': FRAMED_CONTENT_TYPE },
    });
    expect(framed.status).toBe(400);
  });

  it('refuses a body larger than its capability takes before reading it', async () => {
    const declared = await call('/api/parseInventory', {
      method: 'POST',
      headers: {
        ...cookie,
        'Content-Type': FRAMED_CONTENT_TYPE,
        'Content-Length': String(500 * 2 ** 20),
      },
    });
    expect(declared.status).toBe(413);
    const small = await call('/api/getAppInfo', {
      method: 'POST',
      body: JSON.stringify({ pad: 'x'.repeat(2 * 2 ** 20) }),
      headers: cookie,
    });
    expect(small.status).toBe(413);
    // Streamed without a length: counted as it arrives and stopped at the limit (register: 21 MB).
    const streamed = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/parseRegister',
          method: 'POST',
          headers: { Host: `${hostName}:${port}`, ...cookie, 'Content-Type': FRAMED_CONTENT_TYPE },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      const chunk = Buffer.alloc(2 ** 20);
      let sent = 0;
      const pump = () => {
        while (sent < 40 && req.write(chunk)) sent++;
        if (sent < 40) req.once('drain', pump);
        else req.end();
      };
      pump();
    });
    expect(streamed).toBe(413);
  });

  it('keeps a safety backup in its own folder, readable by this user only', async () => {
    const reply = await call('/api/keepSafetyBackup', {
      method: 'POST',
      headers: { ...cookie, 'Content-Type': FRAMED_CONTENT_TYPE },
      body: encodeFramed({ bytes: new TextEncoder().encode('{"formatName":"dexie"}') }),
    });
    const { path } = (JSON.parse(reply.body) as { value: { path: string } }).value;
    expect(path.startsWith(join(dataDir, 'backups', 'before-restore-'))).toBe(true);
    expect(await readFile(path, 'utf8')).toBe('{"formatName":"dexie"}');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });
});

describe('opening the browser', () => {
  it('hands the browser a private page, never the token on a command line', async () => {
    const calls: string[][] = [];
    const page = await openBrowser(
      `http://${hostName}:4517/?token=secret-token-1234567890`,
      (command, args) => {
        calls.push([command, ...args]);
        return { on: () => undefined, unref: () => undefined };
      },
    );
    expect(calls).toHaveLength(1);
    expect(calls[0]?.join(' ')).not.toContain('secret-token');
    expect(calls[0]).toContain(page);
    expect(await readFile(page, 'utf8')).toContain(
      `url=http://${hostName}:4517/?token=secret-token-1234567890`,
    );
    expect((await stat(page)).mode & 0o777).toBe(0o600);
  });

  it('keeps one host name per installation', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'csm-install-'));
    const first = await installationHost(folder);
    expect(first).toMatch(/^w[0-9a-f]{20}\.localhost$/);
    expect(await installationHost(folder)).toBe(first);
    expect(await installationHost(await mkdtemp(join(tmpdir(), 'csm-install-')))).not.toBe(first);
    await expect(installationHost(folder, 'Evil.Name')).rejects.toThrow(/8 to 40 letters/);
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

  it('parses file bytes in the worker and answers the counts, then the devices as their device list, once', async () => {
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
          deviceList: { hash: string; bytes: number };
          summary: { counts: Record<string, number> };
        };
      }
    ).value;
    expect(parsed.summary.counts).toEqual({ headsets: 0, video: 1, voice: 1 });
    expect(parsed.devices).toEqual([]);
    const answer = await call('/api/inventoryDevices', {
      method: 'POST',
      body: JSON.stringify({ taskId: 't1' }),
      headers: cookie,
    });
    // Bytes travel framed, as bytes: never as a JSON object of numbered keys.
    expect(answer.headers['content-type']).toBe(FRAMED_CONTENT_TYPE);
    const framed = decodeFramed(answer.raw) as { ok: boolean; value: Uint8Array };
    expect(framed.ok).toBe(true);
    expect(framed.value).toBeInstanceOf(Uint8Array);
    const text = new TextDecoder().decode(framed.value);
    const list = JSON.parse(text) as DeviceList;
    // The worker's hash is the one the window would compute: the list is stored under it as it is.
    expect(parsed.deviceList).toEqual({
      hash: deviceListHash(list),
      bytes: framed.value.byteLength,
    });
    expect(answer.raw.byteLength).toBeLessThan(framed.value.byteLength + 64);
    expect(readDeviceList(list, null).map((d) => [d.serial, d.site])).toEqual([
      ['A1', 'Malmö'],
      ['B2', 'Lund'],
    ]);
    const gone = await call('/api/inventoryDevices', {
      method: 'POST',
      body: JSON.stringify({ taskId: 't1' }),
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
        'this is a PNG image, not a spreadsheet: export the inventory from Poly Lens as CSV or Excel, or save it in Excel as "Excel Workbook (.xlsx)"',
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

describe('Lens API pulls through the browser host', () => {
  let lens: FakeLens;
  const post = (capability: string, input: unknown) =>
    call(`/api/${capability}`, { method: 'POST', body: JSON.stringify(input), headers: cookie });
  const connection = () => ({
    label: 'Partner Lens',
    clientId: lens.clientId,
    clientSecret: lens.clientSecret,
    tokenUrl: lens.tokenUrl,
    apiUrl: lens.apiUrl,
    tenantIds: ['tenant-7'],
  });

  beforeAll(async () => {
    lens = await startFakeLens({
      tenants: [{ id: 'tenant-7', name: 'Kvarnen & Co', devices: fakeDevices('tenant-7', 4_321) }],
    });
  });
  afterAll(() => lens.close());

  it('keeps the secret in the host: saved after reaching each tenant, never answered, file for this user only', async () => {
    const refused = await post('saveLensConnection', { ...connection(), clientSecret: 'wrong' });
    expect(JSON.parse(refused.body)).toEqual({
      ok: false,
      error: 'signing in to Lens: the client ID and secret were refused (401)',
    });
    await expect(stat(join(dataDir, 'lens-connections.json'))).rejects.toThrow(/ENOENT/);

    const saved = await post('saveLensConnection', connection());
    const { value } = JSON.parse(saved.body) as { value: Record<string, unknown> };
    expect(value).toMatchObject({
      label: 'Partner Lens',
      clientId: lens.clientId,
      tenants: [{ id: 'tenant-7', name: 'Kvarnen & Co', devices: 4_321 }],
    });
    const listed = await post('listLensConnections', {});
    expect(listed.body).not.toContain(lens.clientSecret);
    expect(saved.body).not.toContain(lens.clientSecret);
    expect(JSON.parse(listed.body)).toMatchObject({ value: { protection: 'file' } });
    expect((await stat(join(dataDir, 'lens-connections.json'))).mode & 0o777).toBe(0o600);
  });

  it('pulls a tenant into the same answer as a file, with where it came from', async () => {
    const { value } = JSON.parse((await post('listLensConnections', {})).body) as {
      value: { connections: { id: string }[] };
    };
    const connectionId = value.connections[0]!.id;
    const pull = (taskId: string) =>
      post('pullLens', {
        taskId,
        connectionId,
        tenantId: 'tenant-7',
        asOf: '2026-12-01',
        mapping: null,
        locale: 'sv-SE',
        overrides: [],
      });
    const reply = await pull('pull-1');
    const parsed = (
      JSON.parse(reply.body) as {
        value: {
          file: string;
          rows: number;
          asOf: string;
          accounts: unknown[];
          source: Record<string, string>;
          deviceList: { hash: string };
        };
      }
    ).value;
    expect(parsed).toMatchObject({
      file: 'Lens API – Kvarnen & Co',
      rows: 4_321,
      asOf: '2026-12-01',
      accounts: [{ account: 'Kvarnen & Co', accountId: 'tenant-7', devices: 4_321 }],
      source: { kind: 'lens-api', tenantId: 'tenant-7', tenant: 'Kvarnen & Co' },
    });
    const devices = await post('inventoryDevices', { taskId: 'pull-1' });
    const { value: listBytes } = decodeFramed(devices.raw) as { value: Uint8Array };
    const list = JSON.parse(new TextDecoder().decode(listBytes)) as DeviceList;
    expect(readDeviceList(list, null)).toHaveLength(4_321);
    // The same tenant again: the same content, so the import will find it unchanged.
    const again = JSON.parse((await pull('pull-2')).body) as { value: { contentHash: string } };
    expect(again.value.contentHash).toBe(
      (parsed as unknown as { contentHash: string }).contentHash,
    );

    lens.faults.push({ kind: 'status', status: 404 });
    expect(JSON.parse((await pull('pull-3')).body)).toEqual({
      ok: false,
      error: 'reading page 1 of tenant "tenant-7": Lens answered 404',
    });
    // Nothing of a failed pull is held.
    expect((await post('inventoryDevices', { taskId: 'pull-3' })).status).toBe(500);
  });
});
