/**
 * The browser host: the built renderer and the same main services over HTTP on loopback only, at the
 * installation's own origin (`http://<random>.localhost:PORT`, see installation.ts).
 *
 * Trust model: the printed link carries a single-use launch token; redeeming it sets a random session
 * ID in an HttpOnly, SameSite=Strict cookie for that host name only, and hands the page the session's
 * key, which it keeps in its origin's storage. A cookie has no port, so Chromium also sends it to any
 * other server on the same name: every call needs the key beside the cookie, so a cookie seen there
 * opens nothing. The app's own files need the cookie only (they hold nothing of the user's). Requests whose
 * Host is not ours (DNS rebinding) or whose Origin or Sec-Fetch-Site is another site are refused, the
 * event stream included. Bodies are limited per capability before they are read, not after.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { API, type Capability, type ProgressEvent } from '../../shared/api';
import { carriesBytes, FRAMED_CONTENT_TYPE, framedParts, SESSION_KEY } from '../../shared/api-wire';
import { BodyBudget, readInput, refuseBody, RequestError } from './bodies';
import { UnusableFileError } from '../services/inventory/errors';
import { CancelledError } from '../services/inventory/errors';
import {
  HOST_BODY_BUDGET,
  requestLimit,
  services,
  type ServiceCapability,
  type ServiceContext,
} from '../services/registry';
import { serveStatic } from '../services/static-files';
import { TeamSync } from '../services/team-sync/connection';
import { FILE_SEALER, LensConnections } from '../services/lens/connections';
import type { HostSessions } from './sessions';
import { issueMessage, messageOf } from '../../shared/errors';

export interface HostConfig {
  root: string;
  sessions: HostSessions;
  port: number;
  /** The installation's host name, e.g. "w3k9….localhost". */
  hostName: string;
  version: string;
  inventoryWorker: string;
  /** Where the host keeps its own files (safety backups). */
  dataDir: string;
  /** The most bytes of request bodies held at once (HOST_BODY_BUDGET unless a test says less). */
  bodyBudget?: number;
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

const sendJson = (response: ServerResponse, status: number, value: unknown) =>
  send(response, status, JSON.stringify(value), 'application/json');

function isServiceCapability(name: string): name is ServiceCapability {
  return Object.hasOwn(services, name) && Object.hasOwn(API, name);
}

function cookieValue(request: IncomingMessage, name: string): string {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return '';
}

/**
 * The page that follows a redeemed link: it keeps the session's key in this origin's storage (never in
 * a URL, so never in the history) and goes on to the app, a same-origin step, so the Strict cookie is
 * sent after it. Its one script runs by its nonce; nothing else may.
 */
function enterPage(key: string, nonce: string): string {
  const store = `localStorage.setItem(${JSON.stringify(SESSION_KEY.storage)}, ${JSON.stringify(key)});`;
  return `<!doctype html><meta charset="utf-8"><title>CSM Workstation</title><script nonce="${nonce}">${store} location.replace('/');</script><noscript><p>CSM Workstation needs JavaScript.</p></noscript>\n`;
}

/** The key a call came with: its header, or on the event stream its query parameter. */
const offeredKey = (request: IncomingMessage, url: URL): string => {
  const header = request.headers[SESSION_KEY.header];
  return (typeof header === 'string' ? header : url.searchParams.get(SESSION_KEY.param)) ?? '';
};

export function createHostServer(config: HostConfig): Server {
  const origin = `http://${config.hostName}:${config.port}`;
  const host = `${config.hostName}:${config.port}`;
  const cookieName = `csm_session_${config.port}`;
  const listeners = new Set<ServerResponse>();
  const budget = new BodyBudget(config.bodyBudget ?? HOST_BODY_BUDGET);
  const context: ServiceContext = {
    host: 'browser',
    version: config.version,
    dataLocation: origin,
    dataDir: config.dataDir,
    progress: (event: ProgressEvent) => {
      for (const listener of listeners) listener.write(`data: ${JSON.stringify(event)}\n\n`);
    },
    inventoryWorker: config.inventoryWorker,
    // The browser host keeps Lens secrets in its own process and data folder, never in the page.
    lens: new LensConnections(config.dataDir, FILE_SEALER),
    teamSync: new TeamSync(config.dataDir, FILE_SEALER),
  };

  /** Another site's request: an Origin that is not ours, or a browser that says it is cross-site. */
  const isForeign = (request: IncomingMessage) => {
    const requestOrigin = request.headers.origin;
    const site = request.headers['sec-fetch-site'];
    return (
      (requestOrigin !== undefined && requestOrigin !== origin) ||
      (site !== undefined && site !== 'same-origin')
    );
  };

  const callService = async (request: IncomingMessage, response: ServerResponse, name: string) => {
    if (request.method !== 'POST' || !isServiceCapability(name))
      return send(response, 404, 'Not found');
    if (isForeign(request)) return send(response, 403, 'Forbidden origin');
    const share = budget.share();
    try {
      const input = await readInput(request, requestLimit(name), share);
      const parsed = API[name satisfies Capability].input.safeParse(input);
      if (!parsed.success)
        return sendJson(response, 400, {
          error: issueMessage(parsed.error),
        });
      const value = await (
        services[name] as (input: unknown, c: ServiceContext) => Promise<unknown>
      )(parsed.data, context);
      const answer = { ok: true, value };
      if (carriesBytes(answer)) {
        response.writeHead(200, {
          'Content-Type': FRAMED_CONTENT_TYPE,
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
        });
        for (const part of framedParts(answer)) response.write(part);
        return response.end();
      }
      return sendJson(response, 200, answer);
    } catch (error) {
      const message = messageOf(error);
      if (error instanceof RequestError) {
        if (error.status === 413 || error.status === 503) refuseBody(request, response, error);
        if (error.status === 503) response.setHeader('Retry-After', '5');
        sendJson(response, error.status, { error: message });
        return undefined;
      }
      // A refused file or a cancelled task is an answer, not a fault: 200 with the reason.
      if (error instanceof UnusableFileError || error instanceof CancelledError)
        return sendJson(response, 200, { ok: false, error: message });
      return sendJson(response, 500, { error: message });
    } finally {
      share.release();
    }
  };

  const openEvents = (request: IncomingMessage, response: ServerResponse) => {
    if (isForeign(request)) return send(response, 403, 'Forbidden origin');
    response.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    listeners.add(response);
    request.on('close', () => listeners.delete(response));
    return undefined;
  };

  const redeem = (request: IncomingMessage, response: ServerResponse, token: string) => {
    if (config.sessions.isSession(cookieValue(request, cookieName))) {
      response.writeHead(303, { Location: '/', 'Cache-Control': 'no-store' });
      return response.end();
    }
    const session = config.sessions.redeem(token);
    if (!session)
      return send(
        response,
        403,
        'This link has been used or has expired: open the newest link the browser host printed (press Enter in its terminal for a new one).',
      );
    const nonce = randomBytes(18).toString('base64');
    response.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Set-Cookie': `${cookieName}=${session.id}; HttpOnly; SameSite=Strict; Path=/`,
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'Content-Security-Policy': `default-src 'none'; script-src 'nonce-${nonce}'`,
    });
    return response.end(enterPage(session.key, nonce));
  };

  const route = async (request: IncomingMessage, response: ServerResponse) => {
    const rawPath = (request.url ?? '/').split('?')[0] ?? '/';
    const url = new URL(request.url ?? '/', origin);
    if (request.headers.host !== host) {
      // The bare loopback address only ever sends the browser on to the installation's own origin.
      if (request.headers.host === `127.0.0.1:${config.port}` && request.method === 'GET') {
        response.writeHead(307, { Location: `${origin}${url.pathname}${url.search}` });
        return response.end();
      }
      return send(response, 421, 'Misdirected request');
    }
    const offered = url.searchParams.get('token');
    if (offered !== null) return redeem(request, response, offered);
    const session = cookieValue(request, cookieName);
    if (!config.sessions.isSession(session))
      return send(
        response,
        401,
        'CSM Workstation: open the link the browser host printed in its terminal.',
      );
    if (
      url.pathname.startsWith('/api/') &&
      !config.sessions.isBound(session, offeredKey(request, url))
    )
      return sendJson(response, 401, {
        error:
          'This page is not signed in to the browser host: open the link it printed in its terminal.',
      });
    if (url.pathname === '/api/events') return openEvents(request, response);
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
