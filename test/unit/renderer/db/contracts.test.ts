import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyDraft, readContractDraft } from '../../../../shared/contracts/draft';
import { registerRows } from '../../../../shared/contracts/register';
import { readRegister } from '../../../../shared/contracts/register-read';
import { dueTrueUps } from '../../../../shared/contracts/standing';
import type { Contract, Customer, InventorySnapshot } from '../../../../shared/model/entities';
import { DEFAULT_PARTNER_SETTINGS } from '../../../../shared/terms/settings';
import {
  applyOrderedTrueUp,
  ContractIssuesError,
  importRegister,
  orderQuotedTrueUp,
  quoteDueTrueUp,
  saveContract,
  saveCustomer,
} from '../../../../renderer/db/contracts';
import { customerActivity, firstLedgerMonth } from '../../../../renderer/db/activity';
import { openDatabase, WorkstationDatabase } from '../../../../renderer/db/database';
import {
  saveCase,
  saveIncident,
  saveRma,
  saveTimeEntry,
  deleteServiceRecord,
  deletedServiceRecords,
  restoreServiceRecord,
} from '../../../../renderer/db/service';
import { ServiceIssuesError } from '../../../../shared/service/issues';

const opened: WorkstationDatabase[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function freshDb() {
  const db = new WorkstationDatabase(`contracts-${Math.random()}`);
  opened.push(db);
  await openDatabase(db);
  return db;
}

const customer: Customer = {
  id: 'c1',
  name: 'Contoso AB',
  masterAccountId: 'MA-1',
  country: 'SE',
  lensAccounts: ['Contoso AB'],
  csm: 'K',
  accountManager: '',
  isArchived: false,
};

function contract(number: string, id = 'k1'): Contract {
  const read = readContractDraft(
    {
      ...emptyDraft('SEK'),
      number,
      termStart: '2026-01-01',
      categories: [
        { category: 'video', installedAtStart: '90', agreedGrowth: '10', unitPrice: '49' },
      ],
    },
    'SEK',
  );
  if (!read.contract) throw new Error('bad draft');
  return { ...read.contract, id, customerId: 'c1', isArchived: false };
}

const snapshot = (count: number): InventorySnapshot => ({
  id: 'c1:2026-07-31',
  customerId: 'c1',
  importId: null,
  asOf: '2026-07-31',
  month: '2026-07',
  added: 0,
  removed: 0,
  summary: { counts: { headsets: 0, video: count, voice: 0 } } as InventorySnapshot['summary'],
});

describe('the contract repository', () => {
  it('refuses a duplicate contract number and writes nothing', async () => {
    const db = await freshDb();
    await saveCustomer(db, 'K', customer);
    await saveContract(db, 'K', contract('PE-1'), DEFAULT_PARTNER_SETTINGS);
    const error = await saveContract(
      db,
      'K',
      contract('pe-1', 'k2'),
      DEFAULT_PARTNER_SETTINGS,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractIssuesError);
    expect((error as ContractIssuesError).issues.map((i) => i.code)).toEqual(['duplicateNumber']);
    expect(await db.contracts.count()).toBe(1);
  });

  it('keeps the true-up workflow and its history in the database', async () => {
    const db = await freshDb();
    await saveCustomer(db, 'K', customer);
    await saveContract(db, 'K', contract('PE-1'), DEFAULT_PARTNER_SETTINGS);
    await db.snapshots.put(snapshot(112));
    const stored = (await db.contracts.get('k1'))!;
    const [due] = dueTrueUps(stored, await db.snapshots.toArray(), [], '2026-08-01');
    const quoted = await quoteDueTrueUp(db, 'Karin', 'k1', due!, 'Q-1');
    await expect(quoteDueTrueUp(db, 'Karin', 'k1', due!, 'Q-2')).rejects.toThrow(
      /already has its video adjustment/,
    );
    const ordered = await orderQuotedTrueUp(db, 'Jonas', quoted, 'PO-9');
    const applied = await applyOrderedTrueUp(db, 'Jonas', ordered);
    expect(applied.events.map((e) => [e.state, e.user])).toEqual([
      ['due', 'Karin'],
      ['quoted', 'Karin'],
      ['ordered', 'Jonas'],
      ['applied', 'Jonas'],
    ]);
    const changes = await db.changes
      .where('[entity+entityId]')
      .equals(['trueUp', quoted.id])
      .toArray();
    expect(changes.map((c) => [c.action, c.user])).toEqual([
      ['create', 'Karin'],
      ['update', 'Jonas'],
      ['update', 'Jonas'],
    ]);
  });

  it('imports a register in one go: created, then unchanged on the second import', async () => {
    const db = await freshDb();
    const [headers = [], ...rows] = registerRows(
      [{ ...contract('PE-7'), customerId: 'x' }],
      [{ ...customer, id: 'x' }],
    );
    const { contracts } = readRegister(
      headers,
      rows.map((cells, i) => ({ row: i + 2, cells })),
      'SEK',
    );
    expect(await importRegister(db, 'K', contracts)).toEqual({
      created: 1,
      updated: 0,
      unchanged: 0,
      customersCreated: 1,
    });
    expect(await importRegister(db, 'K', contracts)).toEqual({
      created: 0,
      updated: 0,
      unchanged: 1,
      customersCreated: 0,
    });
    expect((await db.customers.toArray()).map((c) => c.name)).toEqual(['Contoso AB']);
  });
});

describe('the service repository', () => {
  it('dates an RMA by the customer’s calendar, refuses one without a serial, and logs edits and deletes', async () => {
    const db = await freshDb();
    await saveCustomer(db, 'K', customer);
    const base = {
      id: 'r1',
      customerId: 'c1',
      serial: ' vf-1 ',
      model: 'Poly Voyager Focus 2 UC',
      category: 'headsets' as const,
      siteId: 'STO',
      requestedOn: '2026-04-01',
      approvedOn: '2026-04-02',
      shipBy: null,
      shippedOn: '2026-04-07',
      trackingNumber: '',
      returnBy: null,
      returnedOn: null,
      reason: '',
      caseId: null,
    };
    const saved = await saveRma(db, 'K', base);
    // The serial as the inventory identifies it (TERMS.md §2): trimmed, upper case.
    expect([saved.serial, saved.shipBy, saved.returnBy]).toEqual([
      'VF-1',
      '2026-04-07',
      '2026-04-21',
    ]);
    await expect(saveRma(db, 'K', { ...base, id: 'r2', serial: '' })).rejects.toBeInstanceOf(
      ServiceIssuesError,
    );
    // A shipment dated in the future is refused, naming the field and today.
    await expect(saveRma(db, 'K', { ...base, id: 'r3', shippedOn: '2999-01-01' })).rejects.toThrow(
      /shippedOn may not be after today/,
    );
    await expect(
      saveCase(db, 'K', {
        id: 'k',
        customerId: 'c1',
        siteId: '',
        title: 'Echo',
        priority: 'P3',
        openedAt: '2026-04-01T09:00:00Z',
        resolvedAt: null,
        polyCaseNumber: '',
        escalations: [],
        status: 'open',
      }),
    ).rejects.toThrow(/site ID/);
    await saveTimeEntry(db, 'K', {
      id: 't',
      customerId: 'c1',
      date: '2026-04-01',
      minutes: 45,
      activity: 'tam',
      note: '',
      isBillable: true,
      user: 'K',
    });
    await deleteServiceRecord(db, 'K', 'timeEntry', 't');
    const log = await db.changes.where('[entity+entityId]').equals(['timeEntry', 't']).toArray();
    expect(log.map((c) => c.action)).toEqual(['create', 'delete']);
    expect(await db.rmas.count()).toBe(1);
  });

  it('puts a deleted record back as the change log kept it, once, and all or nothing', async () => {
    const db = await freshDb();
    await saveCustomer(db, 'K', customer);
    const entry = {
      id: 't',
      customerId: 'c1',
      date: '2026-04-01',
      minutes: 45,
      activity: 'tam' as const,
      note: 'QBR',
      isBillable: true,
      user: 'K',
    };
    await saveTimeEntry(db, 'K', entry);
    const deleted = await deleteServiceRecord(db, 'K', 'timeEntry', 't');
    expect(deleted).toEqual(entry);
    expect(await deleteServiceRecord(db, 'K', 'timeEntry', 't')).toBeNull();
    expect((await deletedServiceRecords(db)).map((d) => [d.kind, d.value])).toEqual([
      ['timeEntry', entry],
    ]);

    // The change log fails while the record is put back: neither the record nor its change stays.
    const changes = await db.changes.count();
    const failing = vi.spyOn(db.changes, 'bulkAdd').mockRejectedValueOnce(new Error('disk full'));
    await expect(restoreServiceRecord(db, 'K', 'timeEntry', entry)).rejects.toThrow('disk full');
    failing.mockRestore();
    expect(await db.timeEntries.get('t')).toBeUndefined();
    expect(await db.changes.count()).toBe(changes);

    expect(await restoreServiceRecord(db, 'K', 'timeEntry', entry)).toBe(true);
    expect(await db.timeEntries.get('t')).toEqual(entry);
    expect(await deletedServiceRecords(db)).toEqual([]);
    // Restored again while it exists: refused, nothing overwritten.
    await saveTimeEntry(db, 'K', { ...entry, note: 'edited' });
    expect(await restoreServiceRecord(db, 'K', 'timeEntry', entry)).toBe(false);
    expect((await db.timeEntries.get('t'))?.note).toBe('edited');
    const log = await db.changes.where('[entity+entityId]').equals(['timeEntry', 't']).toArray();
    expect(log.map((c) => c.action)).toEqual(['create', 'delete', 'restore', 'update']);
  });

  it('opens an ECPS incident without authorisation only with an override reason', async () => {
    const db = await freshDb();
    await saveCustomer(db, 'K', customer);
    const incident = {
      id: 'i1',
      customerId: 'c1',
      cloudPartner: 'teams' as const,
      trackingNumber: 'MS-1',
      title: '',
      status: 'open' as const,
      openedAt: '2026-04-01T09:00:00Z',
      resolvedAt: null,
      updates: [],
      jointCalls: [],
      rooms: [],
      devices: [],
      override: null,
    };
    const refused = await saveIncident(db, 'K', incident).catch((e: unknown) => e);
    expect((refused as ServiceIssuesError).issues.map((i) => i.field)).toEqual(['override']);
    await saveIncident(db, 'K', {
      ...incident,
      override: {
        reason: 'P1 outage',
        warnings: ['no authorisation'],
        user: 'K',
        at: '2026-04-01T09:00:00Z',
      },
    });
    expect((await db.ecpsIncidents.get('i1'))?.override?.reason).toBe('P1 outage');
  });
});

describe('customer activity', () => {
  it('counts this year’s headset RMAs, overdue RMAs and minutes per month, for all or one customer', async () => {
    const db = await freshDb();
    const rma = (id: string, customerId: string, patch: object) => ({
      id,
      customerId,
      serial: id,
      model: 'Poly Voyager Focus 2 UC',
      category: 'headsets' as const,
      siteId: '',
      requestedOn: '2026-11-02',
      approvedOn: '2026-11-02',
      shipBy: '2026-11-03',
      shippedOn: '2026-11-03',
      trackingNumber: '',
      returnBy: '2026-11-17',
      returnedOn: '2026-11-10',
      reason: '',
      caseId: null,
      ...patch,
    });
    await db.rmas.bulkAdd([
      rma('a', 'c1', {}),
      rma('b', 'c1', { shippedOn: null, returnBy: null, returnedOn: null }),
      rma('c', 'c1', { returnedOn: null }),
      rma('d', 'c2', { approvedOn: '2025-12-30' }),
    ]);
    await db.timeEntries.bulkAdd([
      {
        id: 't1',
        customerId: 'c1',
        date: '2026-11-03',
        minutes: 60,
        activity: 'meeting',
        note: '',
        isBillable: true,
        user: 'K',
      },
      {
        id: 't2',
        customerId: 'c1',
        date: '2026-10-03',
        minutes: 30,
        activity: 'tam',
        note: '',
        isBillable: true,
        user: 'K',
      },
      {
        id: 't3',
        customerId: 'c2',
        date: '2026-11-04',
        minutes: 15,
        activity: 'other',
        note: '',
        isBillable: false,
        user: 'K',
      },
    ]);
    const all = await customerActivity(db, '2026-11-25');
    expect(all.get('c1')).toEqual({
      headsetRmasThisYear: 3,
      lateRmas: 1,
      unreturnedRmas: 1,
      usedMinutesByMonth: { '2026-11': 60, '2026-10': 30 },
    });
    expect(all.get('c2')).toEqual({
      headsetRmasThisYear: 0,
      lateRmas: 0,
      unreturnedRmas: 0,
      usedMinutesByMonth: { '2026-11': 15 },
    });
    const one = await customerActivity(db, '2026-11-25', { customerId: 'c1' });
    expect([...one.keys()]).toEqual(['c1']);
    expect(one.get('c1')).toEqual(all.get('c1'));
    const thisMonth = await customerActivity(db, '2026-11-25', { fromMonth: '2026-11' });
    expect(thisMonth.get('c1')?.usedMinutesByMonth).toEqual({ '2026-11': 60 });
    const carrying = {
      ...contract('PE-9'),
      termStart: '2026-10-01',
      settings: { ...contract('PE-9').settings, carryOverHours: true },
    };
    expect(firstLedgerMonth([contract('PE-1')], '2026-11-25')).toBe('2026-11');
    expect(firstLedgerMonth([contract('PE-1'), carrying], '2026-11-25')).toBe('2026-10');
    expect(firstLedgerMonth([{ ...carrying, termStart: '2020-01-01' }], '2026-11-25')).toBe(
      '2024-12',
    );
  });
});
