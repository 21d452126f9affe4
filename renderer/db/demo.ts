/** Loads the demo portfolio in one transaction: all of it, or nothing. */
import type { DemoPortfolio } from '../../shared/demo/generate';
import { creation, recordedWrite } from './changes';
import type { WorkstationDatabase } from './database';
import { linesForNewModels } from './eol-register';
import { recountReclassified } from './recount';

/** What the database keeps of the demo book (each current inventory is its latest device list). */
export type StoredDemoPortfolio = Omit<DemoPortfolio, 'inventories'>;

export class DemoAlreadyLoadedError extends Error {
  constructor() {
    super('The demo portfolio is already loaded.');
    this.name = 'DemoAlreadyLoadedError';
  }
}

export async function loadDemoPortfolio(
  db: WorkstationDatabase,
  user: string,
  portfolio: StoredDemoPortfolio,
): Promise<void> {
  const tables = [
    db.customers,
    db.sites,
    db.contracts,
    db.snapshots,
    db.deviceLists,
    db.trueUps,
    db.rmas,
    db.timeEntries,
    db.cases,
    db.eolRegister,
    db.catalogOverrides,
  ];
  await recordedWrite(db, user, tables, async (record) => {
    const ids = portfolio.customers.map((c) => c.id);
    if ((await db.customers.where('id').anyOf(ids).count()) > 0) throw new DemoAlreadyLoadedError();
    await db.customers.bulkAdd(portfolio.customers);
    await db.sites.bulkAdd(portfolio.sites);
    await db.contracts.bulkAdd(portfolio.contracts);
    await db.snapshots.bulkAdd(portfolio.snapshots);
    await db.deviceLists.bulkPut(portfolio.deviceLists);
    await db.trueUps.bulkAdd(portfolio.trueUps);
    await db.rmas.bulkAdd(portfolio.rmas);
    await db.timeEntries.bulkAdd(portfolio.timeEntries);
    await db.cases.bulkAdd(portfolio.cases);
    // The partner's own line for a model stays as it is: the demo adds lines for the other models.
    const lines = linesForNewModels(await db.eolRegister.toArray(), portfolio.eolRegister);
    await db.eolRegister.bulkAdd(lines);
    for (const line of lines) record(creation('eolRecord', line));
    for (const customer of portfolio.customers) {
      record(creation('customer', customer));
    }
    for (const contract of portfolio.contracts) {
      record(creation('contract', contract));
    }
    // The demo's figures were counted with its own register; the partner's lines may class otherwise.
    await recountReclassified(db, record);
  });
}
