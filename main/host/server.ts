/**
 * The browser host: the built renderer and the same main services over HTTP on 127.0.0.1 only.
 * Guarded by a random per-run token: the printed link carries it once, the server swaps it for an
 * HttpOnly, SameSite=Strict cookie, and every other request needs that cookie. Requests whose Host or
 * Origin is not this server's (DNS rebinding, other sites) are refused.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { API, MAX_FILE_BYTES, type Capability, type ProgressEvent } from '../../shared/api';
import { decodeFramed, FRAMED_CONTENT_TYPE } from '../../shared/api-wire';
import { UnusableFileError } from '../services/inventory/errors';
import { CancelledError } from '../services/inventory/run-worker';
import { services, type ServiceCapability, type ServiceContext } from '../services/registry';
import { serveStatic } from '../services/static-files';

export interface HostConfig {
  root: string;
  token: string;
  port: number;
  version: string;
  /** Opens a vetted https URL in the user's browser. */
  openUrl: (url: string) => Promise<void>;
  inventoryWorker: string;
}

const COOKIE = 'csm_token';
/** JSON bodies carry at most a table for a workbook (a 100k-row export is ~15 MB). */
const MAX_JSON_BYTES = 256 * 2 ** 20;

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieToken(request: IncomingMessage): string {
  const header = request.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return value.join('=');
  }
  return '';
}

function send(
  response: ServerResponse,
  status: number,
  body: string,
  type = 'text/plain; charset=utf-8',
): void {
  response.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(body);
}

async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('request too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The request input: framed (with file bytes) or plain JSON. */
async function readInput(request: IncomingMessage): Promise<unknown> {
  if (request.headers['content-type'] === FRAMED_CONTENT_TYPE) {
    const body = await readBody(request, MAX_FILE_BYTES + MAX_JSON_BYTES);
    return decodeFramed(new Uint8Array(body.buffer, body.byteOffset, body.byteLength));
  }
  const text = (await readBody(request, MAX_JSON_BYTES)).toString('utf8');
  return JSON.parse(text || '{}') as unknown;
}

function isServiceCapability(name: string): name is ServiceCapability {
  return Object.hasOwn(services, name) && Object.hasOwn(API, name);
}

export function createHostServer(config: HostConfig): Server {
  const origins = new Set([`127.0.0.1:${config.port}`, `localhost:${config.port}`]);
  const listeners = new Set<ServerResponse>();
  const context: ServiceContext = {
    host: 'browser',
    version: config.version,
    dataLocation: `this browser's storage for http://127.0.0.1:${config.port}`,
    progress: (event: ProgressEvent) => {
      for (const listener of listeners) listener.write(`data: ${JSON.stringify(event)}\n\n`);
    },
    openUrl: config.openUrl,
    inventoryWorker: config.inventoryWorker,
  };

  const callService = async (request: IncomingMessage, response: ServerResponse, name: string) => {
    if (request.method !== 'POST' || !isServiceCapability(name))
      return send(response, 404, 'Not found');
    const origin = request.headers.origin;
    if (origin !== undefined && !origins.has(origin.replace(/^http:\/\//, '')))
      return send(response, 403, 'Forbidden origin');
    try {
      const parsed = API[name satisfies Capability].input.safeParse(await readInput(request));
      if (!parsed.success)
        return send(
          response,
          400,
          JSON.stringify({ error: parsed.error.issues[0]?.message }),
          'application/json',
        );
      const value = await (
        services[name] as (input: unknown, c: ServiceContext) => Promise<unknown>
      )(parsed.data, context);
      if (value instanceof Uint8Array) {
        response.writeHead(200, {
          'Content-Type': 'application/octet-stream',
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
        });
        return response.end(value);
      }
      return send(response, 200, JSON.stringify({ ok: true, value }), 'application/json');
    } catch (error) {
      // A refused file or a cancelled task is an answer, not a fault: 200 with the reason.
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof UnusableFileError || error instanceof CancelledError) {
        return send(
          response,
          200,
          JSON.stringify({ ok: false, error: message }),
          'application/json',
        );
      }
      return send(response, 500, JSON.stringify({ error: message }), 'application/json');
    }
  };

  const route = async (request: IncomingMessage, response: ServerResponse) => {
    if (!origins.has(request.headers.host ?? '')) return send(response, 421, 'Misdirected request');
    const rawPath = (request.url ?? '/').split('?')[0] ?? '/';
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${config.port}`);
    const offered = url.searchParams.get('token');
    if (offered !== null) {
      if (!sameToken(offered, config.token))
        return send(
          response,
          403,
          'This link has expired: open the link the browser host printed.',
        );
      response.writeHead(303, {
        Location: '/',
        'Set-Cookie': `${COOKIE}=${config.token}; HttpOnly; SameSite=Strict; Path=/`,
        'Cache-Control': 'no-store',
      });
      return response.end();
    }
    if (!sameToken(cookieToken(request), config.token)) {
      return send(
        response,
        401,
        'CSM Workstation: open the link the browser host printed in its terminal.',
      );
    }
    if (url.pathname === '/api/events') {
      response.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      response.write(': connected\n\n');
      listeners.add(response);
      request.on('close', () => listeners.delete(response));
      return undefined;
    }
    if (url.pathname.startsWith('/api/'))
      return callService(request, response, url.pathname.slice('/api/'.length));
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return send(response, 405, 'Method not allowed');
    const file = await serveStatic(config.root, rawPath);
    response.writeHead(file.status, file.headers);
    return response.end(request.method === 'HEAD' ? undefined : file.body);
  };

  return createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      if (!response.headersSent)
        send(response, 500, error instanceof Error ? error.message : 'internal error');
      else response.end();
    });
  });
}
