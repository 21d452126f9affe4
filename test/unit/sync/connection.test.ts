/**
 * The workstation's connection, kept by main: the token checked by the server before anything is
 * stored, kept sealed in a file only this user reads, never in what the screens are given.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TeamSync } from '../../../main/services/team-sync/connection';
import { setRole } from '../../../main/sync-server/users';
import { services, type ServiceContext } from '../../../main/services/registry';
import { FILE_SEALER } from '../../../main/services/lens/connections';
import { SYNC_PROTOCOL } from '../../../shared/sync/protocol';
import { startTeam, type Team } from '../../support/team';
import { customer } from './fixtures';

let team: Team;
let folder: string;

beforeAll(async () => {
  team = await startTeam('connection');
  folder = await mkdtemp(join(tmpdir(), 'csm-team-sync-'));
});

afterAll(async () => {
  await team?.stop();
  await rm(folder, { recursive: true, force: true });
});

it('connects only with a token the server takes, keeps it sealed and never hands it out', async () => {
  const teamSync = new TeamSync(folder, FILE_SEALER);
  const context = { teamSync } as unknown as ServiceContext;
  const token = await team.token('Karin', 'csm');

  expect(await teamSync.connect('ftp://example.org', token)).toMatchObject({
    ok: false,
    kind: 'refused',
  });
  expect(await teamSync.connect('http://sync.example.org', token)).toMatchObject({
    ok: false,
    message: expect.stringMatching(/https:\/\//) as string,
  });
  expect(await teamSync.connect(team.url, 'csm_not-a-token-at-all')).toMatchObject({
    ok: false,
    kind: 'unauthorized',
  });
  expect(await services.getTeamSync({}, context)).toBeNull();
  expect(await services.syncPull({ after: 0 }, context)).toMatchObject({
    ok: false,
    kind: 'notConnected',
  });

  const answer = await services.connectTeamSync({ server: `${team.url}/`, token }, context);
  expect(answer).toMatchObject({
    ok: true,
    value: { connection: { server: team.url, name: 'Karin', role: 'csm' } },
  });
  const path = join(folder, 'team-sync.json');
  expect((await stat(path)).mode & 0o777).toBe(0o600);
  expect(await readFile(path, 'utf8')).not.toContain(token);
  const seen = JSON.stringify([answer, await services.getTeamSync({}, context)]);
  expect(seen).not.toContain(token);
  expect(seen).not.toContain(Buffer.from(token).toString('base64'));

  // Pushes and pulls go through main with the kept token.
  const pushed = await services.syncPush(
    {
      protocol: SYNC_PROTOCOL,
      clientId: crypto.randomUUID(),
      changes: [
        {
          seq: 1,
          entity: 'customers',
          id: 'conn-1',
          op: 'put',
          baseVersion: 0,
          fields: { ...customer('conn-1') },
        },
      ],
    },
    context,
  );
  expect(pushed).toMatchObject({ ok: true, value: { receipts: [{ status: 'applied' }] } });
  expect(await services.syncPull({ after: 0 }, context)).toMatchObject({
    ok: true,
    value: { records: [{ id: 'conn-1', by: 'Karin' }] },
  });

  expect(await services.disconnectTeamSync({}, context)).toBe(true);
  expect(await services.getTeamSync({}, context)).toBeNull();
});

it('follows a role an admin changed: the next refresh keeps the new one, as the server enforces it', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'csm-team-sync-role-'));
  const teamSync = new TeamSync(dir, FILE_SEALER);
  const context = { teamSync } as unknown as ServiceContext;
  expect(await services.refreshTeamSync({}, context)).toMatchObject({
    ok: false,
    kind: 'notConnected',
  });
  await team.token('Admin Anna', 'admin');
  const token = await team.token('Per', 'csm');
  await teamSync.connect(team.url, token);
  expect(await services.refreshTeamSync({}, context)).toMatchObject({
    ok: true,
    value: { name: 'Per', role: 'csm' },
  });
  await setRole(team.pool, 'per@partner.se', 'account-manager');
  expect(await services.refreshTeamSync({}, context)).toMatchObject({
    ok: true,
    value: { name: 'Per', role: 'account-manager' },
  });
  // Kept: the app starts with the role the server gives, offline too.
  expect(await services.getTeamSync({}, context)).toMatchObject({ role: 'account-manager' });
  expect(await readFile(join(dir, 'team-sync.json'), 'utf8')).not.toContain(token);
  await rm(dir, { recursive: true, force: true });
});
