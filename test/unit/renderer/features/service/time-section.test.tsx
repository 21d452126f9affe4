/**
 * Quick time entry's rules as the user meets them (TimeSection over shared/service/time): CSM time in
 * 15-minute steps, at most a day per entry (TERMS.md §7), typed the way people write durations.
 */
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../../../renderer/db/instance';
import { TimeSection } from '../../../../../renderer/features/service/TimeSection';
import { renderInApp } from '../render';
import { click, errorOf, type } from '../form-helpers';

beforeEach(async () => {
  await db.open();
});
afterEach(async () => {
  cleanup();
  await Promise.all([db.timeEntries.clear(), db.changes.clear()]);
});

async function openTimeSection() {
  await renderInApp(
    <TimeSection
      customerId="c1"
      customerName="Contoso AB"
      entries={[]}
      user="Karin"
      today="2025-12-10"
    />,
  );
}

describe('quick time entry', () => {
  it.each([
    ['0:20', 'In 15-minute steps, not 20 minutes'],
    ['0:00', 'In 15-minute steps, not 0 minutes'],
    ['24:15', 'At most 24 hours, not 1455 minutes'],
  ])('refuses %s: %j', async (typed, error) => {
    await openTimeSection();
    type('Time (h:mm)', typed);
    click('Add time');
    await waitFor(() => expect(errorOf('Time (h:mm)')).toBe(error));
    expect(await db.timeEntries.count()).toBe(0);
  });

  it('says at once when the text is no duration, and saves nothing until it is one', async () => {
    await openTimeSection();
    type('Time (h:mm)', 'soon');
    expect(errorOf('Time (h:mm)')).toBe('"soon" is no duration: type 0:45, 45 min or 1.5 h');
    click('Add time');
    // The refusal is in: the entry as pressed, no duration, is not in 15-minute steps.
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Add time' }).dataset['loading']).toBeUndefined(),
    );
    type('Time (h:mm)', '0:45');
    // Corrected, the field shows no error, not the refusal of what was there before.
    expect(errorOf('Time (h:mm)')).toBe('');
    click('Add time');
    await waitFor(async () => expect(await db.timeEntries.count()).toBe(1));
    // Only the second press saved: one entry, of the duration typed last.
    expect((await db.timeEntries.toArray()).map((e) => e.minutes)).toEqual([45]);
  });

  it.each([
    ['1,5 h', 90],
    ['45 min', 45],
    ['24:00', 1440],
  ])('saves %s as %i minutes on the day shown', async (typed, minutes) => {
    await openTimeSection();
    type('Time (h:mm)', typed);
    click('Add time');
    await waitFor(async () => expect(await db.timeEntries.count()).toBe(1));
    expect((await db.timeEntries.toArray())[0]).toMatchObject({
      customerId: 'c1',
      date: '2025-12-10',
      minutes,
      user: 'Karin',
    });
  });
});
