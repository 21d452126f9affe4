/**
 * A model-based random test (fast-check commands): three workstations edit, delete, go offline (by
 * not syncing) and sync in random order, some syncs losing the push's answer on the way back. They
 * edit customers, and inside contracts' categories (a field of a line, a line added or removed).
 * After everyone syncs, every workstation equals the team book, and nothing anyone saved is lost:
 * each edit is in the book, or was followed by an edit of the same field, or a delete of the record,
 * by someone who had seen it (its author, or one who synced after it reached the team), or waits,
 * with its value, in its author's "needs your decision" list. And a field of a category changed by
 * only one person (nobody else changing it, or adding or removing its line, or changing that line
 * while another added or removed it) ends with that person's last value: no decision, no loss.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pull } from '../../../main/sync-server/pull';
import { syncDecisions } from '../../../renderer/db/sync-book';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { startTeam, type Team } from '../../support/team';
import type { Category } from '../../../shared/model/category';
import type { Contract, ContractCategory } from '../../../shared/model/entities';
import { contract, customer } from './fixtures';
import { workstation, type Workstation } from './books';

const FIELDS = ['csm', 'accountManager', 'masterAccountId'] as const;
type Field = (typeof FIELDS)[number];

const LINES = ['video', 'headsets', 'voice'] as const satisfies readonly Category[];
const LINE_FIELDS = ['unitPriceMinor', 'installedAtStart'] as const;
type LineField = (typeof LINE_FIELDS)[number];
/** Contracts per run, made before the commands (two new records of one id would be a conflict). */
const CONTRACTS = 2;
/** A line as the commands add it. */
const newLine = (category: Category): ContractCategory => ({
  category,
  installedAtStart: 1,
  agreedGrowth: 0,
  unitPriceMinor: 100,
});

/** A change inside a contract's categories: a field of a line set, or the line added or removed. */
interface LineEdit {
  client: number;
  id: string;
  category: Category;
  field?: LineField;
  value?: number;
  isRemoved?: boolean;
}

interface Model {
  /** Every edit and delete, in the order made. */
  log: {
    client: number;
    id: string;
    field?: Field;
    value?: string;
    /** The edits (by index in the log) its author had seen when making it: its own, and pulled. */
    knew?: ReadonlySet<number>;
  }[];
  /** Each workstation's edits seen so far: its own, and those that reached the team before its syncs. */
  seen: Set<number>[];
  /** The edits that have reached the team book. */
  pushed: Set<number>;
  /** Every change made inside contracts' categories, in the order made. */
  lines: LineEdit[];
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
  // Admins: they may change customers and contracts alike.
  tokens = [
    await team.token('Anna', 'admin'),
    await team.token('Bo', 'admin'),
    await team.token('Cecilia', 'admin'),
  ];
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
    const knew = new Set(model.seen[this.client]);
    model.seen[this.client]!.add(model.log.length);
    model.log.push({ client: this.client, id, field: this.field, value: this.value, knew });
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
    const knew = new Set(model.seen[this.client]);
    model.seen[this.client]!.add(model.log.length);
    model.log.push({ client: this.client, id, knew });
  }
  toString = () => `Delete(${this.client}, ${this.record})`;
}

class Sync implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly client: number,
    readonly losesAnswer: boolean,
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const ws = real.clients[this.client]!;
    if (this.losesAnswer && (await ws.book.waiting()) > 0)
      proxy.faults = [{ kind: 'drop-after-answer' }];
    await ws.sync();
    proxy.faults = [];
    // Its edits reached the team, and the pull after the push brought everything that had.
    model.log.forEach((edit, i) => {
      if (edit.client === this.client) model.pushed.add(i);
    });
    for (const i of model.pushed) model.seen[this.client]!.add(i);
  }
  toString = () => `Sync(${this.client}${this.losesAnswer ? ', answer lost' : ''})`;
}

/** Sets one field of a category line of a contract, when this workstation has the line. */
class EditLine implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly client: number,
    readonly record: number,
    readonly category: Category,
    readonly field: LineField,
    readonly value: number,
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const id = `${real.prefix}-k${this.record}`;
    const db = real.clients[this.client]!.db;
    const isMade = await db.transaction('rw', db.contracts, async () => {
      const current = (await db.contracts.get(id))!;
      if (!current.categories.some((l) => l.category === this.category)) return false;
      const categories = current.categories.map((l) =>
        l.category === this.category ? { ...l, [this.field]: this.value } : l,
      );
      await db.contracts.put({ ...current, categories });
      return true;
    });
    if (isMade) {
      const { client, category, field, value } = this;
      model.lines.push({ client, id, category, field, value });
    }
  }
  toString = () =>
    `EditLine(${this.client}, k${this.record}.${this.category}.${this.field} = ${this.value})`;
}

/** Adds a category line (last), or removes it, when this workstation has it not, or has it. */
class AddOrRemoveLine implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly client: number,
    readonly record: number,
    readonly category: Category,
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const id = `${real.prefix}-k${this.record}`;
    const db = real.clients[this.client]!.db;
    const isRemoved = await db.transaction('rw', db.contracts, async () => {
      const current = (await db.contracts.get(id))!;
      const isThere = current.categories.some((l) => l.category === this.category);
      const categories = isThere
        ? current.categories.filter((l) => l.category !== this.category)
        : [...current.categories, newLine(this.category)];
      await db.contracts.put({ ...current, categories });
      return isThere;
    });
    model.lines.push({ client: this.client, id, category: this.category, isRemoved });
  }
  toString = () => `AddOrRemoveLine(${this.client}, k${this.record}.${this.category})`;
}

/**
 * Who changed a field of a line: whoever set it or added or removed its line, and, once someone
 * added or removed the line, whoever changed any field of it (a line removed against a field of it
 * changed is a decision). With one alone, that one's last change is the value the field must have.
 */
function soleChanges(lines: readonly LineEdit[]): Map<string, LineEdit> {
  const sole = new Map<string, LineEdit>();
  for (const id of new Set(lines.map((l) => l.id)))
    for (const category of LINES) {
      const ofLine = lines.filter((l) => l.id === id && l.category === category);
      const isMoved = ofLine.some((l) => !l.field);
      for (const field of LINE_FIELDS) {
        const touching = ofLine.filter((l) => !l.field || l.field === field || isMoved);
        const authors = new Set(touching.map((l) => l.client));
        const last = touching.filter((l) => !l.field || l.field === field).at(-1);
        if (authors.size === 1 && last) sole.set(`${id}.${category}.${field}`, last);
      }
    }
  return sole;
}

/** What the field holds after a change: the value set, a new line's, or none (the line removed). */
function valueAfter(edit: LineEdit, field: LineField): number | undefined {
  if (edit.field) return edit.value;
  return edit.isRemoved ? undefined : newLine(edit.category)[field];
}

const client = fc.integer({ min: 0, max: 2 });
const record = fc.integer({ min: 0, max: 2 });
const commands = fc.commands(
  [
    fc
      .tuple(client, record, fc.constantFrom(...FIELDS), fc.constantFrom('x', 'y', 'z'))
      .map(([c, r, f, v]) => new Edit(c, r, f, v)),
    fc.tuple(client, record).map(([c, r]) => new Delete(c, r)),
    fc
      .tuple(
        client,
        fc.integer({ min: 0, max: CONTRACTS - 1 }),
        fc.constantFrom(...LINES),
        fc.constantFrom(...LINE_FIELDS),
        fc.integer({ min: 1, max: 3 }),
      )
      .map(([c, r, l, f, v]) => new EditLine(c, r, l, f, v)),
    fc
      .tuple(client, fc.integer({ min: 0, max: CONTRACTS - 1 }), fc.constantFrom(...LINES))
      .map(([c, r, l]) => new AddOrRemoveLine(c, r, l)),
    fc.tuple(client, fc.boolean()).map(([c, lost]) => new Sync(c, lost)),
  ],
  { maxCommands: 30 },
);

/** Every record of this run as the team book holds it, by id. */
async function teamBook(prefix: string): Promise<Map<string, Record<string, unknown>>> {
  const book = new Map<string, Record<string, unknown>>();
  for (let after = 0; ;) {
    const page = await pull(team.pool, after, 5000);
    for (const r of page.records)
      if (r.id.startsWith(`${prefix}-`) && !r.deleted && r.data) book.set(r.id, r.data);
      else if (r.id.startsWith(`${prefix}-`)) book.delete(r.id);
    after = page.cursor;
    if (!page.hasMore) break;
  }
  return book;
}

const ofRun = <T extends { id: string }>(rows: T[], prefix: string) =>
  new Map(
    rows
      .filter((r) => r.id.startsWith(`${prefix}-`))
      .map((r) => [r.id, r as unknown as Record<string, unknown>]),
  );

it('three workstations editing and syncing in any order end equal to the team book, nothing lost', async () => {
  await fc.assert(
    fc.asyncProperty(commands, async (cmds) => {
      const prefix = `run${++run}`;
      const clients = await Promise.all(tokens.map((token) => workstation(proxy.url, token)));
      try {
        // The contracts are there before anyone edits them: video and headsets at 470 and 120.
        const seed = [newLine('video'), { ...newLine('headsets'), unitPriceMinor: 120 }];
        for (let k = 0; k < CONTRACTS; k++)
          await clients[0]!.db.contracts.add(
            contract(`${prefix}-k${k}`, { number: `${prefix}-k${k}`, categories: seed }),
          );
        for (const ws of clients) await ws.sync();
        const model: Model = {
          log: [],
          lines: [],
          seen: clients.map(() => new Set()),
          pushed: new Set(),
        };
        await fc.asyncModelRun(() => ({ model, real: { clients, prefix } }), cmds);
        for (let round = 0; round < 2; round++) for (const ws of clients) await ws.sync();

        // Every workstation equals the team book.
        const book = await teamBook(prefix);
        for (const ws of clients) {
          const local = new Map([
            ...ofRun(await ws.db.customers.toArray(), prefix),
            ...ofRun(await ws.db.contracts.toArray(), prefix),
          ]);
          expect(local).toEqual(book);
          expect(await ws.book.waiting()).toBe(0);
        }

        // Nothing saved is lost without a trace.
        const decisions = await Promise.all(clients.map((ws) => syncDecisions(ws.db)));
        model.log.forEach((edit, i) => {
          if (!edit.field) return;
          const kept = book.get(edit.id)?.[edit.field] === edit.value;
          // Followed by a delete, or an edit of the same field, made by someone who had seen it.
          const followed = model.log.some(
            (other, j) =>
              other.id === edit.id &&
              j > i &&
              (!other.field || other.field === edit.field) &&
              other.knew?.has(i),
          );
          const waiting = decisions[edit.client]!.some(
            (d) => d.recordId === edit.id && d.yours[edit.field!] === edit.value,
          );
          expect(
            kept || followed || waiting,
            `${edit.id}.${edit.field} = ${edit.value} by ${edit.client} was lost`,
          ).toBe(true);
        });

        // A field of a line changed by one person alone ends with that person's value.
        for (const [path, edit] of soleChanges(model.lines)) {
          const field = path.split('.').at(-1) as LineField;
          const line = (book.get(edit.id) as unknown as Contract).categories.find(
            (l) => l.category === edit.category,
          );
          expect(line?.[field], `${path} by ${edit.client} alone`).toBe(valueAfter(edit, field));
        }
        const contractDecisions = decisions.flat().filter((d) => d.entity === 'contracts');
        const authorsOfLine = new Map<string, Set<number>>();
        for (const l of model.lines) {
          const line = `${l.id}.${l.category}`;
          authorsOfLine.set(line, (authorsOfLine.get(line) ?? new Set()).add(l.client));
        }
        // A decision about a contract is about a line two people changed.
        for (const d of contractDecisions)
          for (const c of d.conflicts)
            expect(
              authorsOfLine.get(`${d.recordId}.${c.field.split('/')[1]}`)?.size ?? 0,
              `${d.recordId} ${c.field}`,
            ).toBeGreaterThan(1);
      } finally {
        for (const ws of clients) ws.close();
      }
    }),
    {
      numRuns: 40,
      interruptAfterTimeLimit: 120_000,
      // Rare at random, checked every time: a workstation's second offline edit of a record, after
      // its first applied, does not make another's earlier edit of that record known to it.
      examples: [
        [
          [
            new Edit(0, 0, 'csm', 'x'),
            new Sync(0, false),
            new Sync(1, false),
            new Edit(0, 0, 'accountManager', 'y'),
            new Sync(0, false),
            new Edit(1, 0, 'csm', 'z'),
            new Edit(1, 0, 'accountManager', 'z'),
            new Sync(1, false),
          ],
        ],
      ],
    },
  );
});
