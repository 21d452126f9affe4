import { describe, expect, it } from 'vitest';
import { isScheduleDue } from '../../../../renderer/features/imports/lens-schedule';
import { lensTargets } from '../../../../renderer/features/imports/lens-pull';
import { runProgress } from '../../../../renderer/features/imports/LensPanel';
import type { Customer } from '../../../../shared/model/entities';

describe('the monthly Lens pull', () => {
  it('is due on the first start on or after its day, once a month', () => {
    const on = (day: number | null, lastRun: string | null, today: string) =>
      isScheduleDue({ day, lastRun }, today);
    expect(on(null, null, '2026-12-15')).toBe(false);
    expect(on(3, null, '2026-12-02')).toBe(false);
    expect(on(3, null, '2026-12-03')).toBe(true);
    // Away on the 3rd: the first start after it pulls.
    expect(on(3, '2026-11-03', '2026-12-19')).toBe(true);
    expect(on(3, '2026-12-03', '2026-12-19')).toBe(false);
    expect(on(3, '2026-12-03', '2027-01-03')).toBe(true);
  });
});

describe('tenants and customers', () => {
  const customer = (id: string, name: string, lensAccounts: string[]): Customer => ({
    id,
    name,
    masterAccountId: '',
    country: 'SE',
    lensAccounts,
    csm: 'Karin',
    accountManager: '',
    isArchived: false,
  });

  it('maps a tenant as a file’s Lens account: by the customer’s Lens accounts (name or ID), else its name', () => {
    const connection = {
      id: 'c1',
      label: 'Partner',
      clientId: 'id',
      tokenUrl: 'https://a',
      apiUrl: 'https://b',
      createdAt: '2026-12-01T00:00:00Z',
      tenants: [
        { id: 't-1', name: 'Kvarnen Lens', devices: 10 },
        { id: 't-2', name: 'Lindqvist Bygg AB', devices: 5 },
        { id: 't-3', name: 'Nobody', devices: 1 },
      ],
    };
    const rows = lensTargets(
      [connection],
      [customer('k', 'Kvarnen & Co', ['t-1']), customer('l', 'Lindqvist Bygg AB', [])],
    );
    expect(rows.map((r) => [r.tenant.id, r.customer?.id ?? null])).toEqual([
      ['t-1', 'k'],
      ['t-2', 'l'],
      ['t-3', null],
    ]);
  });

  it('counts a run’s progress by finished customers and the devices of the one under way', () => {
    const row = (
      state: 'imported' | 'pulling' | 'waiting',
      done = 0,
      total: number | null = null,
    ) => ({
      key: state,
      customer: customer('k', 'K', []),
      tenant: 'T',
      state,
      done,
      total,
      devices: 0,
      message: '',
    });
    expect(
      runProgress({
        rows: [row('imported'), row('pulling', 500, 1000), row('waiting'), row('waiting')],
        isRunning: true,
        isCancelled: false,
        startedBy: 'user',
      }),
    ).toBe(37.5);
  });
});
