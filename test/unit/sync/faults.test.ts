/**
 * Team sync when things go wrong, against a real PostgreSQL and the real service, with a proxy that
 * fails on cue: after each fault the team book and the workstation hold exactly the old or exactly the
 * new, the outbox is intact until its receipt, and nothing is applied twice.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { SyncError } from '../../../shared/sync/failure';
import { revokeUser } from '../../../main/sync-server/users';
import { syncDecisions } from '../../../renderer/db/sync-book';
import { SingleFlight, syncOnce } from '../../../shared/sync/engine';
import { SYNC_PROTOCOL, type Change } from '../../../shared/sync/protocol';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { startTeam, type Team } from '../../support/team';
import { contract, customer, timeEntry } from './fixtures';
import { waits, workstation, type Workstation } from './books';

let team: Team;
let proxy: FaultProxy;
const open: Workstation[] = [];

beforeAll(async () => {
  team = await startTeam('faults');
  proxy = await startFaultProxy(() => team.url);
});

afterAll(async () => {
  for (const ws of open) ws.close();
  await proxy?.close();
  await team?.stop();
});

beforeEach(() => {
  proxy.faults = [];
  proxy.seen = [];
  waits.length = 0;
});

async function station(name: string, role: Parameters<Team['token']>[1] = 'csm', options = {}) {
  const ws = await workstation(
    proxy.url,
    await team.token(`${name}${randomUUID().slice(0, 6)}`, role),
    options,
  );
  open.push(ws);
  return ws;
}

async function logRows(id: string): Promise<number> {
  const result = await team.pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM sync_log WHERE id = $1',
    [id],
  );
  return result.rows[0]?.n ?? 0;
}

describe('faults', () => {
  it('a push whose answer is lost after the server committed: the retry has exactly one effect', async () => {
    const ws = await station('Drop');
    await ws.db.customers.add(customer('drop-1'));
    proxy.faults = [{ kind: 'drop-after-answer' }];
    const summary = await ws.sync();
    expect(summary.pushed).toBe(1);
    expect(proxy.seen.filter((s) => s === 'POST /v1/push')).toHaveLength(2);
    expect(await logRows('drop-1')).toBe(1);
    expect(await ws.book.waiting()).toBe(0);
  });

  it('duplicate and out-of-order batches: each change applied once, the same answers again', async () => {
    const ws = await station('Order');
    const clientId = randomUUID();
    const changes = [1, 2, 3, 4].map((seq): Change => ({
      seq,
      entity: 'timeEntries',
      id: `ooo-${seq}`,
      op: 'put',
      baseVersion: 0,
      fields: { ...timeEntry(`ooo-${seq}`) },
    }));
    const late = await ws.remote.push({
      protocol: SYNC_PROTOCOL,
      clientId,
      changes: changes.slice(2),
    });
    const early = await ws.remote.push({
      protocol: SYNC_PROTOCOL,
      clientId,
      changes: changes.slice(0, 2),
    });
    const again = await ws.remote.push({ protocol: SYNC_PROTOCOL, clientId, changes });
    expect(again.receipts).toEqual([...early.receipts, ...late.receipts]);
    for (const c of changes) expect(await logRows(c.id)).toBe(1);
  });

  it('5xx and 429: backs off (honouring Retry-After) and gets through, the outbox intact meanwhile', async () => {
    const ws = await station('Busy');
    await ws.db.timeEntries.add(timeEntry('busy-1'));
    proxy.faults = [
      { kind: 'status', status: 503 },
      { kind: 'status', status: 429, retryAfter: '3' },
      { kind: 'status', status: 500 },
    ];
    await ws.sync();
    expect(waits).toHaveLength(3);
    expect(waits[1]).toBe(3000);
    expect(await logRows('busy-1')).toBe(1);
    expect(await ws.book.waiting()).toBe(0);
  });

  it('gives up after its tries with the outbox kept, and the next sync delivers', async () => {
    const ws = await station('Down', 'csm', { attempts: 2 });
    await ws.db.timeEntries.add(timeEntry('down-1'));
    proxy.faults = [
      { kind: 'status', status: 503 },
      { kind: 'status', status: 503 },
    ];
    await expect(ws.sync()).rejects.toMatchObject({ kind: 'server' });
    expect(await ws.book.waiting()).toBe(1);
    await ws.sync();
    expect(await ws.book.waiting()).toBe(0);
  });

  it('a token revoked mid-sync: told so, nothing retried, the outbox intact', async () => {
    const email = `revoked${randomUUID().slice(0, 6)}`;
    const token = await team.token(email);
    const ws = await workstation(proxy.url, token);
    open.push(ws);
    await ws.db.customers.add(customer('rev-1'));
    await ws.sync();
    await ws.db.customers.update('rev-1', { csm: 'Anna' });
    await revokeUser(team.pool, `${email.toLowerCase()}@partner.se`);
    const error = await ws.sync().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect(error).toMatchObject({ kind: 'unauthorized' });
    expect(proxy.seen.filter((s) => s === 'POST /v1/push')).toHaveLength(2);
    expect(await ws.book.waiting()).toBe(1);
  });

  it('a hung server: a time-out, and syncs asked for meanwhile join the one running', async () => {
    const ws = await station('Hang', 'csm', { timeoutMs: 400, attempts: 1 });
    await ws.db.customers.add(customer('hang-1'));
    proxy.faults = [{ kind: 'hang' }];
    const runs = new SingleFlight(() => syncOnce(ws.book, ws.remote));
    const first = runs.start();
    const second = runs.start();
    expect(second).toBe(first);
    await expect(first).rejects.toThrow(/did not answer within 0 s|did not answer within/);
    expect(proxy.seen).toEqual(['POST /v1/push']);
    expect(await ws.book.waiting()).toBe(1);
    expect(runs.isRunning).toBe(false);
    await runs.start();
    expect(await ws.book.waiting()).toBe(0);
  });

  it('the service killed and PostgreSQL restarted mid-push: one effect per change', async () => {
    const ws = await station('Crash');
    await ws.db.transaction('rw', ws.db.timeEntries, async () => {
      for (let i = 0; i < 500; i++) await ws.db.timeEntries.add(timeEntry(`crash-${i}`));
    });
    proxy.faults = [
      {
        kind: 'during',
        run: async () => {
          await team.restartService();
          await team.postgres.restartImmediate();
        },
      },
    ];
    await ws.sync();
    const counted = await team.pool.query<{ n: number; d: number }>(
      "SELECT count(*)::int AS n, count(DISTINCT id)::int AS d FROM sync_log WHERE id LIKE 'crash-%'",
    );
    expect(counted.rows[0]).toEqual({ n: 500, d: 500 });
    expect(await ws.book.waiting()).toBe(0);
  });

  it('a week offline with 2,000 queued edits: pushed in batches, all applied', async () => {
    const ws = await station('Week');
    await ws.db.transaction('rw', ws.db.timeEntries, async () => {
      for (let i = 0; i < 2000; i++)
        await ws.db.timeEntries.add(timeEntry(`week-${i}`, { minutes: 15 * (1 + (i % 8)) }));
    });
    expect(await ws.book.waiting()).toBe(2000);
    const summary = await ws.sync();
    expect(summary).toMatchObject({ pushed: 2000, refused: 0, conflicts: 0 });
    expect(proxy.seen.filter((s) => s === 'POST /v1/push')).toHaveLength(4);
    const n = await team.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM sync_records WHERE id LIKE 'week-%'",
    );
    expect(n.rows[0]?.n).toBe(2000);
  });

  it('a client clock a year off changes nothing: who and when come from the server', async () => {
    const ws = await station('Clock');
    const other = await station('Reader');
    // The reader has the book already: what comes now are changes, with history lines.
    await other.sync();
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 365 * 24 * 3600 * 1000 });
    try {
      await ws.db.customers.add(customer('clock-1'));
      await ws.sync();
    } finally {
      vi.useRealTimers();
    }
    await other.sync();
    const history = await other.db.changes.filter((c) => c.entityId === 'clock-1').toArray();
    expect(history).toHaveLength(1);
    expect(Math.abs(Date.parse(history[0]?.at ?? '') - Date.now())).toBeLessThan(60_000);
    expect(history[0]?.user).toMatch(/^Clock/);
  });

  it('an app older than the server is told to update, its outbox kept', async () => {
    const ws = await station('Old');
    await ws.db.customers.add(customer('old-1'));
    const response = await fetch(`${proxy.url}/v1/me`, {
      headers: { 'x-csm-protocol': '0', authorization: 'Bearer x' },
    });
    expect(response.status).toBe(426);
    expect(((await response.json()) as { error: string }).error).toMatch(
      /update it; your unsynced changes are kept/,
    );
    expect(await ws.book.waiting()).toBe(1);
  });

  it('two people, one contract: different fields both kept; the same field shown to decide', async () => {
    const jonas = await station('Jonas', 'account-manager');
    const maria = await station('Maria', 'account-manager');
    await jonas.db.contracts.add(contract('kk', { number: 'PE-KK' }));
    await jonas.sync();
    await maria.sync();
    expect((await maria.db.contracts.get('kk'))?.number).toBe('PE-KK');
    await jonas.db.contracts.update('kk', { tam: true, professionalServicesDiscountPct: 10 });
    await maria.db.contracts.update('kk', { isEcps: true, professionalServicesDiscountPct: 15 });
    await jonas.sync();
    const summary = await maria.sync();
    expect(summary.conflicts).toBe(1);
    await jonas.sync();
    for (const ws of [jonas, maria])
      expect(await ws.db.contracts.get('kk')).toMatchObject({
        tam: true,
        isEcps: true,
        professionalServicesDiscountPct: 10,
      });
    const [decision] = await syncDecisions(maria.db);
    expect(decision).toMatchObject({
      entity: 'contracts',
      recordId: 'kk',
      kind: 'conflict',
      conflicts: [{ field: 'professionalServicesDiscountPct', theirs: 10, yours: 15 }],
    });
    expect(decision?.conflicts[0]?.by).toMatch(/^Jonas/);
    // Jonas's history shows Maria's change with her name (from the token), not his own.
    const history = await jonas.db.changes.filter((c) => c.entityId === 'kk').toArray();
    expect(history.map((c) => c.user).some((user) => user.startsWith('Maria'))).toBe(true);
  });
});
