/**
 * The workstation's sync client (main process): talks to the sync service with the token main keeps,
 * retries what may pass on a second try (no network, time-outs, 5xx, 429 with its Retry-After) with
 * exponential backoff and jitter, and says plainly what will not (a revoked token, an app too old).
 * Every answer is checked against its schema (shared/sync/protocol) before it is used; a failure
 * is raised as a SyncError of the one sync failure shape (shared/sync/failure).
 * A push repeated after a dropped answer is safe: the service answers it from its stored receipts.
 * A change to the team's users is sent once (an add repeated would be a second user, refused).
 */
import type { z } from 'zod';
import { issueMessage } from '../../../shared/errors';
import type { Remote } from '../../../shared/sync/engine';
import {
  failureBodySchema,
  failureKindOf,
  SyncError,
  type SyncFailureKind,
} from '../../../shared/sync/failure';
import {
  blobStoredSchema,
  pullResponseSchema,
  pushResponseSchema,
  SYNC_PROTOCOL,
  whoAmISchema,
  type PushRequest,
  type WhoAmI,
} from '../../../shared/sync/protocol';
import {
  addedUserSchema,
  changedUserSchema,
  teamUsersSchema,
  type AddedUser,
  type AddUserRequest,
  type RevokeUserRequest,
  type SetRoleRequest,
  type TeamUser,
} from '../../../shared/sync/users';

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

const RETRYABLE: readonly SyncFailureKind[] = ['offline', 'server', 'database'];

function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** The words of a failed answer (the service's failure body, or a proxy's page as it came) and its kind. */
function failureBodyOf(text: string): { message: string; kind?: SyncFailureKind } {
  try {
    const body = failureBodySchema.partial().safeParse(JSON.parse(text));
    return body.success
      ? { message: body.data.error ?? text, kind: body.data.kind }
      : { message: text };
  } catch {
    // Not JSON: a proxy's page; its status says enough.
    return { message: text };
  }
}

/** A failed answer as the SyncError of the kind its status means, in the user's words. */
function failureOf(status: number, text: string, headers: Headers): SyncError {
  const { message, kind: said } = failureBodyOf(text);
  // The service's own word for the one case its status shares with others: its database is down.
  if (said === 'database')
    return new SyncError(said, message, retryAfter(headers.get('retry-after')));
  const kind = failureKindOf(status);
  if (kind === 'unauthorized')
    return new SyncError(kind, message || 'the access token is not valid');
  if (kind === 'server')
    return new SyncError(
      kind,
      `the team server answered ${status}${message ? `: ${message}` : ''}`,
      retryAfter(headers.get('retry-after')),
    );
  if (kind === 'update') return new SyncError(kind, message);
  return new SyncError(kind, message || `the team server answered ${status}`);
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

/** The calls an admin makes about the team's users (the service refuses them to any other role). */
export interface UsersRemote {
  users(): Promise<TeamUser[]>;
  addUser(request: AddUserRequest): Promise<AddedUser>;
  setRole(request: SetRoleRequest): Promise<TeamUser>;
  revokeUser(request: RevokeUserRequest): Promise<TeamUser>;
}

export function createRemote(options: RemoteOptions): Remote &
  UsersRemote & {
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
    throw failureOf(response.status, await response.text().catch(() => ''), response.headers);
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

  /** An answer's body, checked against its schema: a server that answers otherwise is at fault. */
  async function json<T>(response: Response, schema: z.ZodType<T>): Promise<T> {
    const parsed = schema.safeParse(await response.json());
    if (parsed.success) return parsed.data;
    throw new SyncError(
      'server',
      `the team server answered in a form this app does not know (${issueMessage(parsed.error, 'its answer')})`,
    );
  }
  /** A change to the users: JSON sent once, its answer checked. */
  const change = async <T>(path: string, body: object, schema: z.ZodType<T>) =>
    json(await once('POST', path, JSON.stringify(body), 'application/json'), schema);
  return {
    me: async () => json(await request('GET', '/v1/me'), whoAmISchema),
    users: async () => (await json(await request('GET', '/v1/users'), teamUsersSchema)).users,
    addUser: (body) => change('/v1/users', body, addedUserSchema),
    setRole: async (body) => (await change('/v1/users/role', body, changedUserSchema)).user,
    revokeUser: async (body) => (await change('/v1/users/revoke', body, changedUserSchema)).user,
    push: async (body: PushRequest) =>
      json(
        await request('POST', '/v1/push', () => JSON.stringify(body), 'application/json'),
        pushResponseSchema,
      ),
    pull: async (after: number) =>
      json(await request('GET', `/v1/pull?after=${after}`), pullResponseSchema),
    async putBlob(hash, gzipped) {
      await json(
        await request('PUT', `/v1/blobs/${hash}`, () => gzipped, 'application/gzip'),
        blobStoredSchema,
      );
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
