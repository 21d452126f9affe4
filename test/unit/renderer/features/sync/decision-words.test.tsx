/**
 * Decisions a person can read (issue 21): the record named as users know it, each field by its form's
 * label and each value as the app shows it, in both languages; never JSON, never an ID.
 */
import { cleanup, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SyncDecision } from '../../../../../renderer/db/sync-rows';
import { db } from '../../../../../renderer/db/instance';
import { DecisionCard } from '../../../../../renderer/features/sync/SyncDecisions';
import { i18n } from '../../../../../renderer/i18n';
import { renderInApp } from '../render';

const CUSTOMER = '7f3c2a10-0000-4000-8000-000000000001';
const CONTRACT = '7f3c2a10-0000-4000-8000-000000000002';
const ENTRY = '7f3c2a10-0000-4000-8000-000000000003';
const at = '2026-12-01T10:30:00.000Z';

beforeAll(async () => {
  await db.customers.put({ id: CUSTOMER, name: 'Contoso AB' } as never);
  await db.contracts.put({
    id: CONTRACT,
    customerId: CUSTOMER,
    number: 'PE-1006',
    currency: 'SEK',
  } as never);
  await db.timeEntries.put({
    id: ENTRY,
    customerId: CUSTOMER,
    date: '2026-12-01',
    minutes: 90,
    user: 'Karin',
    activity: 'meeting',
  } as never);
});

afterEach(cleanup);

/** The card's text as read (the formats' non-breaking spaces as spaces). */
const cardText = () => (screen.getByTestId('sync-decision').textContent ?? '').replace(/\s/g, ' ');

afterAll(async () => {
  await db.delete();
});

const contractDecision: SyncDecision = {
  entity: 'contracts',
  recordId: CONTRACT,
  kind: 'conflict',
  label: CONTRACT,
  yours: {},
  at,
  conflicts: [
    {
      field: 'categories',
      theirs: [{ category: 'video', agreedGrowth: 10, unitPriceMinor: 44400 }],
      yours: [{ category: 'video', agreedGrowth: 12, unitPriceMinor: 47000 }],
      by: 'Jonas',
      at,
    },
    { field: 'termStart', theirs: '2026-01-01', yours: '2026-02-01', by: 'Jonas', at },
    { field: 'categories/headsets/unitPriceMinor', theirs: 88800, yours: 90000, by: 'Jonas', at },
  ],
};

const timeDecision: SyncDecision = {
  entity: 'timeEntries',
  recordId: ENTRY,
  kind: 'conflict',
  label: ENTRY,
  yours: { minutes: 120 },
  at,
  conflicts: [
    { field: 'minutes', theirs: 90, yours: 120, by: 'Jonas', at },
    { field: 'activity', theirs: 'meeting', yours: 'escalation', by: 'Jonas', at },
  ],
};

describe('a decision in the user’s words', () => {
  it('names a contract by customer and number, and its lines and money as the app shows them', async () => {
    await renderInApp(<DecisionCard decision={contractDecision} />);
    expect(await screen.findByText('Contract Contoso AB · PE-1006')).toBeTruthy();
    const card = { textContent: cardText() };
    expect(card.textContent).toContain(
      'Categories: theirs Video: Agreed growth 10, Unit price (annual) SEK 444.00',
    );
    expect(card.textContent).toContain(
      'yours Video: Agreed growth 12, Unit price (annual) SEK 470.00',
    );
    expect(card.textContent).toContain('Term start: theirs 1 Jan 2026');
    // One field of one line: its path in the form's words, its value in money.
    expect(card.textContent).toContain(
      'Categories › Headsets & personal devices › Unit price (annual): theirs SEK 888.00',
    );
    expect(card.textContent).toContain('yours SEK 900.00');
    expect(card.textContent).toContain('yours 1 Feb 2026');
    expect(card.textContent).not.toMatch(/[{}[\]"]|7f3c2a10/);
  });

  it('names a time entry by date, person, duration and customer', async () => {
    await renderInApp(<DecisionCard decision={timeDecision} />);
    expect(
      await screen.findByText('Time entry 1 Dec 2026 · Karin · 2:00 · Contoso AB'),
    ).toBeTruthy();
    const card = { textContent: cardText() };
    expect(card.textContent).toContain('Time (h:mm): theirs 1:30 (Jonas');
    expect(card.textContent).toContain('yours 2:00');
    expect(card.textContent).toContain('Activity: theirs Meeting / QBR');
    expect(card.textContent).toContain('yours Escalation');
    expect(card.textContent).not.toMatch(/[{}[\]"]|7f3c2a10/);
  });

  it('shows the partner’s brand by its labels, its logo as a logo, never its bytes', async () => {
    const brand = (name: string) => ({
      name,
      logo: 'data:image/png;base64,iVBORw0KGgo=',
      primaryColor: '#1c4e80',
      accentColor: '#0091d5',
    });
    const partnerDecision: SyncDecision = {
      entity: 'partnerTerms',
      recordId: 'partner',
      kind: 'conflict',
      label: 'partner',
      yours: {},
      at,
      conflicts: [
        {
          field: 'brand',
          theirs: brand('Nordic AV'),
          yours: brand('Nordic AV AB'),
          by: 'Jonas',
          at,
        },
      ],
    };
    await renderInApp(<DecisionCard decision={partnerDecision} />);
    await screen.findByTestId('sync-decision');
    expect(cardText()).toContain('Partner brand (for reports): theirs');
    expect(cardText()).toContain('Partner name Nordic AV AB');
    expect(cardText()).toContain('Logo Logo');
    expect(cardText()).not.toMatch(/base64|iVBOR/);
  });

  it('speaks Swedish in Swedish', async () => {
    await renderInApp(<DecisionCard decision={timeDecision} />);
    await i18n.changeLanguage('sv');
    expect(await screen.findByText('Tidpost 1 dec. 2026 · Karin · 2:00 · Contoso AB')).toBeTruthy();
    expect(cardText()).toContain('Tid (h:mm): deras 1:30');
    await i18n.changeLanguage('en');
  });
});
