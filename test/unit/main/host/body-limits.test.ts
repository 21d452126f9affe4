/**
 * Every body is bounded before it is read, and in total (README, trust model): the browser host runs
 * in a process of its own and its peak resident memory (VmHWM) is read after each case. A body
 * declared too large is refused unread, a streamed one at its capability's limit, a large one is held
 * once (not as chunks and a copy), and uploads at once share one budget (HOST_BODY_BUDGET).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleForNode } from '../../../support/bundle';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { framedParts, FRAMED_CONTENT_TYPE, SESSION_KEY } from '../../../../shared/api-wire';
import { HOST_BODY_BUDGET, requestLimit } from '../../../../main/services/registry';
import { STREAMED_BYTES } from '../../../../main/host/bodies';

const MB = 2 ** 20;
/** What the host may hold beyond the bodies themselves: the runtime's own growth and buffers. */
const SLACK = 64 * MB;

let bundle = '';
let folder = '';
let host: { process: ChildProcess; port: number; headers: Record<string, string>; data: string };

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'csm-bodies-'));
  bundle = await bundleForNode('test/support/body-host.ts', 'body-host.cjs');
});

afterAll(() => rm(folder, { recursive: true, force: true }));

afterEach(() => host.process.kill());

async function startHost(): Promise<void> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  const data = await mkdtemp(join(folder, 'data-'));
  const child = spawn(process.execPath, [bundle, String(port), data], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout?.once('data', (chunk: Buffer) => resolve(chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the host exited with ${code}`)));
  });
  const session = JSON.parse(line) as { id: string; key: string };
  host = {
    process: child,
    port,
    data,
    headers: {
      Host: `wbodies.localhost:${port}`,
      Cookie: `csm_session_${port}=${session.id}`,
      [SESSION_KEY.header]: session.key,
      'Content-Type': FRAMED_CONTENT_TYPE,
    },
  };
}

/** The host's peak resident memory so far, in bytes. */
async function peakResident(): Promise<number> {
  const status = await readFile(`/proc/${host.process.pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]) * 1024;
}

/**
 * Posts `prefix` and then `bytes` zeros, a megabyte at a time as the socket takes them, declared or
 * streamed (chunked); answers the status, or 0 when the host closed the connection.
 */
function upload(
  capability: string,
  bytes: number,
  options: { declared: boolean; prefix?: Uint8Array; headersOnly?: boolean },
): Promise<number> {
  const prefix = options.prefix ?? new Uint8Array();
  return new Promise((resolve) => {
    const headers: Record<string, string> = { ...host.headers };
    if (options.declared) headers['Content-Length'] = String(prefix.length + bytes);
    const req = request(
      { host: '127.0.0.1', port: host.port, path: `/api/${capability}`, method: 'POST', headers },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      },
    );
    req.on('error', () => resolve(0));
    const chunk = Buffer.alloc(MB);
    let sent = 0;
    // Only the headers: the answer must come without the body.
    if (options.headersOnly) return void req.flushHeaders();
    req.write(prefix);
    const pump = () => {
      while (sent < bytes && !req.destroyed) {
        const part = Math.min(MB, bytes - sent);
        sent += part;
        if (!req.write(part === MB ? chunk : chunk.subarray(0, part)))
          return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

/** The framed start of a safety backup of `bytes` bytes: its length, then its JSON. */
const backupPrefix = () => {
  const [length, json] = framedParts({ bytes: new Uint8Array(1) });
  return Buffer.concat([length, json]);
};

describe('request bodies in the browser host', () => {
  it('refuses a body declared larger than its capability takes before reading it', async () => {
    await startHost();
    const before = await peakResident();
    const limit = requestLimit('keepSafetyBackup');
    expect(
      await upload('keepSafetyBackup', limit + MB, { declared: true, headersOnly: true }),
    ).toBe(413);
    expect((await peakResident()) - before).toBeLessThan(SLACK);
  });

  it('stops a streamed body at its capability limit, holding no more than that', async () => {
    await startHost();
    const before = await peakResident();
    const limit = requestLimit('parseRegister');
    expect(await upload('parseRegister', 3 * limit, { declared: false })).toBe(413);
    expect((await peakResident()) - before).toBeLessThan(2 * STREAMED_BYTES + SLACK);
  });

  it('takes files only with their length: four large streamed uploads at once are each stopped early', async () => {
    await startHost();
    const before = await peakResident();
    const statuses = await Promise.all(
      [1, 2, 3, 4].map(() => upload('keepSafetyBackup', 200 * MB, { declared: false })),
    );
    expect(statuses).toEqual([413, 413, 413, 413]);
    expect((await peakResident()) - before).toBeLessThan(4 * 2 * STREAMED_BYTES + SLACK);
  });

  it('holds a large safety backup once, not as its chunks and a copy', async () => {
    await startHost();
    const before = await peakResident();
    const size = 300 * MB;
    const status = await upload('keepSafetyBackup', size, {
      declared: true,
      prefix: backupPrefix(),
    });
    expect(status).toBe(200);
    const [kept] = await readdir(join(host.data, 'backups'));
    expect(kept).toMatch(/^before-restore-.*\.json$/);
    expect((await peakResident()) - before).toBeLessThan(size + SLACK);
  });

  it('holds four large uploads at once within one budget, refusing the rest as busy', async () => {
    await startHost();
    const before = await peakResident();
    const size = 200 * MB;
    const statuses = await Promise.all(
      [1, 2, 3, 4].map(() => upload('keepSafetyBackup', size, { declared: true })),
    );
    // Zeros are not a framed request: a body read whole is answered 400, one the budget refused 503.
    const fit = Math.floor(HOST_BODY_BUDGET / size);
    expect(statuses.toSorted()).toEqual([
      ...Array.from({ length: fit }, () => 400),
      ...Array.from({ length: 4 - fit }, () => 503),
    ]);
    expect((await peakResident()) - before).toBeLessThan(HOST_BODY_BUDGET + SLACK);
  });
});
