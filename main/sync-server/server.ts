/**
 * The sync service (`csm sync-server`): HTTP(S) in front of the team book in PostgreSQL. Stateless:
 * every request authenticates by its token, reads and writes in the database, and answers JSON (the
 * routes are the table in ./routes; a failure is answered in the one sync failure shape).
 */
import { readFileSync } from 'node:fs';
import { createServer as createHttp, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo } from 'node:net';
import { SYNC_PROTOCOL } from '../../shared/sync/protocol';
import { HttpError, isDatabaseDown, send, sendFailure, UPDATE_NEEDED } from './http';
import type { Pool } from './pool';
import { ForeignClientError, Refusal } from './refusals';
import { findRoute, type Reply } from './routes';
import { authenticate, type SyncUser } from './users';

/** The user a request is from: a current app (by its protocol header) with a valid token. */
async function requestUser(pool: Pool, request: IncomingMessage): Promise<SyncUser> {
  const protocol = Number(request.headers['x-csm-protocol'] ?? SYNC_PROTOCOL);
  if (protocol < SYNC_PROTOCOL) throw new HttpError(426, UPDATE_NEEDED);
  const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
  const user = token ? await authenticate(pool, token) : null;
  if (!user) throw new HttpError(401, 'the access token is not valid (or was revoked)');
  return user;
}

function reply(response: ServerResponse, answer: Reply): void {
  if ('json' in answer) return send(response, 200, answer.json);
  response.writeHead(200, answer.headers);
  response.end(answer.bytes);
}

/** A failure as its answer: what the client can act on, never the server's insides. */
function fail(response: ServerResponse, error: unknown): void {
  if (error instanceof HttpError) {
    if (error.status === 400) process.stderr.write(`csm sync-server: refused: ${error.message}\n`);
    return sendFailure(response, error.status, error.message, error.headers);
  }
  if (error instanceof Refusal) return sendFailure(response, 422, error.reason);
  if (error instanceof ForeignClientError) return sendFailure(response, 403, error.message);
  if (isDatabaseDown(error))
    return sendFailure(
      response,
      503,
      'the team server cannot reach its database',
      { 'retry-after': '2' },
      'database',
    );
  process.stderr.write(
    `csm sync-server: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  sendFailure(response, 500, 'the server failed; the change was not saved');
}

export function handler(pool: Pool) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    try {
      const url = new URL(request.url ?? '/', 'http://sync');
      if (url.pathname === '/v1/health') return send(response, 200, { ok: true });
      const user = await requestUser(pool, request);
      const method = request.method ?? 'GET';
      const found = findRoute(method, url.pathname);
      if (!found) throw new HttpError(404, `no ${method} ${url.pathname}`);
      reply(response, await found.route.handle({ pool, user, request, url, params: found.params }));
    } catch (error) {
      fail(response, error);
    }
  };
}

export interface SyncServerOptions {
  pool: Pool;
  port: number;
  host: string;
  tls?: { cert: string; key: string };
}

/** Starts listening; resolves with the address it serves. */
export async function startSyncServer(options: SyncServerOptions) {
  const handle = handler(options.pool);
  const listener = (request: IncomingMessage, response: ServerResponse) =>
    void handle(request, response);
  const server = options.tls
    ? createHttps(
        { cert: readFileSync(options.tls.cert), key: readFileSync(options.tls.key) },
        listener,
      )
    : createHttp(listener);
  server.requestTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const scheme = options.tls ? 'https' : 'http';
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `${scheme}://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
