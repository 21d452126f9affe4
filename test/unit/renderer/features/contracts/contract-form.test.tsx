/**
 * The contract editor's rules as the user meets them (ContractForm over shared/contracts/draft and the
 * book checks of saveContract): each issue beside its field, nothing written until the contract is valid.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../../../renderer/db/instance';
import { DEFAULT_SETTINGS, type Settings } from '../../../../../renderer/db/settings';
import { ContractForm } from '../../../../../renderer/features/contracts/ContractForm';
import { contractSettings } from '../../../../../shared/terms';
import { errorOf, field, type } from '../form-helpers';
import { renderInApp } from '../render';

const settings: Settings = { ...DEFAULT_SETTINGS, userName: 'Karin' };

beforeEach(async () => {
  await db.open();
});
afterEach(async () => {
  cleanup();
  await Promise.all([db.contracts.clear(), db.changes.clear(), db.snapshots.clear()]);
});

async function openForm(partner = settings.partner) {
  const onClose = vi.fn();
  await renderInApp(
    <ContractForm
      customerId="c1"
      contract={null}
      settings={{ ...settings, partner }}
      onClose={onClose}
    />,
  );
  return onClose;
}

const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save' }));

/** A complete line of the first category offered (headsets): 90 installed, 10 growth, 49.00 a year. */
function fillLine(installed = '90', growth = '10', price = '49.00') {
  fireEvent.click(screen.getByRole('button', { name: 'Add category' }));
  type('Installed at start', installed);
  type('Agreed growth', growth);
  type('Unit price (annual)', price);
}

/** Number and term start typed, the dates read as the field reads them (on leaving it). */
function fillHead(number = 'PE-2001', termStart = '2026-01-01') {
  type(/Contract number/, number);
  const start = field(/Term start/);
  fireEvent.change(start, { target: { value: termStart } });
  fireEvent.blur(start);
}

describe('the contract form', () => {
  it('saves nothing without a number and a term start, and says so beside each', async () => {
    const onClose = await openForm();
    save();
    await waitFor(() => expect(errorOf(/Contract number/)).toBe('Required'));
    expect(errorOf(/Term start/)).toBe('Required');
    expect(await db.contracts.count()).toBe(0);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('a contract without a category is refused: at least one category', async () => {
    const onClose = await openForm();
    fillHead();
    save();
    expect(await screen.findByText('Choose at least one category')).toBeTruthy();
    expect(await db.contracts.count()).toBe(0);
    expect(onClose).not.toHaveBeenCalled();
  });

  it.each([
    ['0', 'From 1 to 120 months, not “0”'],
    ['121', 'From 1 to 120 months, not “121”'],
    ['12.5', 'A whole number of 0 or more, not “12.5”'],
    ['120', ''],
  ])('a term of %s months: %j', async (months, error) => {
    await openForm();
    type(/Term \(months\)/, months);
    expect(errorOf(/Term \(months\)/)).toBe(error);
  });

  it.each([
    ['2027-01', 'The adjustment month 2027-01 is outside the term'],
    ['2025-12', 'The adjustment month 2025-12 is outside the term'],
    ['2026-12', ''],
    ['2026-13', 'A month YYYY-MM, not “2026-13”'],
  ])('a 12-month term from 2026-01-01, adjustment month %s: %j', async (month, error) => {
    await openForm();
    fillHead();
    fillLine();
    type(/Adjustment month/, month);
    save();
    if (error) {
      await waitFor(() => expect(errorOf(/Adjustment month/)).toBe(error));
      expect(await db.contracts.count()).toBe(0);
    } else await waitFor(async () => expect(await db.contracts.count()).toBe(1));
  });

  it('a category line’s counts are whole numbers of 0 or more and its price an amount', async () => {
    await openForm();
    fillLine('-1', '2.5', 'abc');
    expect([
      errorOf('Installed at start'),
      errorOf('Agreed growth'),
      errorOf('Unit price (annual)'),
    ]).toEqual([
      'A whole number of 0 or more, not “-1”',
      'A whole number of 0 or more, not “2.5”',
      'An amount of 0 or more, not “abc”',
    ]);
  });

  it.each([
    ['5.125', 'A percentage of 0 or more with at most two decimals, not “5.125”'],
    ['-1', 'A percentage of 0 or more with at most two decimals, not “-1”'],
    ['7.5', ''],
  ])('a baseline of %s percent: %j', async (pct, error) => {
    await openForm();
    type('Baseline %', pct);
    expect(errorOf('Baseline %')).toBe(error);
  });

  it.each([
    // TERMS.md §3's table: ordered, baseline, triggerAt.
    ['90', '10', '5', '100 · 105 · 105'],
    ['25', '5', '5', '30 · 31.5 · 32'],
    ['1', '0', '5', '1 · 1.05 · 2'],
    ['0', '0', '5', '0 · 0 · 1'],
    ['180', '20', '10', '200 · 220 · 220'],
  ])(
    'installed %s + growth %s at a baseline of %s percent shows ordered · baseline · true-up at %j',
    async (installed, growth, pct, shown) => {
      await openForm();
      type('Baseline %', pct);
      fillLine(installed, growth);
      const row = field('Installed at start').closest('tr');
      if (!row) throw new Error('the category line is not a table row');
      expect(within(row).getByText(shown)).toBeTruthy();
    },
  );

  it('shows the term’s end, adjustment month and renewal as the start is typed', async () => {
    await openForm();
    fillHead('PE-2001', '2026-03-15');
    fillLine();
    expect(screen.getByTestId('term-preview').textContent).toBe(
      'Term ends 14 Mar 2027 · adjustment month September 2026 · renewal 15 Mar 2027',
    );
  });

  it('refuses a number another contract has, and keeps the dialog open', async () => {
    await db.contracts.add({
      id: 'k-other',
      customerId: 'c2',
      number: 'PE-2001',
      termStart: '2026-01-01',
      currency: 'SEK',
      categories: [
        { category: 'voice', installedAtStart: 5, agreedGrowth: 0, unitPriceMinor: 100 },
      ],
      adjustmentMonth: null,
      settings: contractSettings(),
      tam: false,
      professionalServicesDiscountPct: 0,
      isEcps: false,
      isArchived: false,
    });
    const onClose = await openForm();
    fillHead(' pe-2001 ');
    fillLine();
    save();
    await waitFor(() =>
      expect(errorOf(/Contract number/)).toBe('The contract number pe-2001 is already used'),
    );
    expect(await db.contracts.count()).toBe(1);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('refuses a contract where no chosen category meets the partner’s eligibility minimum', async () => {
    await openForm({
      ...settings.partner,
      eligibilityMinimum: { headsets: 100, video: 0, voice: 0 },
    });
    fillHead();
    fillLine('99', '10');
    save();
    expect(
      await screen.findByText(
        'No chosen category meets the partner’s eligibility minimum (headsets ≥ 100)',
      ),
    ).toBeTruthy();
    expect(await db.contracts.count()).toBe(0);
  });

  it('saves a valid contract with the price in minor units and the default adjustment month', async () => {
    const onClose = await openForm();
    fillHead();
    fillLine('90', '10', '49.00');
    save();
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    const saved = await db.contracts.toArray();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      customerId: 'c1',
      number: 'PE-2001',
      termStart: '2026-01-01',
      currency: 'SEK',
      categories: [
        { category: 'headsets', installedAtStart: 90, agreedGrowth: 10, unitPriceMinor: 4900 },
      ],
      adjustmentMonth: null,
      settings: contractSettings({ blocksPerMonth: 0 }),
    });
    expect((await db.changes.toArray()).map((c) => [c.entity, c.action, c.user])).toEqual([
      ['contract', 'create', 'Karin'],
    ]);
  });

  it('offers each category once: Add category is disabled once all three are chosen', async () => {
    await openForm();
    const add = screen.getByRole('button', { name: 'Add category' });
    for (let i = 0; i < 3; i++) fireEvent.click(add);
    expect(screen.getAllByLabelText('Installed at start')).toHaveLength(3);
    expect((add as HTMLButtonElement).disabled).toBe(true);
  });
});
