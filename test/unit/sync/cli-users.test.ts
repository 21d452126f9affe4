/**
 * `csm sync-admin list-users` and `set-role` (FORMATS.md §5), the built command in its own process
 * against a real PostgreSQL: each user's role, last seen and expiry; a role changed, with what is
 * wrong said in one line; the last admin kept, as the service's Users panel keeps it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SYNC_PROTOCOL } from '../../../shared/sync/protocol';
import type { TeamUser } from '../../../shared/sync/users';
import { startTeam, type Team } from '../../support/team';
import { spawnCsm } from '../main/cli/spawn-csm';
import { customer } from './fixtures';

let team: Team;
let database: string;

beforeAll(async () => {
  team = await startTeam('cliusers');
  database = team.postgres.url('cliusers');
});

afterAll(async () => {
  await team?.stop();
});

const csm = (...args: string[]) => spawnCsm(['sync-admin', ...args, '--database', database]);

it('lists the users with role, last seen and expiry; set-role changes a role', async () => {
  await team.token('Ada', 'admin');
  const karin = await team.token('Karin', 'csm');
  const pushed = await fetch(`${team.url}/v1/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${karin}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      protocol: SYNC_PROTOCOL,
      clientId: randomUUID(),
      changes: [
        {
          seq: 1,
          entity: 'customers',
          id: 'cli-1',
          op: 'put',
          baseVersion: 0,
          fields: customer('cli-1'),
        },
      ],
    }),
  });
  expect(pushed.status).toBe(200);

  const text = await csm('list-users');
  expect(text.code).toBe(0);
  const lines = text.stdout.split('\n');
  expect(lines[0]).toBe('ada@partner.se\tAda\tadmin\tnever seen\tno expiry');
  expect(lines[1]).toMatch(
    /^karin@partner\.se\tKarin\tcsm\tseen \d{4}-\d\d-\d\dT[\d:.]+Z\tno expiry$/,
  );

  const changed = await csm('set-role', '--email', 'KARIN@partner.se', '--role', 'account-manager');
  expect(changed).toMatchObject({ code: 0, stdout: 'karin@partner.se is now account-manager.\n' });
  const listed = JSON.parse((await csm('list-users', '--json')).stdout) as TeamUser[];
  expect(listed.find((u) => u.email === 'karin@partner.se')).toMatchObject({
    role: 'account-manager',
    lastSeenAt: expect.any(String) as string,
    revokedAt: null,
  });
  const asJson = await csm('set-role', '--email', 'karin@partner.se', '--role', 'csm', '--json');
  expect(JSON.parse(asJson.stdout)).toMatchObject({ email: 'karin@partner.se', role: 'csm' });
});

it('says what is wrong: a role it does not know, no such user, the last admin', async () => {
  expect(await csm('set-role', '--email', 'karin@partner.se', '--role', 'boss')).toMatchObject({
    code: 2,
    stderr: 'csm: set-role needs --email and --role admin|csm|account-manager|read-only\n',
  });
  expect(await csm('set-role', '--email', 'nobody@partner.se', '--role', 'csm')).toMatchObject({
    code: 2,
    stderr: 'csm: there is no active user with the e-mail nobody@partner.se\n',
  });
  const only =
    "ada@partner.se is the team's only admin: make another user admin first, or no one could manage the team's users";
  expect(await csm('set-role', '--email', 'ada@partner.se', '--role', 'csm')).toMatchObject({
    code: 2,
    stderr: `csm: ${only}\n`,
  });
  expect(await csm('revoke-user', '--email', 'ada@partner.se')).toMatchObject({
    code: 2,
    stderr: `csm: ${only}\n`,
  });
  // With a second admin the first may go.
  expect((await csm('set-role', '--email', 'karin@partner.se', '--role', 'admin')).code).toBe(0);
  expect(await csm('revoke-user', '--email', 'ada@partner.se')).toMatchObject({
    code: 0,
    stdout: 'Revoked ada@partner.se.\n',
  });
  const unknown = await spawnCsm(['sync-admin', 'promote', '--database', database]);
  expect(unknown).toMatchObject({
    code: 2,
    stderr: 'csm: sync-admin needs migrate, add-user, revoke-user, list-users or set-role\n',
  });
});
