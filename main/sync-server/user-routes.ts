/**
 * The team's users, for admins only (Settings → Team sync → Users). Every route checks the role
 * before it reads the body or the database: any other role is answered 403 and nothing is written.
 *
 *   GET  /v1/users              every user: role, created, last seen, expiry, revoked
 *   POST /v1/users              add a user → the user and its token, this once
 *   POST /v1/users/role         give a user another role (never the last admin's away)
 *   POST /v1/users/revoke       end a user's access at once (never the last admin's)
 */
import type { z } from 'zod';
import { issueMessage } from '../../shared/errors';
import {
  addUserRequestSchema,
  expiryOfLastDay,
  revokeUserRequestSchema,
  setRoleRequestSchema,
} from '../../shared/sync/users';
import { HttpError, readBody } from './http';
import type { Reply, Route, RouteContext } from './route-types';
import { addUser, listUsers, revokeUser, setRole, userByEmail, UserRefusal } from './users';

/** A users request is a few fields. */
const BODY_LIMIT = 16 * 1024;

/** Runs `handle` for an admin; any other role is refused before anything is read. */
function adminOnly(handle: (context: RouteContext) => Promise<Reply>) {
  return async (context: RouteContext): Promise<Reply> => {
    if (context.user.role !== 'admin')
      throw new HttpError(
        403,
        `only an admin may manage the team's users (the role ${context.user.role} may not)`,
      );
    try {
      return await handle(context);
    } catch (error) {
      if (error instanceof UserRefusal) throw new HttpError(error.status, error.message);
      throw error;
    }
  };
}

async function bodyOf<T>(context: RouteContext, schema: z.ZodType<T>): Promise<T> {
  let body: unknown;
  try {
    body = JSON.parse((await readBody(context.request, BODY_LIMIT)).toString('utf8'));
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, 'the request is not JSON');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new HttpError(
      400,
      `the request is malformed at ${issueMessage(parsed.error, 'its top')}`,
    );
  return parsed.data;
}

const noSuchUser = (email: string) =>
  new HttpError(404, `there is no active user with the e-mail ${email}`);

export const USER_ROUTES: readonly Route[] = [
  {
    method: 'GET',
    path: '/v1/users',
    handle: adminOnly(async ({ pool }) => ({ json: { users: await listUsers(pool) } })),
  },
  {
    method: 'POST',
    path: '/v1/users',
    handle: adminOnly(async (context) => {
      const { expires, ...request } = await bodyOf(context, addUserRequestSchema);
      const expiresAt = expires ? expiryOfLastDay(expires) : undefined;
      if (expiresAt === null) throw new HttpError(400, `the expiry ${expires} is already past`);
      const { token } = await addUser(context.pool, { ...request, expiresAt });
      return { json: { user: await userByEmail(context.pool, request.email), token } };
    }),
  },
  {
    method: 'POST',
    path: '/v1/users/role',
    handle: adminOnly(async (context) => {
      const { email, role } = await bodyOf(context, setRoleRequestSchema);
      const user = await setRole(context.pool, email, role);
      if (!user) throw noSuchUser(email);
      return { json: { user } };
    }),
  },
  {
    method: 'POST',
    path: '/v1/users/revoke',
    handle: adminOnly(async (context) => {
      const { email } = await bodyOf(context, revokeUserRequestSchema);
      if (!(await revokeUser(context.pool, email))) throw noSuchUser(email);
      return { json: { user: await userByEmail(context.pool, email) } };
    }),
  },
];
