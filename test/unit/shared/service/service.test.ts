import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../../../shared/catalog';
import type {
  Contract,
  EcpsIncident,
  Rma,
  SupportCase,
  TimeEntry,
  TrueUp,
} from '../../../../shared/model/entities';
import { headsetRmaStatus, serviceSummary } from '../../../../shared/reports/service';
import { caseIssues, escalationLevel, minutesToResolve } from '../../../../shared/service/cases';
import { ecpsWarnings } from '../../../../shared/service/ecps';
import { monthLedger } from '../../../../shared/service/hours';
import { rmaDeadlines, rmaFlags, rmaIssues } from '../../../../shared/service/rma';
import { hoursText, timeEntryIssues, timerMinutes, weekOf } from '../../../../shared/service/time';
import { contractSettings, moneyToDecimal } from '../../../../shared/terms';

const contract: Contract = {
  id: 'k1',
  customerId: 'c1',
  number: 'PE-1',
  termStart: '2026-01-01',
  currency: 'SEK',
  categories: [
    { category: 'headsets', installedAtStart: 190, agreedGrowth: 10, unitPriceMinor: 49000 },
  ],
  adjustmentMonth: null,
  settings: contractSettings({ blocksPerMonth: 1 }),
  tam: false,
  professionalServicesDiscountPct: 0,
  isEcps: true,
  isArchived: false,
};

function rma(overrides: Partial<Rma>): Rma {
  return {
    id: Math.random().toString(36),
    customerId: 'c1',
    serial: 'S1',
    model: 'Poly Voyager Focus 2 UC',
    category: 'headsets',
    siteId: 'S-1',
    requestedOn: '2026-03-02',
    approvedOn: '2026-03-02',
    shipBy: '2026-03-03',
    shippedOn: '2026-03-03',
    trackingNumber: '',
    returnBy: '2026-03-17',
    returnedOn: '2026-03-10',
    reason: '',
    caseId: null,
    ...overrides,
  };
}

function supportCase(overrides: Partial<SupportCase>): SupportCase {
  return {
    id: Math.random().toString(36),
    customerId: 'c1',
    siteId: 'STO-1',
    title: 'Echo in boardroom',
    priority: 'P3',
    openedAt: '2026-03-02T09:00:00Z',
    resolvedAt: null,
    polyCaseNumber: '1234',
    escalations: [],
    status: 'open',
    ...overrides,
  };
}

describe('advance replacement dates across Swedish holidays (TERMS.md §6)', () => {
  it('ships the next business day: Maundy Thursday → the Tuesday after Easter; Christmas run → the 28th', () => {
    expect(rmaDeadlines({ approvedOn: '2026-04-02', shippedOn: null }, 'SE', 10).shipBy).toBe(
      '2026-04-07',
    );
    expect(rmaDeadlines({ approvedOn: '2026-12-23', shippedOn: null }, 'SE', 10).shipBy).toBe(
      '2026-12-28',
    );
    expect(rmaDeadlines({ approvedOn: '2026-06-18', shippedOn: null }, 'SE', 10).shipBy).toBe(
      '2026-06-22',
    );
    expect(rmaDeadlines({ approvedOn: '2026-06-18', shippedOn: null }, 'NO', 10).shipBy).toBe(
      '2026-06-19',
    );
  });

  it('gives the defective unit 10 business days from shipping, midsummer eve not counted', () => {
    expect(
      rmaDeadlines({ approvedOn: '2026-06-17', shippedOn: '2026-06-18' }, 'SE', 10).returnBy,
    ).toBe('2026-07-03');
  });

  it('flags a late shipment and an unreturned unit', () => {
    expect(rmaFlags(rma({ shippedOn: '2026-03-04' }), '2026-03-05')).toEqual({
      isLateShipment: true,
      isUnreturned: false,
    });
    expect(rmaFlags(rma({ shippedOn: null, returnBy: null }), '2026-03-04').isLateShipment).toBe(
      true,
    );
    expect(rmaFlags(rma({ shippedOn: null, returnBy: null }), '2026-03-03').isLateShipment).toBe(
      false,
    );
    expect(rmaFlags(rma({ returnedOn: null }), '2026-03-18')).toEqual({
      isLateShipment: false,
      isUnreturned: true,
    });
    expect(rmaFlags(rma({ returnedOn: null }), '2026-03-17').isUnreturned).toBe(false);
  });
});

describe('validation', () => {
  it('refuses an RMA without a serial number and dates out of order', () => {
    expect(rmaIssues(rma({ serial: '  ' })).map((i) => i.code)).toEqual(['serialRequired']);
    expect(
      rmaIssues(rma({ approvedOn: '2026-03-01', shippedOn: '2026-02-30' })).map((i) => [
        i.code,
        i.field,
      ]),
    ).toEqual([
      ['invalidDate', 'shippedOn'],
      ['beforeDate', 'approvedOn'],
    ]);
    expect(rmaIssues(rma({}))).toEqual([]);
    // Shipped or returned in the future: refused, with today's date.
    expect(
      rmaIssues(rma({ shippedOn: '2026-12-02', returnedOn: '2026-12-03' }), '2026-12-01').map(
        (i) => [i.code, i.field, i.value],
      ),
    ).toEqual([
      ['inFuture', 'shippedOn', '2026-12-01'],
      ['inFuture', 'returnedOn', '2026-12-01'],
    ]);
    expect(rmaIssues(rma({ shippedOn: '2026-12-01', returnedOn: null }), '2026-12-01')).toEqual([]);
  });

  it('refuses a case without a site ID, and a resolution before the opening', () => {
    expect(caseIssues(supportCase({ siteId: '' })).map((i) => i.code)).toEqual(['siteIdRequired']);
    expect(
      caseIssues(supportCase({ resolvedAt: '2026-03-01T09:00:00Z' })).map((i) => i.code),
    ).toEqual(['beforeDate']);
    expect(
      caseIssues(
        supportCase({ escalations: [{ level: 1, engaged: '', at: '2026-03-02T10:00:00Z' }] }),
      ).map((i) => i.field),
    ).toEqual(['escalations.0.engaged']);
    // A serial typed where the site ID belongs (in any case, with spaces) is refused with the reason.
    const serials = new Set(['SN-0042', 'ABC123']);
    expect(caseIssues(supportCase({ siteId: ' abc123 ' }), serials)).toEqual([
      { code: 'siteIdIsSerial', field: 'siteId', value: 'abc123' },
    ]);
    expect(caseIssues(supportCase({ siteId: 'STHLM-HQ' }), serials)).toEqual([]);
  });

  it('keeps time in 15-minute steps of at most a day', () => {
    const entry: TimeEntry = {
      id: 't',
      customerId: 'c1',
      date: '2026-03-02',
      minutes: 20,
      activity: 'meeting',
      note: '',
      isBillable: true,
      user: 'K',
    };
    expect(timeEntryIssues(entry).map((i) => i.code)).toEqual(['notQuarterHours']);
    expect(timeEntryIssues({ ...entry, minutes: 24 * 60 + 15 }).map((i) => i.code)).toEqual([
      'tooLong',
    ]);
    expect(timeEntryIssues({ ...entry, minutes: 45 })).toEqual([]);
    expect(timerMinutes(0, 61 * 60_000)).toBe(75);
    expect(timerMinutes(0, 1000)).toBe(15);
    expect(hoursText(450)).toBe('7:30');
    expect(weekOf('2026-11-25')).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
  });
});

describe('the block ledger with carry-over (TERMS.md §7)', () => {
  const used = { '2026-01': 6 * 60, '2026-02': 10 * 60 };
  it('carries unused minutes within the term only when the contract says so', () => {
    expect(monthLedger(contract, used, '2026-02')).toEqual({
      allowedMinutes: 480,
      usedMinutes: 600,
      remainingMinutes: 0,
      overageMinutes: 120,
    });
    const carrying = { ...contract, settings: { ...contract.settings, carryOverHours: true } };
    expect(monthLedger(carrying, used, '2026-02')).toEqual({
      allowedMinutes: 600,
      usedMinutes: 600,
      remainingMinutes: 0,
      overageMinutes: 0,
    });
  });
});

describe('the headset RMA threshold of the year (TERMS.md §6)', () => {
  const catalog = shippedCatalog();
  it('counts approved headset RMAs against ordered units in force, warns from 80 %, prices the excess', () => {
    const rmas = Array.from({ length: 11 }, (_, i) =>
      rma({ approvedOn: `2026-0${1 + (i % 9)}-1${i % 10}` }),
    );
    const status = headsetRmaStatus({ ...contract, currency: 'EUR' }, [], rmas, 2026, catalog);
    expect(status?.threshold).toMatchObject({
      base: 200,
      rmaCount: 11,
      allowed: 10,
      exceeded: true,
      excess: 1,
    });
    expect(status?.exposure.unpriced).toBe(0);
    expect(moneyToDecimal(status!.exposure.amount)).toBe('329.00');
    // List prices in another currency are not converted: the excess then counts as unpriced.
    expect(headsetRmaStatus(contract, [], rmas, 2026, catalog)?.exposure.unpriced).toBe(1);
    const applied = {
      contractId: 'k1',
      termStart: '2026-01-01',
      category: 'headsets',
      state: 'applied',
      count: 220,
    } as TrueUp;
    expect(headsetRmaStatus(contract, [applied], rmas, 2026, catalog)?.threshold).toMatchObject({
      base: 220,
      allowed: 11,
      exceeded: false,
      isWarning: true,
    });
    expect(
      headsetRmaStatus(contract, [], rmas.slice(0, 8), 2026, catalog)?.threshold.isWarning,
    ).toBe(true);
    expect(
      headsetRmaStatus(contract, [], rmas.slice(0, 7), 2026, catalog)?.threshold.isWarning,
    ).toBe(false);
    expect(headsetRmaStatus(contract, [], rmas, 2025, catalog)?.threshold.rmaCount).toBe(0);
  });
});

describe('ECPS readiness (TERMS.md §8)', () => {
  it('warns without a signed authorisation or a current agreement with the partner', () => {
    expect(ecpsWarnings({}, 'teams', '2026-03-01').map((w) => w.kind)).toEqual([
      'noAuthorisation',
      'noAgreement',
    ]);
    const ready = {
      ecpsAuthorisation: { signedOn: '2026-01-10', signer: 'Anna CIO', documentRef: 'A-1' },
      cloudAgreements: [{ partner: 'teams' as const, validUntil: '2026-12-31' }],
    };
    expect(ecpsWarnings(ready, 'teams', '2026-03-01')).toEqual([]);
    expect(ecpsWarnings(ready, 'teams', '2027-01-01')).toEqual([
      { kind: 'agreementExpired', partner: 'teams', validUntil: '2026-12-31' },
    ]);
    expect(ecpsWarnings(ready, 'teams', '2026-01-09').map((w) => w.kind)).toEqual([
      'noAuthorisation',
    ]);
  });
});

describe('the month’s service summary', () => {
  it('gathers RMAs, hours, cases and incidents of the month', () => {
    const cases = [
      supportCase({
        resolvedAt: '2026-03-03T09:00:00Z',
        status: 'resolved',
        escalations: [{ level: 1, engaged: 'Poly TAC', at: '2026-03-02T11:00:00Z' }],
      }),
      supportCase({ openedAt: '2026-02-20T09:00:00Z' }),
      supportCase({ openedAt: '2026-01-20T09:00:00Z', resolvedAt: '2026-01-21T09:00:00Z' }),
    ];
    const incident: EcpsIncident = {
      id: 'i',
      customerId: 'c1',
      cloudPartner: 'teams',
      trackingNumber: 'MS-1',
      title: 'Teams Rooms sign-in fails',
      status: 'open',
      openedAt: '2026-03-05T08:00:00Z',
      resolvedAt: null,
      updates: [],
      jointCalls: [{ at: '2026-03-06T10:00:00Z', note: 'with Microsoft' }],
      rooms: [],
      devices: [],
      override: null,
    };
    const entry = (date: string, minutes: number, isBillable = true): TimeEntry => ({
      id: date,
      customerId: 'c1',
      date,
      minutes,
      activity: 'meeting',
      note: '',
      isBillable,
      user: 'K',
    });
    const summary = serviceSummary('2026-03', {
      contract,
      trueUps: [],
      rmas: [
        rma({}),
        rma({
          requestedOn: '2026-02-27',
          approvedOn: '2026-02-27',
          shipBy: '2026-03-02',
          shippedOn: '2026-03-04',
          returnBy: '2026-03-18',
          returnedOn: null,
        }),
      ],
      timeEntries: [
        entry('2026-03-02', 300),
        entry('2026-03-20', 240, false),
        entry('2026-02-02', 60),
      ],
      cases,
      incidents: [incident],
      catalog: shippedCatalog(),
      asOf: '2026-03-31',
    });
    expect(summary.rmas.requested).toHaveLength(1);
    expect(summary.rmas.shipped).toBe(2);
    expect(summary.rmas.late).toHaveLength(1);
    expect(summary.rmas.unreturned).toHaveLength(1);
    expect(summary.hours.ledger).toEqual({
      allowedMinutes: 480,
      usedMinutes: 540,
      remainingMinutes: 0,
      overageMinutes: 60,
    });
    expect(summary.hours.billableMinutes).toBe(300);
    expect(summary.cases).toMatchObject({
      opened: 1,
      resolved: 1,
      openAtMonthEnd: 1,
      escalated: 1,
      medianMinutesToResolve: 1440,
    });
    expect(summary.cases.active).toHaveLength(2);
    expect(summary.incidents).toMatchObject({
      opened: 1,
      resolved: 0,
      openAtMonthEnd: 1,
      jointCalls: 1,
      overrides: 0,
    });
    expect(minutesToResolve(cases[0]!)).toBe(1440);
    expect(escalationLevel(cases[0]!)).toBe(1);
  });
});
