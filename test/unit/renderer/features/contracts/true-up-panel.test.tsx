/**
 * The true-up steps as the user takes them (TrueUpPanel over shared/contracts/true-up-flow): a quote
 * needs its number, an order the partner's PO number, and nothing is applied without it (TERMS.md §4).
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../../../renderer/db/instance';
import { TrueUpPanel } from '../../../../../renderer/features/contracts/TrueUpPanel';
import { dueTrueUps } from '../../../../../shared/contracts/standing';
import type { Contract, Customer, TrueUp } from '../../../../../shared/model/entities';
import { contractSettings } from '../../../../../shared/terms';
import { renderInApp } from '../render';
import { click, errorOf, field, type } from '../form-helpers';

const customer: Customer = {
  id: 'c1',
  name: 'Contoso AB',
  masterAccountId: 'MA-1',
  country: 'SE',
  lensAccounts: [],
  csm: 'Karin',
  accountManager: '',
  isArchived: false,
};

// TERMS.md §4, first row: 12 months from 2026-01-01, ordered 100, 112 counted, 49.00 a year.
const contract: Contract = {
  id: 'k1',
  customerId: 'c1',
  number: 'PE-1001',
  termStart: '2026-01-01',
  currency: 'SEK',
  categories: [{ category: 'video', installedAtStart: 90, agreedGrowth: 10, unitPriceMinor: 4900 }],
  adjustmentMonth: null,
  settings: contractSettings(),
  tam: false,
  professionalServicesDiscountPct: 0,
  isEcps: false,
  isArchived: false,
};

const due = dueTrueUps(
  contract,
  [{ asOf: '2026-07-31', summary: { counts: { headsets: 0, video: 112, voice: 0 } } }],
  [],
  '2026-07-31',
);

beforeEach(async () => {
  await db.open();
  await db.contracts.put(contract);
});
afterEach(async () => {
  cleanup();
  await Promise.all([db.contracts.clear(), db.trueUps.clear(), db.changes.clear()]);
});

const panel = (trueUps: TrueUp[], dueNow = due) =>
  renderInApp(
    <TrueUpPanel
      contract={contract}
      customer={customer}
      due={dueNow}
      trueUps={trueUps}
      user="Karin"
    />,
  );

/** The quoted true-up the quote step stores, read back. */
async function quoted(): Promise<TrueUp> {
  await panel([]);
  click('Quote…');
  click('Record quote');
  await waitFor(async () => expect(await db.trueUps.count()).toBe(1));
  const [trueUp] = await db.trueUps.toArray();
  if (!trueUp) throw new Error('no true-up stored');
  cleanup();
  return trueUp;
}

describe('the true-up steps', () => {
  it('shows the due true-up’s calculation: 12 × 49.00 × 6 / 12 = 294.00', async () => {
    expect(due.map((d) => [d.category, d.added, d.amount.minor])).toEqual([['video', 12, 29400]]);
    await panel([]);
    click('Quote…');
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('12 × 49.00 × 6 / 12 = 294.00 SEK');
    expect(field(/Quote number/).value).toBe('Q-PE-1001-1');
  });

  it('a quote needs its number: an empty one is refused and nothing is stored', async () => {
    await panel([]);
    click('Quote…');
    type(/Quote number/, '   ');
    click('Record quote');
    await waitFor(() => expect(errorOf(/Quote number/)).toBe('Enter the quote number.'));
    expect(await db.trueUps.count()).toBe(0);
  });

  it('records the quote with the amount of the calculation, to the cent', async () => {
    const trueUp = await quoted();
    expect(trueUp).toMatchObject({
      contractId: 'k1',
      category: 'video',
      state: 'quoted',
      adjustmentMonth: '2026-07',
      count: 112,
      ordered: 100,
      added: 12,
      unitPriceMinor: 4900,
      monthsWhole: 6,
      amountMinor: 29400,
      quoteNumber: 'Q-PE-1001-1',
      poNumber: '',
    });
    expect(trueUp.events.map((e) => e.state)).toEqual(['due', 'quoted']);
  });

  it('an order needs the partner’s PO number: without it the true-up stays quoted', async () => {
    const trueUp = await quoted();
    await panel([trueUp], []);
    click('Enter PO…');
    type(/PO number/, '  ');
    click('Record order');
    await waitFor(() =>
      expect(errorOf(/PO number/)).toBe(
        'Enter the partner’s PO number: nothing is applied without it.',
      ),
    );
    expect((await db.trueUps.toArray()).map((t) => [t.state, t.poNumber])).toEqual([
      ['quoted', ''],
    ]);
  });

  it('records the order with its PO number, and offers to apply it with the new ordered units', async () => {
    const trueUp = await quoted();
    await panel([trueUp], []);
    click('Enter PO…');
    type(/PO number/, ' PO-77 ');
    click('Record order');
    await waitFor(async () =>
      expect((await db.trueUps.toArray()).map((t) => [t.state, t.poNumber])).toEqual([
        ['ordered', 'PO-77'],
      ]),
    );
    const stored = await db.trueUps.toArray();
    cleanup();
    await panel(stored, []);
    expect(screen.queryByRole('button', { name: 'Enter PO…' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Apply…' }));
    expect((await screen.findByRole('dialog')).textContent).toContain(
      'Ordered with PO PO-77. Applying resets the baseline: the new ordered units are 112.',
    );
  });
});
