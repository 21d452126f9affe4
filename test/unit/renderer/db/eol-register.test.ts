/**
 * The end-of-life register decides the counts (TERMS.md §12) through the path an import takes: the
 * register read with the import's context, a Lens file parsed by main's reader, the import committed.
 * Writing a line recounts the kept snapshots in the same transaction, and undoing it counts them back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, WorkstationDatabase } from '../../../../renderer/db/database';
import {
  deleteEolLine,
  EolDuplicateError,
  saveEolLine,
  undoEolWrite,
} from '../../../../renderer/db/eol-register';
import { loadDemoPortfolio } from '../../../../renderer/db/demo';
import { commitImport, readImportContext } from '../../../../renderer/db/imports';
import { parseInventory } from '../../../../main/services/inventory/parse';
import type { EolRecord } from '../../../../shared/catalog';
import { generateDemoPortfolio } from '../../../../shared/demo/generate';
import { snapshotId } from '../../../../shared/model/entities';
import { customer } from '../../sync/fixtures';

const opened: WorkstationDatabase[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function freshDb() {
  const db = new WorkstationDatabase(`eol-${Math.random()}`);
  opened.push(db);
  await openDatabase(db);
  await db.customers.add(customer('c1', { name: 'Contoso AB', lensAccounts: ['Contoso AB'] }));
  return db;
}

/** Two Studio X50s (video) and a Trio C60 (voice) of Contoso AB, as a Lens export on `asOf`. */
const lensFile = (asOf: string) =>
  new TextEncoder().encode(
    [
      'Serial Number,Model,Account Name,Last Detected',
      `X50-1,Poly Studio X50,Contoso AB,${asOf}T08:00:00Z`,
      `X50-2,Poly Studio X50,Contoso AB,${asOf}T08:00:00Z`,
      `C60-1,Poly Trio C60,Contoso AB,${asOf}T08:00:00Z`,
    ].join('\n'),
  );

/** An import as the app makes it: the register from the book, given to the parse and the commit. */
async function importOn(db: WorkstationDatabase, asOf: string) {
  const { overrides, eolRegister } = await readImportContext(db);
  const parsed = await parseInventory(lensFile(asOf), {
    fileName: `lens-${asOf}.csv`,
    asOf,
    locale: 'sv-SE',
    overrides,
    eolRegister,
    today: asOf,
  });
  await commitImport(db, 'K', {
    parsed,
    assignments: parsed.accounts.map((a) => ({ ...a, customerId: 'c1' })),
    newCustomers: [],
    overrides,
    eolRegister,
  });
  return (await db.snapshots.get(snapshotId('c1', asOf)))!.summary;
}

const x50Line = (endOfLife: string): EolRecord => ({
  id: 'l1',
  model: 'Poly Studio X50',
  endOfLife,
  source: 'bulletin.csv',
});

describe('the register in an import', () => {
  it('counts a model in the month before its register end of life and not in that month', async () => {
    const db = await freshDb();
    await db.eolRegister.add(x50Line('2026-03-15'));
    const february = await importOn(db, '2026-02-28');
    expect(february.counts.video).toBe(2);
    expect(february.excluded.eol).toBe(0);
    // The month of the date: end of life for the whole month, also before the 15th.
    const march = await importOn(db, '2026-03-05');
    expect(march.counts.video).toBe(0);
    expect(march.excluded.eol).toBe(2);
    expect(march.eolByCategory.video).toBe(2);
    expect(march.models.find((m) => m.model === 'Poly Studio X50')?.cls).toBe('eol');
    expect(march.counts.voice).toBe(1);
  });
});

describe('writing the register', () => {
  it('recounts the kept snapshots in the write, records it, and undoes both', async () => {
    const db = await freshDb();
    await importOn(db, '2026-02-28');
    await importOn(db, '2026-03-31');
    const done = await saveEolLine(db, 'K', x50Line('2026-03-01'));
    expect(done.snapshots).toEqual([snapshotId('c1', '2026-03-31')]);
    const march = await db.snapshots.get(snapshotId('c1', '2026-03-31'));
    expect([march?.summary.counts.video, march?.summary.excluded.eol]).toEqual([0, 2]);
    expect((await db.snapshots.get(snapshotId('c1', '2026-02-28')))?.summary.counts.video).toBe(2);
    const changes = await db.changes.where('entity').anyOf('eolRecord', 'snapshot').toArray();
    expect(changes.map((c) => [c.entity, c.action])).toContainEqual(['eolRecord', 'create']);
    expect(changes.filter((c) => c.entity === 'snapshot' && c.action === 'update')).toHaveLength(1);

    await undoEolWrite(db, 'K', done);
    expect(await db.eolRegister.count()).toBe(0);
    const back = await db.snapshots.get(snapshotId('c1', '2026-03-31'));
    expect([back?.summary.counts.video, back?.summary.excluded.eol]).toEqual([2, 0]);
  });

  it('refuses a second line for a model, however it is spelt, and lets a deleted one be added again', async () => {
    const db = await freshDb();
    await saveEolLine(db, 'K', x50Line('2027-01-31'));
    const again = { ...x50Line('2028-01-31'), id: 'l2', model: 'poly studio x50' };
    await expect(saveEolLine(db, 'K', again)).rejects.toBeInstanceOf(EolDuplicateError);
    expect(await db.eolRegister.count()).toBe(1);
    await deleteEolLine(db, 'K', 'l1');
    await saveEolLine(db, 'K', again);
    expect((await db.eolRegister.toArray()).map((l) => l.id)).toEqual(['l2']);
  });
});

describe('the demo load', () => {
  it('keeps the partner’s own line for a demo model and adds lines for the others', async () => {
    const db = await freshDb();
    const own: EolRecord = {
      id: 'mine',
      model: 'trio 8800',
      endOfLife: '2040-12-31',
      source: 'Karin',
    };
    await db.eolRegister.add(own);
    const portfolio = generateDemoPortfolio('2026-11-20');
    await loadDemoPortfolio(db, 'Karin', portfolio);
    const lines = await db.eolRegister.toArray();
    expect(lines.filter((l) => l.model.toLowerCase() === 'trio 8800')).toEqual([own]);
    expect(lines).toHaveLength(portfolio.eolRegister.length);
    const created = await db.changes.where('entity').equals('eolRecord').count();
    expect(created).toBe(portfolio.eolRegister.length - 1);
  });
});
