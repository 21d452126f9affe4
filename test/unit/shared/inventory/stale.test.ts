/** Stale devices by the contract's staleDays rule (TERMS.md §12), and the rule in force at a month's end (§10). */
import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../../../shared/catalog';
import { staleRuleAt } from '../../../../shared/contracts/as-of';
import { describeContractChanges } from '../../../../shared/contracts/describe';
import { draftOf, emptyDraft, readContractDraft } from '../../../../shared/contracts/draft';
import { registerRows, withRegister } from '../../../../shared/contracts/register';
import { newContractFrom, planRegister } from '../../../../shared/contracts/register-plan';
import { readRegister } from '../../../../shared/contracts/register-read';
import {
  classifyDevice,
  isStale,
  staleCount,
  summarizeInventory,
} from '../../../../shared/inventory';
import type { ChangeRecord, Contract } from '../../../../shared/model/entities';
import { videoDevice } from '../../../support/device';
import { customer as customerNamed } from '../../sync/fixtures';

const catalog = shippedCatalog();

const device = (serial: string, lastDetected: string | null) => videoDevice(serial, lastDetected);

describe('a stale device (TERMS.md §12)', () => {
  const asOf = '2026-07-31';

  it('is one last seen more than staleDays days before the as-of date: 31 days is, 30 is not', () => {
    // 2026-07-01 is 30 days before 2026-07-31, 2026-06-30 is 31.
    expect(isStale('2026-07-01T00:00:00Z', asOf, 30)).toBe(false);
    expect(isStale('2026-07-01T23:59:59Z', asOf, 30)).toBe(false);
    expect(isStale('2026-06-30T23:59:59Z', asOf, 30)).toBe(true);
    expect(classifyDevice(device('A', '2026-07-01T08:00:00Z'), catalog, asOf, 30)).toBe('video');
    expect(classifyDevice(device('B', '2026-06-30T08:00:00Z'), catalog, asOf, 30)).toBe('stale');
  });

  it('is counted for an import preview as the import will: deleted and archived ones apart', () => {
    const devices = [
      device('A', '2026-07-01T08:00:00Z'),
      device('B', '2026-06-30T08:00:00Z'),
      device('N', null),
      { ...device('D', '2026-01-01T08:00:00Z'), lensState: 'deleted' as const },
    ];
    expect(staleCount(devices, asOf, 30)).toBe(2);
    expect(staleCount(devices, asOf, 31)).toBe(1);
    expect(summarizeInventory(devices, catalog, asOf, 30).excluded.stale).toBe(2);
  });

  it('is never one under no rule; a device never detected is stale under any rule', () => {
    const never = device('N', null);
    const old = device('O', '2020-01-01T00:00:00Z');
    expect(classifyDevice(never, catalog, asOf)).toBe('video');
    expect(classifyDevice(old, catalog, asOf, null)).toBe('video');
    expect(classifyDevice(never, catalog, asOf, 90)).toBe('stale');
    expect(classifyDevice(old, catalog, asOf, 90)).toBe('stale');
  });

  it('stays deleted or archived where Lens marks it so', () => {
    const deleted = { ...device('D', null), lensState: 'deleted' as const };
    expect(classifyDevice(deleted, catalog, asOf, 30)).toBe('deleted');
  });

  it('is counted in no category, and the summary keeps the rule it counted with', () => {
    const devices = [
      device('A', '2026-07-30T08:00:00Z'),
      device('B', '2026-06-30T08:00:00Z'),
      device('C', null),
    ];
    const none = summarizeInventory(devices, catalog, asOf);
    expect([none.counts.video, none.excluded.stale, none.staleDays]).toEqual([3, 0, undefined]);
    const ruled = summarizeInventory(devices, catalog, asOf, 30);
    expect([ruled.counts.video, ruled.excluded.stale, ruled.staleDays]).toEqual([1, 2, 30]);
    expect(ruled.sites[0]?.excluded).toBe(2);
  });
});

const contract = (staleDays: number | null): Contract => {
  const read = readContractDraft(
    {
      ...emptyDraft('SEK'),
      number: 'PE-1',
      termStart: '2026-01-01',
      staleDays: staleDays === null ? '' : String(staleDays),
      categories: [{ category: 'video', installedAtStart: '3', agreedGrowth: '0', unitPrice: '1' }],
    },
    'SEK',
  );
  if (!read.contract) throw new Error(JSON.stringify(read.issues));
  return { ...read.contract, id: 'k1', customerId: 'c1', isArchived: false };
};

describe('the rule in force at a month’s end (TERMS.md §10)', () => {
  const change = (at: string, before: Contract | null, after: Contract): ChangeRecord => ({
    at,
    user: 'K',
    entity: 'contract',
    entityId: 'k1',
    action: before ? 'update' : 'create',
    before,
    after,
  });
  // Created without a rule in January, 30 days from 10 August, 60 days from 31 August 23:00 local.
  const changes = [
    change('2026-01-05T09:00:00Z', null, contract(null)),
    change('2026-08-10T09:00:00Z', contract(null), contract(30)),
    change('2026-09-01T09:00:00Z', contract(30), contract(60)),
  ];
  const current = contract(60);

  it('is the rule the contract had at the end of the month’s last day', () => {
    expect(staleRuleAt([current], changes, '2026-07-31')).toBeNull();
    expect(staleRuleAt([current], changes, '2026-08-31')).toBe(30);
    expect(staleRuleAt([current], changes, '2026-09-30')).toBe(60);
  });

  it('is none without a contract in force, and for a contract archived then', () => {
    expect(staleRuleAt([], changes, '2026-09-30')).toBeNull();
    const archived = { ...current, isArchived: true };
    expect(staleRuleAt([archived], [], '2026-09-30')).toBeNull();
  });
});

describe('the stale rule in the contract form and the register', () => {
  it('reads none, the offered choices and a typed number; refuses what is not a whole number', () => {
    const read = (text: string) =>
      readContractDraft({ ...draftOf(contract(null)), staleDays: text }, 'SEK');
    expect(read('').contract?.staleDays).toBeNull();
    expect(read('0').contract?.staleDays).toBeNull();
    expect(read('45').contract?.staleDays).toBe(45);
    expect(read('120').contract?.staleDays).toBe(120);
    expect(read('30,5').issues.map((i) => [i.field, i.code])).toEqual([
      ['staleDays', 'notWholeNumber'],
    ]);
    expect(draftOf(contract(60)).staleDays).toBe('60');
  });

  const customer = customerNamed('c1', { name: 'Contoso AB', lensAccounts: ['Contoso AB'] });

  it('is a register column written in English and read under its English or Swedish heading', () => {
    const [headers = [], row = []] = registerRows([contract(45)], [customer]);
    const column = headers.indexOf('Stale Days');
    expect(row[column]).toBe('45');
    for (const heading of ['Stale Days', 'Inaktiv efter dagar', 'inaktiv  efter dagar']) {
      const renamed = headers.map((h, i) => (i === column ? heading : h));
      const read = readRegister(renamed, [{ row: 2, cells: row }], 'SEK');
      expect(read.problems).toEqual([]);
      expect(read.contracts[0]?.contract.staleDays).toBe(45);
    }
  });

  it('sets the rule only where the register has the column; a blank cell is none', () => {
    const [headers = [], row = []] = registerRows([contract(45)], [customer]);
    const column = headers.indexOf('Stale Days');
    const blank = readRegister(
      headers,
      [{ row: 2, cells: row.map((c, i) => (i === column ? '' : c)) }],
      'SEK',
    );
    expect(withRegister(contract(45), blank.contracts[0]!).staleDays).toBeNull();
    const without = readRegister(
      headers.filter((_, i) => i !== column),
      [{ row: 2, cells: row.filter((_, i) => i !== column) }],
      'SEK',
    );
    expect(without.problems).toEqual([]);
    expect(withRegister(contract(45), without.contracts[0]!).staleDays).toBe(45);
    // A contract the register creates has no rule; exporting and importing it again changes nothing.
    const created = newContractFrom(without.contracts[0]!, 'k9', 'c1');
    expect(created.staleDays).toBeNull();
    const [again = [], againRow = []] = registerRows([created], [customer]);
    const reread = readRegister(again, [{ row: 2, cells: againRow }], 'SEK');
    expect(planRegister(reread.contracts, [customer], [created]).map((p) => p.action)).toEqual([
      'unchanged',
    ]);
  });
});

describe('a changed stale rule in the change history', () => {
  it('says what the limit was and became, in the user’s words, in English and Swedish', () => {
    expect(describeContractChanges(contract(null), contract(30), 'en')).toEqual([
      'Limit for devices not seen: No limit (every device counts) → 30 days',
    ]);
    expect(describeContractChanges(contract(30), contract(45), 'sv')).toEqual([
      'Gräns för enheter som inte setts: 30 dagar → 45 dagar',
    ]);
  });
});
