/**
 * The users capabilities (listTeamUsers, addTeamUser, setTeamUserRole, revokeTeamUser) through main
 * with the token main keeps, against the service on a real PostgreSQL: each answer checked by its
 * schema, a refusal an answer to show, the admin's own token in none of them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_SEALER } from '../../../main/services/lens/connections';
import { services, type ServiceContext } from '../../../main/services/registry';
import { TeamSync } from '../../../main/services/team-sync/connection';
import { startTeam, type Team } from '../../support/team';

let team: Team;
let tokens: Record<'admin' | 'csm', string>;

beforeAll(async () => {
  team = await startTeam('usercaps');
  tokens = { admin: await team.token('Ada', 'admin'), csm: await team.token('Karin', 'csm') };
});

afterAll(async () => {
  await team?.stop();
});

const usersTable = async () =>
  (await team.pool.query('SELECT * FROM sync_users ORDER BY id')).rows as unknown[];

const me = (token: string) =>
  fetch(`${team.url}/v1/me`, { headers: { authorization: `Bearer ${token}` } });

describe('the capabilities, through main with the stored token', () => {
  async function connected(token: string) {
    const folder = await mkdtemp(join(tmpdir(), 'csm-team-users-'));
    const context = { teamSync: new TeamSync(folder, FILE_SEALER) } as unknown as ServiceContext;
    expect(await services.connectTeamSync({ server: team.url, token }, context)).toMatchObject({
      ok: true,
    });
    return { context, done: () => rm(folder, { recursive: true, force: true }) };
  }

  it('an admin lists, adds, changes and revokes; answers checked, its own token never in them', async () => {
    const { context, done } = await connected(tokens.admin);
    const list = await services.listTeamUsers({}, context);
    expect(list).toMatchObject({
      ok: true,
      value: [{ email: 'ada@partner.se' }, { email: 'karin@partner.se' }],
    });
    const added = await services.addTeamUser(
      { name: 'Nils', email: 'nils@partner.se', role: 'csm', expires: null },
      context,
    );
    if (!added.ok) throw new Error(added.message);
    expect(added.value.user).toMatchObject({ email: 'nils@partner.se', role: 'csm' });
    expect((await me(added.value.token)).status).toBe(200);
    expect(
      await services.setTeamUserRole({ email: 'nils@partner.se', role: 'read-only' }, context),
    ).toMatchObject({ ok: true, value: { role: 'read-only' } });
    expect(await services.revokeTeamUser({ email: 'nils@partner.se' }, context)).toMatchObject({
      ok: true,
      value: { revokedAt: expect.any(String) as string },
    });
    const again = await services.revokeTeamUser({ email: 'nils@partner.se' }, context);
    expect(again).toMatchObject({ ok: false, kind: 'refused', message: /no active user/ });
    const seen = JSON.stringify([list, added, again]);
    expect(seen).not.toContain(tokens.admin);
    await done();
  });

  it('a CSM is told the server refuses, and nothing is sent twice', async () => {
    const { context, done } = await connected(tokens.csm);
    const before = await usersTable();
    expect(await services.listTeamUsers({}, context)).toMatchObject({
      ok: false,
      kind: 'refused',
      message: /only an admin/,
    });
    expect(
      await services.addTeamUser(
        { name: 'Eve', email: 'eve@partner.se', role: 'admin', expires: null },
        context,
      ),
    ).toMatchObject({ ok: false, kind: 'refused' });
    expect(await usersTable()).toEqual(before);
    await done();
  });
});
