/**
 * Settings → End-of-life register: a role that may not change the catalog reads the lines without a
 * way to change them; the dialog shows the catalog's date beside a date the line lacks, refuses dates
 * out of order beside the field, and saves a line in order.
 */
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../../../renderer/db/instance';
import { EolRegisterSettings } from '../../../../../renderer/features/settings/EolRegisterSettings';
import { click, descriptionOf, errorOf, type, typeAndLeave } from '../form-helpers';
import { renderInApp } from '../render';

beforeEach(async () => {
  await db.open();
  await db.eolRegister.add({
    id: 'l1',
    model: 'Trio 8800',
    endOfLife: '2027-12-31',
    notice: 'https://www.poly.com/eol/trio-8800',
    source: 'poly.csv',
  });
});

afterEach(async () => {
  cleanup();
  await Promise.all([db.eolRegister, db.changes].map((t) => t.clear()));
});

describe('the end-of-life register in Settings', () => {
  it('lists the lines read-only for a role that may not change them', async () => {
    await renderInApp(<EolRegisterSettings user="Bo" mayWrite={false} />);
    expect(await screen.findByText('Trio 8800')).toBeTruthy();
    expect(screen.getByText('Source: poly.csv')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Notice for Trio 8800' })).toBeTruthy();
    expect(screen.getByText('Only a CSM or an admin may change the register.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add a line' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit the line for Trio 8800' })).toBeNull();
  });

  it('shows the catalog’s date, refuses dates out of order beside the field and saves a line in order', async () => {
    await renderInApp(<EolRegisterSettings user="Karin" mayWrite />);
    click('Add a line');
    await screen.findByRole('dialog');
    type(/^Model/, 'Poly Studio X50');
    await waitFor(() => expect(descriptionOf('End of sale')).toMatch(/^Catalog: .*2024$/));
    typeAndLeave('End of support', '2028-06-30');
    typeAndLeave('End of life', '2027-06-30');
    click('Save');
    await waitFor(() => expect(errorOf('End of life')).toMatch(/^Comes before the end of support/));
    expect(await db.eolRegister.count()).toBe(1);
    typeAndLeave('End of life', '2029-06-30');
    click('Save');
    await waitFor(async () => expect(await db.eolRegister.count()).toBe(2));
    const saved = (await db.eolRegister.toArray()).find((l) => l.model === 'Poly Studio X50');
    expect(saved).toMatchObject({
      endOfSupport: '2028-06-30',
      endOfLife: '2029-06-30',
      source: 'Karin',
    });
    expect(await db.changes.where('entity').equals('eolRecord').count()).toBe(1);
  });
});
