/** `csm sync-admin add-user --expires`: the token works until its expiry, shown in the users list. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { syncAdmin } from '../../../main/cli/sync';
import { startTeam, type Team } from '../../support/team';

let team: Team;
let database: string;

beforeAll(async () => {
  team = await startTeam('expiry');
  database = team.postgres.url('expiry');
});

afterAll(async () => {
  await team?.stop();
});

async function admin(action: Parameters<typeof syncAdmin>[0], options: object): Promise<string> {
  let out = '';
  await syncAdmin(action, { database, asJson: true, ...options }, (t) => (out += t));
  return out;
}

const me = (token: string) =>
  fetch(`${team.url}/v1/me`, { headers: { authorization: `Bearer ${token}` } });

it('a token with an expiry works until then, is listed with it, and stops at it', async () => {
  const next = new Date(Date.now() + 86_400_000 * 3).toISOString().slice(0, 10);
  const made = JSON.parse(
    await admin('add-user', { name: 'Temp', email: 'temp@partner.se', role: 'csm', expires: next }),
  ) as { token: string };
  expect((await me(made.token)).status).toBe(200);
  const listed = JSON.parse(await admin('list-users', {})) as {
    email: string;
    expiresAt: string;
  }[];
  const nextDay = new Date(`${next}T00:00:00.000Z`);
  nextDay.setUTCDate(nextDay.getUTCDate() + 1);
  expect(listed.find((u) => u.email === 'temp@partner.se')?.expiresAt).toBe(nextDay.toISOString());
  // Time passes: the expiry is reached.
  await team.pool.query(
    "UPDATE sync_users SET expires_at = now() - interval '1 second' WHERE email = 'temp@partner.se'",
  );
  expect((await me(made.token)).status).toBe(401);
  await expect(
    admin('add-user', { name: 'Old', email: 'old@partner.se', role: 'csm', expires: '2020-01-01' }),
  ).rejects.toThrow(/--expires 2020-01-01 is already past/);
  await expect(
    admin('add-user', { name: 'Bad', email: 'bad@partner.se', role: 'csm', expires: 'soon' }),
  ).rejects.toThrow(/--expires must be a date YYYY-MM-DD, not soon/);
});
