/**
 * The workstation's sync client (main process): talks to the sync service with the token main keeps,
 * retries what may pass on a second try (no network, time-outs, 5xx, 429 with its Retry-After) with
 * exponential backoff and jitter, and says plainly what will not (a revoked token, an app too old).
 * A push repeated after a dropped answer is safe: the service answers it from its stored receipts.
 */
import {
  SYNC_PROTOCOL,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type WhoAmI,
} from '../../shared/sync/protocol';
import type { Remote } from '../../shared/sync/engine';

export type SyncErrorKind = 'offline' | 'unauthorized' | 'update' | 'refused' | 'server';

export class SyncError extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

export interface RemoteOptions {
  /** The service's address, https:// (http:// only to this machine). */
  server: string;
  token: string;
  /** Per request. */
  timeoutMs?: number;
  /** Tries per request, the first included. */
  attempts?: number;
  /** Waits between tries (tests pass a fast one). */
  sleep?: (ms: number) => Promise<void>;
  baseDelayMs?: number;
}

const RETRYABLE: readonly SyncErrorKind[] = ['offline', 'server'];

function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** A service address users may give: https anywhere, http only on this machine. */
export function isSyncServerAddress(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.username || url.password) return false;
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

export function createRemote(options: RemoteOptions): Remote & {
  me(): Promise<WhoAmI>;
  putBlob(hash: string, gzipped: Uint8Array): Promise<void>;
  getBlob(hash: string): Promise<Uint8Array | null>;
} {
  const base = options.server.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 60_000;
  const attempts = options.attempts ?? 6;
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const baseDelay = options.baseDelayMs ?? 500;

  async function once(method: string, path: string, body?: string | Uint8Array, type?: string) {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${options.token}`,
          'x-csm-protocol': String(SYNC_PROTOCOL),
          ...(type ? { 'content-type': type } : {}),
        },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      throw new SyncError(
        'offline',
        timedOut
          ? `the team server did not answer within ${Math.round(timeoutMs / 1000)} s`
          : 'the team server cannot be reached',
      );
    }
    if (response.ok) return response;
    const text = await response.text().catch(() => '');
    let message = text;
    try {
      message = (JSON.parse(text) as { error?: string }).error ?? text;
    } catch {
      // Not JSON: a proxy's page; its status says enough.
    }
    const status = response.status;
    if (status === 401)
      throw new SyncError('unauthorized', message || 'the access token is not valid');
    if (status === 426) throw new SyncError('update', message);
    if (status === 429 || status >= 500)
      throw new SyncError(
        'server',
        `the team server answered ${status}${message ? `: ${message}` : ''}`,
        retryAfter(response.headers.get('retry-after')),
      );
    throw new SyncError('refused', message || `the team server answered ${status}`);
  }

  async function request(
    method: string,
    path: string,
    body?: () => string | Uint8Array,
    type?: string,
  ) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await once(method, path, body?.(), type);
      } catch (error) {
        if (!(error instanceof SyncError) || !RETRYABLE.includes(error.kind) || attempt >= attempts)
          throw error;
        const backoff = Math.min(30_000, baseDelay * 2 ** (attempt - 1));
        await sleep(error.retryAfterMs ?? backoff / 2 + Math.random() * (backoff / 2));
      }
    }
  }

  const json = async <T>(response: Response) => (await response.json()) as T;
  return {
    me: async () => json<WhoAmI>(await request('GET', '/v1/me')),
    push: async (body: PushRequest) =>
      json<PushResponse>(
        await request('POST', '/v1/push', () => JSON.stringify(body), 'application/json'),
      ),
    pull: async (after: number) =>
      json<PullResponse>(await request('GET', `/v1/pull?after=${after}`)),
    async putBlob(hash, gzipped) {
      await request('PUT', `/v1/blobs/${hash}`, () => gzipped, 'application/gzip');
    },
    async getBlob(hash) {
      try {
        return new Uint8Array(await (await request('GET', `/v1/blobs/${hash}`)).arrayBuffer());
      } catch (error) {
        if (error instanceof SyncError && error.kind === 'refused') return null;
        throw error;
      }
    },
  };
}
