/**
 * The sync service's answers before it needs the database, and when the database is away: each
 * failure in the one sync failure shape, with the status that says its kind.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPool, type Pool } from '../../../../main/sync-server/pool';
import { startSyncServer } from '../../../../main/sync-server/server';
import { failureBodySchema } from '../../../../shared/sync/failure';

/** A port nothing listens on: the team database is away. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let pool: Pool;
let service: Awaited<ReturnType<typeof startSyncServer>>;

beforeAll(async () => {
  pool = openPool(`postgres://csm@127.0.0.1:${await closedPort()}/team`);
  service = await startSyncServer({ pool, port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await service.close();
  await pool.end();
});

const failure = async (response: Response) => failureBodySchema.parse(await response.json());

describe('the sync service’s failure answers', () => {
  it('answers the health check without a token', async () => {
    const response = await fetch(`${service.url}/v1/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('tells an older app to update, in the failure shape', async () => {
    const response = await fetch(`${service.url}/v1/me`, { headers: { 'x-csm-protocol': '0' } });
    expect(response.status).toBe(426);
    const body = await failure(response);
    expect(body.kind).toBe('update');
    expect(body.message).toMatch(/update it; your unsynced changes are kept/);
    expect(body.error).toBe(body.message);
  });

  it('refuses a request without a token', async () => {
    const response = await fetch(`${service.url}/v1/pull?after=0`);
    expect(response.status).toBe(401);
    expect(await failure(response)).toMatchObject({
      kind: 'unauthorized',
      message: 'the access token is not valid (or was revoked)',
    });
  });

  it('asks to come back shortly when the team database cannot be reached', async () => {
    const response = await fetch(`${service.url}/v1/me`, {
      headers: { authorization: 'Bearer csm_whatever' },
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(await failure(response)).toEqual({
      kind: 'database',
      message: 'the team server cannot reach its database',
      error: 'the team server cannot reach its database',
    });
  });
});
