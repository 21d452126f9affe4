/**
 * The service's routes, as a table: each method and path with what answers it. Every route but the
 * health check runs for an authenticated user of a current app (the handler checks both first).
 *
 *   GET  /v1/health             the service is up (no token)
 *   GET  /v1/me                 who the token is, its role, the book's newest version
 *   POST /v1/push               a batch from a workstation's outbox → a receipt per change
 *   GET  /v1/pull?after=N       records changed after version N, a page at a time
 *   PUT  /v1/blobs/HASH         a device list (gzip of its JSON), checked against its hash
 *   GET  /v1/blobs/HASH         the same list back
 *   …    /v1/users…             the team's users, for admins only (./user-routes)
 */
import { issueMessage } from '../../shared/errors';
import { PULL_PAGE, pushRequestSchema, SYNC_PROTOCOL } from '../../shared/sync/protocol';
import { getBlob, putBlob } from './blobs';
import { HttpError, isDeeperThan, JSON_DEPTH, readBody, UPDATE_NEEDED } from './http';
import { unknownField } from '../../shared/sync/validate';
import { USER_ROUTES } from './user-routes';
import { pull } from './pull';
import { push } from './push';
import type { Reply, Route, RouteContext } from './route-types';
import { noteSeen, whoAmI } from './users';

/** The largest push body read (a batch of 500 changes of ordinary records fits many times). */
const PUSH_LIMIT = 16 * 1024 * 1024;
/** The largest device list accepted (a 100,000-device list gzips to a few megabytes). */
const BLOB_LIMIT = 128 * 1024 * 1024;

export type { Reply, Route, RouteContext } from './route-types';

async function pushRoute({ pool, user, request }: RouteContext): Promise<Reply> {
  let body: unknown;
  try {
    body = JSON.parse((await readBody(request, PUSH_LIMIT)).toString('utf8'));
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, 'the push is not JSON');
  }
  if (isDeeperThan(body, JSON_DEPTH))
    throw new HttpError(400, `the push nests deeper than ${JSON_DEPTH} levels`);
  const parsed = pushRequestSchema.safeParse(body);
  if (!parsed.success)
    throw new HttpError(
      400,
      `the push is malformed at ${issueMessage(parsed.error, 'its top', '')}`,
    );
  if (parsed.data.protocol < SYNC_PROTOCOL) throw new HttpError(426, UPDATE_NEEDED);
  parsed.data.changes.forEach((change, i) => {
    const field = unknownField(change.entity, change.fields);
    if (field)
      throw new HttpError(
        400,
        `changes[${i}] (${change.entity} ${change.id}): unknown field ${field}`,
      );
  });
  return { json: await push(pool, user, parsed.data) };
}

async function pullRoute({ pool, user, url }: RouteContext): Promise<Reply> {
  const after = Number(url.searchParams.get('after') ?? 0);
  const limit = Number(url.searchParams.get('limit') ?? PULL_PAGE);
  if (
    !Number.isSafeInteger(after) ||
    after < 0 ||
    !Number.isInteger(limit) ||
    limit < 1 ||
    limit > 5000
  )
    throw new HttpError(400, 'after must be a version ≥ 0 and limit 1 to 5,000');
  const page = await pull(pool, after, limit);
  await noteSeen(pool, user.id);
  return { json: page };
}

const BLOB = /^\/v1\/blobs\/([0-9a-f]{64})$/;

export const ROUTES: readonly Route[] = [
  {
    method: 'GET',
    path: '/v1/me',
    handle: async ({ pool, user }) => ({ json: await whoAmI(pool, user) }),
  },
  { method: 'POST', path: '/v1/push', handle: pushRoute },
  { method: 'GET', path: '/v1/pull', handle: pullRoute },
  {
    method: 'PUT',
    path: BLOB,
    async handle({ pool, user, request, params: [hash = ''] }) {
      if (user.role === 'read-only') throw new HttpError(403, 'the role read-only may not upload');
      await putBlob(pool, user, hash, await readBody(request, BLOB_LIMIT));
      return { json: { stored: hash } };
    },
  },
  {
    method: 'GET',
    path: BLOB,
    async handle({ pool, params: [hash = ''] }) {
      const bytes = await getBlob(pool, hash);
      if (!bytes) throw new HttpError(404, 'no such device list');
      return {
        bytes,
        headers: {
          'content-type': 'application/gzip',
          'cache-control': 'private, max-age=31536000, immutable',
          'content-length': bytes.length,
        },
      };
    },
  },
  ...USER_ROUTES,
];

/** The route for a request, with what its path captured; null when none answers it. */
export function findRoute(
  method: string,
  pathname: string,
): { route: Route; params: string[] } | null {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    if (typeof route.path === 'string') {
      if (route.path === pathname) return { route, params: [] };
      continue;
    }
    const match = route.path.exec(pathname);
    if (match) return { route, params: match.slice(1) };
  }
  return null;
}
