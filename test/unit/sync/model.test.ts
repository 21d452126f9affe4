/**
 * A model-based random test (fast-check commands): three workstations edit, delete, go offline (by
 * not syncing) and sync in random order, some syncs losing the push's answer on the way back. After
 * everyone syncs, every workstation equals the team book, and nothing anyone saved is lost: each
 * edit is in the book, or was followed by another edit of the same field or a delete of the record,
 * or waits in its author's "needs your decision" list.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pull } from '../../../main/sync-server/pull';
import { syncDecisions } from '../../../renderer/db/sync-book';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { startTeam, type Team } from '../../support/team';
import { customer } from './fixtures';
import { workstation, type Workstation } from './books';

const FIELDS = ['csm', 'accountManager', 'masterAccountId'] as const;
type Field = (typeof FIELDS)[number];

interface Model {
  /** Every edit and delete, in the order made. */
  log: { client: number; id: string; field?: Field; value?: string }[];
}

interface Real {
  clients: Workstation[];
  prefix: string;
}

let team: Team;
let proxy: FaultProxy;
let tokens: string[];
let run = 0;

beforeAll(async () => {
  team = await startTeam('model');
  proxy = await startFaultProxy(() => team.url);
  tokens = [await team.token('Anna'), await team.token('Bo'), await team.token('Cecilia')];
});

afterAll(async () => {
  await proxy?.close();
  await team?.stop();
});

class Edit implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly client: number,
    readonly record: number,
    readonly field: Field,
    readonly value: string,
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const id = `${real.prefix}-${this.record}`;
    const db = real.clients[this.client]!.db;
    await db.transaction('rw', db.customers, async () => {
      const current = await db.customers.get(id);
      if (current) await db.customers.put({ ...current, [this.field]: this.value });
      else await db.customers.add(customer(id, { [this.field]: this.value }));
    });
    model.log.push({ client: this.client, id, field: this.field, value: this.value });
  }
  toString = () => `Edit(${this.client}, ${this.record}.${this.field} = ${this.value})`;
}

class Delete implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly client: number,
    readonly record: number,
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const id = `${real.prefix}-${this.record}`;
    await real.clients[this.client]!.db.customers.delete(id);
    model.log.push({ client: this.client, id });
  }
  toString = () => `Delete(${this.client}, ${this.record})`;
}

class Sync implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly client: number,
    readonly losesAnswer: boolean,
  ) {}
  check = () => true;
  async run(_model: Model, real: Real) {
    const ws = real.clients[this.client]!;
    if (this.losesAnswer && (await ws.book.waiting()) > 0)
      proxy.faults = [{ kind: 'drop-after-answer' }];
    await ws.sync();
    proxy.faults = [];
  }
  toString = () => `Sync(${this.client}${this.losesAnswer ? ', answer lost' : ''})`;
}

const client = fc.integer({ min: 0, max: 2 });
const record = fc.integer({ min: 0, max: 2 });
const commands = fc.commands(
  [
    fc
      .tuple(client, record, fc.constantFrom(...FIELDS), fc.constantFrom('x', 'y', 'z'))
      .map(([c, r, f, v]) => new Edit(c, r, f, v)),
    fc.tuple(client, record).map(([c, r]) => new Delete(c, r)),
    fc.tuple(client, fc.boolean()).map(([c, lost]) => new Sync(c, lost)),
  ],
  { maxCommands: 25 },
);

it('three workstations editing and syncing in any order end equal to the team book, nothing lost', async () => {
  await fc.assert(
    fc.asyncProperty(commands, async (cmds) => {
      const prefix = `run${++run}`;
      const clients = await Promise.all(tokens.map((token) => workstation(proxy.url, token)));
      try {
        const model: Model = { log: [] };
        await fc.asyncModelRun(() => ({ model, real: { clients, prefix } }), cmds);
        for (let round = 0; round < 2; round++) for (const ws of clients) await ws.sync();

        // Every workstation equals the team book.
        const book = new Map<string, Record<string, unknown>>();
        for (let after = 0; ;) {
          const page = await pull(team.pool, after, 5000);
          for (const r of page.records)
            if (r.id.startsWith(`${prefix}-`) && !r.deleted && r.data) book.set(r.id, r.data);
          after = page.cursor;
          if (!page.hasMore) break;
        }
        for (const ws of clients) {
          const local = (await ws.db.customers.toArray()).filter((c) =>
            c.id.startsWith(`${prefix}-`),
          );
          expect(
            new Map(local.map((c) => [c.id, c as unknown as Record<string, unknown>])),
          ).toEqual(book);
          expect(await ws.book.waiting()).toBe(0);
        }

        // Nothing saved is lost without a trace.
        const decisions = await Promise.all(clients.map((ws) => syncDecisions(ws.db)));
        model.log.forEach((edit, i) => {
          if (!edit.field) return;
          const kept = book.get(edit.id)?.[edit.field] === edit.value;
          const followed = model.log.some(
            (other, j) =>
              other.id === edit.id && (!other.field || (j > i && other.field === edit.field)),
          );
          const waiting = decisions[edit.client]!.some(
            (d) =>
              d.recordId === edit.id &&
              (d.yours[edit.field!] === edit.value || d.kind === 'conflict'),
          );
          expect(
            kept || followed || waiting,
            `${edit.id}.${edit.field} = ${edit.value} by ${edit.client} was lost`,
          ).toBe(true);
        });
      } finally {
        for (const ws of clients) ws.close();
      }
    }),
    { numRuns: 40, interruptAfterTimeLimit: 120_000 },
  );
});
