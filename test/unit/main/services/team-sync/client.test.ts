/**
 * The sync client against a server that answers what it likes: every answer is checked against its
 * schema before it is used, and every failure comes out as a SyncError of the kind its status means.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRemote } from '../../../../../main/services/team-sync/client';
import { failureBody, SyncError } from '../../../../../shared/sync/failure';

/** What the server answers next: status, body and headers. */
let next: { status: number; body: string; headers?: Record<string, string> };
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(next.status, { 'content-type': 'application/json', ...next.headers });
      response.end(next.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

const remote = () => createRemote({ server: url, token: 'csm_t', attempts: 1 });
const failed = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('the call did not fail');
    },
    (error: unknown) => error,
  );

describe('the sync client', () => {
  it('takes an answer that has its schema', async () => {
    next = { status: 200, body: JSON.stringify({ records: [], cursor: 4, hasMore: false }) };
    expect(await remote().pull(4)).toEqual({ records: [], cursor: 4, hasMore: false });
  });

  it('refuses an answer that does not, saying where it is wrong', async () => {
    next = {
      status: 200,
      body: JSON.stringify({ records: [{ version: 5, entity: 'devices', id: 'x' }], cursor: 5 }),
    };
    const error = await failed(remote().pull(4));
    expect(error).toBeInstanceOf(SyncError);
    expect(error).toMatchObject({ kind: 'server' });
    expect((error as Error).message).toMatch(/form this app does not know \(records\.0\.entity: /);
    next = { status: 200, body: JSON.stringify({ receipts: [{ seq: 1, status: 'maybe' }] }) };
    const push = remote().push({ protocol: 1, clientId: crypto.randomUUID(), changes: [] });
    expect(await failed(push)).toMatchObject({ kind: 'server' });
    next = { status: 200, body: JSON.stringify({ name: 'K', email: 'k@x', role: 'boss' }) };
    expect(await failed(remote().me())).toMatchObject({ kind: 'server' });
  });

  it('raises the service’s failure with the kind its status means', async () => {
    const cases = [
      { status: 422, kind: 'refused', message: 'the device list does not match its hash' },
      {
        status: 401,
        kind: 'unauthorized',
        message: 'the access token is not valid (or was revoked)',
      },
      { status: 426, kind: 'update', message: 'update it' },
    ] as const;
    for (const { status, kind, message } of cases) {
      next = { status, body: JSON.stringify(failureBody({ kind, message })) };
      expect(await failed(remote().me())).toMatchObject({ kind, message });
    }
    next = {
      status: 503,
      body: JSON.stringify(
        failureBody({ kind: 'database', message: 'the team server cannot reach its database' }),
      ),
      headers: { 'retry-after': '2' },
    };
    // Said as what happened, not as "the team server failed".
    expect(await failed(remote().me())).toMatchObject({
      kind: 'database',
      message: 'the team server cannot reach its database',
      retryAfterMs: 2000,
    });
    next = { status: 503, body: JSON.stringify(failureBody({ kind: 'server', message: 'busy' })) };
    expect(await failed(remote().me())).toMatchObject({
      kind: 'server',
      message: 'the team server answered 503: busy',
    });
  });

  it('reads an older service’s { error } and a proxy’s page as they come', async () => {
    next = { status: 403, body: JSON.stringify({ error: 'the role read-only may not upload' }) };
    expect(await failed(remote().me())).toMatchObject({
      kind: 'refused',
      message: 'the role read-only may not upload',
    });
    next = { status: 502, body: '<html>Bad gateway</html>' };
    expect(await failed(remote().me())).toMatchObject({
      kind: 'server',
      message: 'the team server answered 502: <html>Bad gateway</html>',
    });
    next = { status: 401, body: '' };
    expect(await failed(remote().me())).toMatchObject({
      kind: 'unauthorized',
      message: 'the access token is not valid',
    });
  });
});
