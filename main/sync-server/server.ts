/**
 * The sync service (`csm sync-server`): HTTP(S) in front of the team book in PostgreSQL. Stateless:
 * every request authenticates by its token, reads and writes in the database, and answers JSON.
 *
 *   GET  /v1/me                 who the token is, its role, the book's newest version
 *   POST /v1/push               a batch from a workstation's outbox → a receipt per change
 *   GET  /v1/pull?after=N       records changed after version N, a page at a time
 *   PUT  /v1/blobs/HASH         a device list (gzip of its JSON), checked against its hash
 *   GET  /v1/blobs/HASH         the same list back
 */
import { readFileSync } from 'node:fs';
import { createServer as createHttp, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo } from 'node:net';
import { pushRequestSchema, SYNC_PROTOCOL } from '../../shared/sync/protocol';
import {
  authenticate,
  ForeignClientError,
  getBlob,
  pull,
  push,
  putBlob,
  Refusal,
  whoAmI,
  type Pool,
} from './store';
import { issueMessage } from '../../shared/errors';

/** The largest push body read (a batch of 500 changes of ordinary records fits many times). */
const PUSH_LIMIT = 16 * 1024 * 1024;
/** The largest device list accepted (a 100,000-device list gzips to a few megabytes). */
const BLOB_LIMIT = 128 * 1024 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) throw new HttpError(413, `the body is over ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, `the body is over ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function send(response: ServerResponse, status: number, body: unknown, headers = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  response.end(text);
}

/** PostgreSQL unreachable or restarting: the client is asked to come back shortly. */
function isDatabaseDown(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return (
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'ETIMEDOUT',
      'EPIPE',
      '57P01',
      '57P02',
      '57P03',
      '08006',
      '08001',
    ].includes(code) ||
    /Connection terminated|timeout exceeded when trying to connect/i.test(
      String((error as Error).message),
    )
  );
}

export function handler(pool: Pool) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    try {
      const url = new URL(request.url ?? '/', 'http://sync');
      if (url.pathname === '/v1/health') return send(response, 200, { ok: true });
      const protocol = Number(request.headers['x-csm-protocol'] ?? SYNC_PROTOCOL);
      if (protocol < SYNC_PROTOCOL)
        throw new HttpError(
          426,
          'this version of CSM Workstation is older than the team server: update it; your unsynced changes are kept',
        );
      const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
      const user = token ? await authenticate(pool, token) : null;
      if (!user) throw new HttpError(401, 'the access token is not valid (or was revoked)');
      const blob = /^\/v1\/blobs\/([0-9a-f]{64})$/.exec(url.pathname);
      if (request.method === 'GET' && url.pathname === '/v1/me')
        return send(response, 200, await whoAmI(pool, user));
      if (request.method === 'GET' && url.pathname === '/v1/pull') {
        const after = Number(url.searchParams.get('after') ?? 0);
        const limit = Number(url.searchParams.get('limit') ?? 1000);
        if (
          !Number.isSafeInteger(after) ||
          after < 0 ||
          !Number.isInteger(limit) ||
          limit < 1 ||
          limit > 5000
        )
          throw new HttpError(400, 'after must be a version ≥ 0 and limit 1 to 5,000');
        return send(response, 200, await pull(pool, after, limit));
      }
      if (request.method === 'POST' && url.pathname === '/v1/push') {
        let body: unknown;
        try {
          body = JSON.parse((await readBody(request, PUSH_LIMIT)).toString('utf8'));
        } catch (error) {
          if (error instanceof HttpError) throw error;
          throw new HttpError(400, 'the push is not JSON');
        }
        const parsed = pushRequestSchema.safeParse(body);
        if (!parsed.success) {
          throw new HttpError(
            400,
            `the push is malformed at ${issueMessage(parsed.error, 'its top', '')}`,
          );
        }
        if (parsed.data.protocol < SYNC_PROTOCOL)
          throw new HttpError(
            426,
            'this version of CSM Workstation is older than the team server: update it; your unsynced changes are kept',
          );
        return send(response, 200, await push(pool, user, parsed.data));
      }
      if (blob && request.method === 'PUT') {
        if (user.role === 'read-only')
          throw new HttpError(403, 'the role read-only may not upload');
        await putBlob(pool, user, blob[1] ?? '', await readBody(request, BLOB_LIMIT));
        return send(response, 200, { stored: blob[1] });
      }
      if (blob && request.method === 'GET') {
        const bytes = await getBlob(pool, blob[1] ?? '');
        if (!bytes) throw new HttpError(404, 'no such device list');
        response.writeHead(200, {
          'content-type': 'application/gzip',
          'cache-control': 'private, max-age=31536000, immutable',
          'content-length': bytes.length,
        });
        return void response.end(bytes);
      }
      throw new HttpError(404, `no ${request.method} ${url.pathname}`);
    } catch (error) {
      if (error instanceof HttpError)
        return send(response, error.status, { error: error.message }, error.headers);
      if (error instanceof Refusal) return send(response, 422, { error: error.reason });
      if (error instanceof ForeignClientError) return send(response, 403, { error: error.message });
      if (isDatabaseDown(error))
        return send(
          response,
          503,
          { error: 'the team database is not reachable' },
          { 'retry-after': '2' },
        );
      process.stderr.write(
        `csm sync-server: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      return send(response, 500, { error: 'the server failed; the change was not saved' });
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
