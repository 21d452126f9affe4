/**
 * The team's users over the service's /v1/users (issue 21 point 5), raw HTTP against a real
 * PostgreSQL: only an admin lists, adds, changes a role or revokes; every other role is refused 403
 * with nothing written; input is checked; a new user's token is answered once; the last admin stays.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setRole, UserRefusal } from '../../../main/sync-server/users';
import { SYNC_PROTOCOL } from '../../../shared/sync/protocol';
import type { TeamUser } from '../../../shared/sync/users';
import { startTeam, type Team } from '../../support/team';
import { customer } from './fixtures';

let team: Team;
let tokens: Record<'admin' | 'csm' | 'account-manager' | 'read-only', string>;

beforeAll(async () => {
  team = await startTeam('users');
  tokens = {
    admin: await team.token('Ada', 'admin'),
    csm: await team.token('Karin', 'csm'),
    'account-manager': await team.token('Jonas', 'account-manager'),
    'read-only': await team.token('Rita', 'read-only'),
  };
});

afterAll(async () => {
  await team?.stop();
});

function call(token: string, method: 'GET' | 'POST', path: string, body?: unknown) {
  return fetch(`${team.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function answer<T>(response: Response, status = 200): Promise<T> {
  const text = await response.text();
  expect({ status: response.status, text }).toMatchObject({ status });
  return JSON.parse(text) as T;
}

/** The whole users table, to show a refused request wrote nothing. */
const usersTable = async () =>
  (await team.pool.query('SELECT * FROM sync_users ORDER BY id')).rows as unknown[];

const listed = async () =>
  (await answer<{ users: TeamUser[] }>(await call(tokens.admin, 'GET', '/v1/users'))).users;

const me = (token: string) => call(token, 'GET', '/v1/me');

describe('every users route is for admins only', () => {
  const requests: ['GET' | 'POST', string, unknown][] = [
    ['GET', '/v1/users', undefined],
    ['POST', '/v1/users', { name: 'Eve', email: 'eve@partner.se', role: 'admin', expires: null }],
    ['POST', '/v1/users/role', { email: 'karin@partner.se', role: 'admin' }],
    ['POST', '/v1/users/role', { email: 'ada@partner.se', role: 'read-only' }],
    ['POST', '/v1/users/revoke', { email: 'ada@partner.se' }],
  ];

  for (const role of ['csm', 'account-manager', 'read-only'] as const)
    it(`refuses the role ${role} 403, writing nothing`, async () => {
      const before = await usersTable();
      for (const [method, path, body] of requests) {
        const refused = await answer<{ kind: string; message: string }>(
          await call(tokens[role], method, path, body),
          403,
        );
        expect(refused).toMatchObject({
          kind: 'refused',
          message: `only an admin may manage the team's users (the role ${role} may not)`,
        });
      }
      expect(await usersTable()).toEqual(before);
    });

  it('refuses a request without a valid token 401', async () => {
    for (const [method, path, body] of requests)
      expect((await call('csm_not-a-token', method, path, body)).status).toBe(401);
  });
});

describe('an admin manages the users', () => {
  it('lists every user with role, created and last seen (the latest push or pull of any workstation)', async () => {
    const push = await call(tokens.csm, 'POST', '/v1/push', {
      protocol: SYNC_PROTOCOL,
      clientId: randomUUID(),
      changes: [
        {
          seq: 1,
          entity: 'customers',
          id: 'u-1',
          op: 'put',
          baseVersion: 0,
          fields: customer('u-1'),
        },
      ],
    });
    expect(push.status).toBe(200);
    const users = await listed();
    expect(users.map((u) => [u.email, u.role])).toEqual([
      ['ada@partner.se', 'admin'],
      ['jonas@partner.se', 'account-manager'],
      ['karin@partner.se', 'csm'],
      ['rita@partner.se', 'read-only'],
    ]);
    const seen = await team.pool.query<{ seen_at: Date }>(
      "SELECT max(c.seen_at) AS seen_at FROM sync_clients c JOIN sync_users u ON u.id = c.user_id WHERE u.email = 'karin@partner.se'",
    );
    expect(users.find((u) => u.email === 'karin@partner.se')).toMatchObject({
      name: 'Karin',
      lastSeenAt: seen.rows[0]?.seen_at.toISOString(),
      expiresAt: null,
      revokedAt: null,
    });
    expect(users.find((u) => u.email === 'rita@partner.se')?.lastSeenAt).toBeNull();
    expect(JSON.stringify(users)).not.toMatch(/csm_|token|hash/i);
    // A read-only user never pushes: a pull is what shows she is there.
    expect((await call(tokens['read-only'], 'GET', '/v1/pull?after=0')).status).toBe(200);
    const rita = (await listed()).find((u) => u.email === 'rita@partner.se');
    expect(Date.parse(rita?.lastSeenAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    // Pulling again within the minute writes nothing more.
    const stamp = await team.pool.query<{ seen_at: Date }>(
      "SELECT seen_at FROM sync_users WHERE email = 'rita@partner.se'",
    );
    await call(tokens['read-only'], 'GET', '/v1/pull?after=0');
    expect(
      (
        await team.pool.query<{ seen_at: Date }>(
          "SELECT seen_at FROM sync_users WHERE email = 'rita@partner.se'",
        )
      ).rows,
    ).toEqual(stamp.rows);
  });

  it('adds a user: the token answered once, stored only as its hash, working at once', async () => {
    const added = await answer<{ user: TeamUser; token: string }>(
      await call(tokens.admin, 'POST', '/v1/users', {
        name: ' Maja Berg ',
        email: 'Maja@Partner.se',
        role: 'account-manager',
        expires: '2099-06-30',
      }),
    );
    expect(added.token).toMatch(/^csm_[\w-]{43}$/);
    expect(added.user).toMatchObject({
      name: 'Maja Berg',
      email: 'maja@partner.se',
      role: 'account-manager',
      lastSeenAt: null,
      expiresAt: '2099-07-01T00:00:00.000Z',
      revokedAt: null,
    });
    expect(await answer(await me(added.token))).toMatchObject({ role: 'account-manager' });
    expect(JSON.stringify(await usersTable())).not.toContain(added.token);
    expect(JSON.stringify(await listed())).not.toContain(added.token);

    const twice = await call(tokens.admin, 'POST', '/v1/users', {
      name: 'Maja',
      email: 'maja@partner.se',
      role: 'csm',
      expires: null,
    });
    expect(await answer(twice, 409)).toMatchObject({
      message: 'a user with the e-mail maja@partner.se exists already',
    });
  });

  it('checks what it is sent: 400 and nothing written', async () => {
    const before = await usersTable();
    const bad: [string, unknown, RegExp][] = [
      ['/v1/users', { name: 'X', email: 'not-an-email', role: 'csm', expires: null }, /email/],
      ['/v1/users', { name: 'X', email: 'x@partner.se', role: 'boss', expires: null }, /role/],
      ['/v1/users', { name: '', email: 'x@partner.se', role: 'csm', expires: null }, /name/],
      ['/v1/users', { name: 'X', email: 'x@partner.se', role: 'csm' }, /expires/],
      ['/v1/users', { name: 'X', email: 'x@p.se', role: 'csm', expires: 'soon' }, /expires/],
      ['/v1/users', { name: 'X', email: 'x@p.se', role: 'csm', expires: null, admin: 1 }, /admin/],
      [
        '/v1/users',
        { name: 'X', email: 'x@p.se', role: 'csm', expires: '2020-01-01' },
        /2020-01-01 is already past/,
      ],
      ['/v1/users/role', { email: 'karin@partner.se', role: 'owner' }, /role/],
      ['/v1/users/role', { email: 'karin@partner.se' }, /role/],
      ['/v1/users/revoke', { email: '' }, /email/],
      ['/v1/users/revoke', [], /its top/],
    ];
    for (const [path, body, message] of bad) {
      const refused = await answer<{ message: string }>(
        await call(tokens.admin, 'POST', path, body),
        400,
      );
      expect(refused.message).toMatch(message);
    }
    const notJson = await fetch(`${team.url}/v1/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.admin}` },
      body: '{"name":',
    });
    expect(await answer(notJson, 400)).toMatchObject({ message: 'the request is not JSON' });
    const big = await call(tokens.admin, 'POST', '/v1/users', { name: 'x'.repeat(20_000) });
    expect(big.status).toBe(413);
    expect(await usersTable()).toEqual(before);
  });

  it('changes a role: the token acts in its new role at once', async () => {
    const changed = await answer<{ user: TeamUser }>(
      await call(tokens.admin, 'POST', '/v1/users/role', {
        email: 'RITA@partner.se',
        role: 'csm',
      }),
    );
    expect(changed.user).toMatchObject({ email: 'rita@partner.se', role: 'csm' });
    expect(await answer(await me(tokens['read-only']))).toMatchObject({ role: 'csm' });
    await call(tokens.admin, 'POST', '/v1/users/role', {
      email: 'rita@partner.se',
      role: 'read-only',
    });
    const nobody = await call(tokens.admin, 'POST', '/v1/users/role', {
      email: 'nobody@partner.se',
      role: 'csm',
    });
    expect(await answer(nobody, 404)).toMatchObject({
      message: 'there is no active user with the e-mail nobody@partner.se',
    });
  });

  it('revokes a user: the token stops at once, the user stays listed as revoked', async () => {
    const token = await team.token('Temp', 'csm');
    const revoked = await answer<{ user: TeamUser }>(
      await call(tokens.admin, 'POST', '/v1/users/revoke', { email: 'temp@partner.se' }),
    );
    expect(revoked.user.revokedAt).toEqual(expect.any(String));
    expect((await me(token)).status).toBe(401);
    expect((await listed()).find((u) => u.email === 'temp@partner.se')?.revokedAt).toBe(
      revoked.user.revokedAt,
    );
    const again = await call(tokens.admin, 'POST', '/v1/users/revoke', {
      email: 'temp@partner.se',
    });
    expect(again.status).toBe(404);
    const roleOfRevoked = await call(tokens.admin, 'POST', '/v1/users/role', {
      email: 'temp@partner.se',
      role: 'admin',
    });
    expect(roleOfRevoked.status).toBe(404);
  });
});

describe('the team keeps an admin', () => {
  const only =
    "ada@partner.se is the team's only admin: make another user admin first, or no one could manage the team's users";

  it('the only admin is neither demoted nor revoked, and says why', async () => {
    const before = await usersTable();
    const demoted = await call(tokens.admin, 'POST', '/v1/users/role', {
      email: 'ada@partner.se',
      role: 'csm',
    });
    expect(await answer(demoted, 409)).toMatchObject({ kind: 'refused', message: only });
    const revoked = await call(tokens.admin, 'POST', '/v1/users/revoke', {
      email: 'ada@partner.se',
    });
    expect(await answer(revoked, 409)).toMatchObject({ message: only });
    expect(await usersTable()).toEqual(before);
    // Admin to admin changes nothing and is no loss.
    const same = await call(tokens.admin, 'POST', '/v1/users/role', {
      email: 'ada@partner.se',
      role: 'admin',
    });
    expect(same.status).toBe(200);
  });

  it('an expired admin does not count; two admins demoting each other at once: one wins', async () => {
    const expired = await team.token('Old', 'admin');
    await team.pool.query(
      "UPDATE sync_users SET expires_at = now() - interval '1 second' WHERE email = 'old@partner.se'",
    );
    expect((await me(expired)).status).toBe(401);
    const stillOnly = await call(tokens.admin, 'POST', '/v1/users/role', {
      email: 'ada@partner.se',
      role: 'csm',
    });
    expect(stillOnly.status).toBe(409);

    // Bea demotes Ada in a transaction not yet committed; Ada's demotion of Bea comes meanwhile
    // (straight to the function both the route and csm run): it waits, then sees Bea is no admin.
    const bea = await team.token('Bea', 'admin');
    const first = await team.pool.connect();
    await first.query('BEGIN');
    await first.query(
      "SELECT id FROM sync_users WHERE role = 'admin' AND revoked_at IS NULL ORDER BY id FOR UPDATE",
    );
    await first.query("UPDATE sync_users SET role = 'csm' WHERE email = 'ada@partner.se'");
    let isSettled = false;
    const second = setRole(team.pool, 'bea@partner.se', 'csm').finally(() => (isSettled = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(isSettled).toBe(false);
    await first.query('COMMIT');
    first.release();
    await expect(second).rejects.toThrow(UserRefusal);
    await expect(second).rejects.toThrow("bea@partner.se is the team's only admin");
    expect((await call(bea, 'GET', '/v1/users')).status).toBe(200);
    expect((await call(tokens.admin, 'GET', '/v1/users')).status).toBe(403);
    const admins = await team.pool.query(
      "SELECT email FROM sync_users WHERE role = 'admin' AND revoked_at IS NULL AND expires_at IS NULL",
    );
    expect(admins.rowCount).toBe(1);
  });
});
