/**
 * A true-up's life, an archived report and a contract's past terms checked against what the team book
 * stores (issue 26), over raw HTTP against a real PostgreSQL: every refused step writes nothing
 * (records, change log, version counter, receipts), the allowed ones pass.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_PROTOCOL, type Change, type Receipt } from '../../../shared/sync/protocol';
import { startTeam, type Team } from '../../support/team';
import { contract, nextSeq, trueUp } from './fixtures';

let team: Team;
let tokens: Record<'admin' | 'csm' | 'manager' | 'reader', string>;

beforeAll(async () => {
  team = await startTeam('transitions');
  tokens = {
    admin: await team.token('Ada', 'admin'),
    csm: await team.token('Karin', 'csm'),
    manager: await team.token('Jonas', 'account-manager'),
    reader: await team.token('Rita', 'read-only'),
  };
});

afterAll(async () => {
  await team?.stop();
});

const clients = new Map<string, string>();

/** One change pushed over HTTP with a user's token, from that user's own workstation. */
async function push(who: keyof typeof tokens, change: Omit<Change, 'seq'>): Promise<Receipt> {
  const clientId = clients.get(who) ?? randomUUID();
  clients.set(who, clientId);
  const response = await fetch(`${team.url}/v1/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      protocol: SYNC_PROTOCOL,
      clientId,
      changes: [{ ...change, seq: nextSeq() }],
    }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { receipts: Receipt[] };
  return body.receipts[0]!;
}

/** What the team book holds: a refused change leaves every count and the counter as they were. */
async function footprint() {
  const { rows } = await team.pool.query(
    `SELECT (SELECT count(*) FROM sync_records)::int AS records, (SELECT count(*) FROM sync_log)::int AS log,
       (SELECT count(*) FROM sync_receipts)::int AS receipts, (SELECT version FROM sync_counter)::int AS version,
       (SELECT md5(string_agg(entity || id || coalesce(data::text, '') || deleted, ',' ORDER BY entity, id)) FROM sync_records) AS hash`,
  );
  return rows[0] as Record<string, unknown>;
}

async function refused(who: keyof typeof tokens, change: Omit<Change, 'seq'>, reason: RegExp) {
  const before = await footprint();
  const receipt = await push(who, change);
  expect(receipt.status, JSON.stringify(receipt)).toBe('refused');
  expect(receipt.reason).toMatch(reason);
  expect(await footprint()).toEqual(before);
}

async function applied(who: keyof typeof tokens, change: Omit<Change, 'seq'>): Promise<number> {
  const receipt = await push(who, change);
  expect(receipt.status, JSON.stringify(receipt)).toBe('applied');
  return receipt.version;
}

const put = (entity: Change['entity'], id: string, baseVersion: number, fields: object) => ({
  entity,
  id,
  op: 'put' as const,
  baseVersion,
  fields: fields as Record<string, unknown>,
});
const del = (entity: Change['entity'], id: string, baseVersion: number) => ({
  entity,
  id,
  op: 'delete' as const,
  baseVersion,
  fields: {},
});
const event = (state: string, user: string) => ({ state, at: '2026-07-02T08:00:00.000Z', user });

describe('a true-up’s life, by role, against what is stored', () => {
  it('refuses every way around an applied true-up, and lets each role take its own step', async () => {
    const quoted = trueUp('tu-1', { contractId: 'k-life' });
    await refused('manager', put('trueUps', 'tu-1', 0, quoted), /account-manager may not/);
    await refused(
      'csm',
      put('trueUps', 'tu-1', 0, { ...quoted, state: 'applied', poNumber: 'PO-1' }),
      /may not start a true-up as applied/,
    );
    let v = await applied('csm', put('trueUps', 'tu-1', 0, quoted));
    await refused('manager', del('trueUps', 'tu-1', v), /account-manager may not delete a true-up/);
    await refused('csm', del('trueUps', 'tu-1', v), /csm may not delete a true-up/);
    await refused(
      'manager',
      put('trueUps', 'tu-1', v, { quoteNumber: 'Q-9' }),
      /may not change a true-up that is quoted/,
    );
    await refused(
      'csm',
      put('trueUps', 'tu-1', v, { state: 'ordered' }),
      /ordered only with the PO number/,
    );
    await refused(
      'csm',
      put('trueUps', 'tu-1', v, { category: 'headsets' }),
      /category never changes/,
    );
    v = await applied(
      'csm',
      put('trueUps', 'tu-1', v, {
        state: 'ordered',
        poNumber: 'PO-1',
        events: [...quoted.events, event('ordered', 'Karin')],
      }),
    );
    await refused(
      'csm',
      put('trueUps', 'tu-1', v, { state: 'applied' }),
      /csm may not move a true-up from ordered to applied/,
    );
    await refused(
      'manager',
      put('trueUps', 'tu-1', v, { state: 'applied', amountMinor: 1 }),
      /not amountMinor/,
    );
    await refused(
      'manager',
      put('trueUps', 'tu-1', v, { state: 'applied', events: [] }),
      /history is only added to/,
    );
    const history = [...quoted.events, event('ordered', 'Karin'), event('applied', 'Jonas')];
    v = await applied('manager', put('trueUps', 'tu-1', v, { state: 'applied', events: history }));
    // The applied one: no delete (not even an admin's), no way back, no edit but an admin's correction.
    await refused('csm', del('trueUps', 'tu-1', v), /applied true-up is never deleted/);
    await refused('admin', del('trueUps', 'tu-1', v), /applied true-up is never deleted/);
    await refused(
      'csm',
      put('trueUps', 'tu-1', v, { state: 'quoted', poNumber: '' }),
      /never moved back to quoted/,
    );
    await refused(
      'admin',
      put('trueUps', 'tu-1', v, { state: 'ordered' }),
      /never moved back to ordered/,
    );
    await refused(
      'manager',
      put('trueUps', 'tu-1', v, { poNumber: 'PO-2' }),
      /may not change a true-up that is applied/,
    );
    await refused(
      'admin',
      put('trueUps', 'tu-1', v, { poNumber: 'PO-2' }),
      /correction .* recorded in its history/,
    );
    await applied(
      'admin',
      put('trueUps', 'tu-1', v, {
        poNumber: 'PO-2',
        events: [...history, event('applied', 'Ada')],
      }),
    );
    // Another for the same contract, term and category: refused (the database's one per term).
    await refused(
      'csm',
      put('trueUps', 'tu-2', 0, trueUp('tu-2', { contractId: 'k-life' })),
      /already has a true-up/,
    );
    await refused(
      'reader',
      put('trueUps', 'tu-3', 0, trueUp('tu-3')),
      /read-only may not change trueUps/,
    );
  });

  it('a deleted true-up is made again only by an admin, under its own id or another', async () => {
    const quoted = trueUp('tu-d', { contractId: 'k-del' });
    const v = await applied('csm', put('trueUps', 'tu-d', 0, quoted));
    const gone = await applied('admin', del('trueUps', 'tu-d', v));
    await refused(
      'csm',
      put('trueUps', 'tu-d', gone, quoted),
      /was deleted; only an admin makes it again/,
    );
    await refused(
      'csm',
      put('trueUps', 'tu-e', 0, trueUp('tu-e', { contractId: 'k-del' })),
      /was deleted; only an admin/,
    );
    await applied('admin', put('trueUps', 'tu-e', 0, trueUp('tu-e', { contractId: 'k-del' })));
  });
});

describe('archived reports and past terms', () => {
  const report = {
    id: 'c1:2026-06',
    customerId: 'c1',
    month: '2026-06',
    exportedAt: '2026-07-01T08:00:00.000Z',
    exportedBy: 'Karin',
    figures: { total: 1 },
  };

  it('an archived report is replaced only by a later export, and deleted only by an admin', async () => {
    let v = await applied('csm', put('reports', report.id, 0, report));
    await refused(
      'csm',
      put('reports', report.id, v, { figures: { total: 2 } }),
      /only by a later export/,
    );
    await refused('csm', del('reports', report.id, v), /deleted only by an admin/);
    v = await applied(
      'csm',
      put('reports', report.id, v, {
        figures: { total: 2 },
        exportedAt: '2026-07-02T08:00:00.000Z',
      }),
    );
    await applied('admin', del('reports', report.id, v));
  });

  it('a contract’s past terms are only added to; a contract with them is deleted only by an admin', async () => {
    const past = {
      termStart: '2025-01-01',
      termMonths: 12,
      adjustmentMonth: null,
      categories: [],
      renewedAt: '2025-12-20T08:00:00.000Z',
      renewedBy: 'Jonas',
    };
    const k = contract('k-past', { number: 'PE-PAST', previousTerms: [past] });
    const v = await applied('manager', put('contracts', k.id, 0, k));
    await refused(
      'manager',
      put('contracts', k.id, v, { previousTerms: [] }),
      /past terms are never changed/,
    );
    await refused(
      'manager',
      put('contracts', k.id, v, { previousTerms: [{ ...past, termMonths: 24 }] }),
      /past terms are never changed/,
    );
    await refused('manager', del('contracts', k.id, v), /deleted only by an admin/);
    await applied('admin', del('contracts', k.id, v));
  });
});
