/**
 * The cloud-partner incident form's rules as the user meets them (IncidentForm over shared/service/ecps
 * and saveIncident, TERMS.md §8): a tracking number; without the customer's signed authorisation or a
 * current agreement with the partner, only with a recorded reason.
 */
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../../../renderer/db/instance';
import { IncidentForm } from '../../../../../renderer/features/service/IncidentForm';
import type { Customer } from '../../../../../shared/model/entities';
import { click, errorOf, type } from '../form-helpers';
import { renderInApp } from '../render';

const ready: Customer = {
  id: 'c1',
  name: 'Contoso AB',
  masterAccountId: '',
  country: 'SE',
  lensAccounts: [],
  csm: 'Karin',
  accountManager: '',
  isArchived: false,
  ecpsAuthorisation: { signedOn: '2024-01-15', signer: 'Eva Berg', documentRef: 'DOC-1' },
  cloudAgreements: [{ partner: 'teams', validUntil: '2099-12-31' }],
};

beforeEach(async () => {
  await db.open();
});
afterEach(async () => {
  cleanup();
  await Promise.all([db.customers.clear(), db.ecpsIncidents.clear(), db.changes.clear()]);
});

async function openNewIncident(customer: Customer) {
  await db.customers.put(customer);
  const onClose = vi.fn();
  await renderInApp(
    <IncidentForm incident={null} customer={customer} user="Karin" onClose={onClose} />,
  );
  await screen.findByRole('dialog');
  return onClose;
}

/** The warnings the form shows, one a line; none when it shows no warning. */
function warningsShown(): string[] {
  const alert = screen.queryByTestId('ecps-warning');
  if (!alert) return [];
  return [...alert.querySelectorAll('p')].map((p) => p.textContent);
}

describe('the cloud-partner incident form', () => {
  it('needs the provider’s tracking number', async () => {
    const onClose = await openNewIncident(ready);
    click('Save');
    await waitFor(() => expect(errorOf(/^Tracking number/)).toBe('Required'));
    expect(await db.ecpsIncidents.count()).toBe(0);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('opens an incident for a ready customer without a warning or an override', async () => {
    const onClose = await openNewIncident(ready);
    expect(warningsShown()).toEqual([]);
    type(/^Tracking number/, 'TEAMS-4711');
    click('Save');
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect((await db.ecpsIncidents.toArray()).map((i) => [i.trackingNumber, i.override])).toEqual([
      ['TEAMS-4711', null],
    ]);
  });

  it('without authorisation or agreement: warns of both, and opens only with a reason', async () => {
    const customer = { ...ready, ecpsAuthorisation: null, cloudAgreements: [] };
    await openNewIncident(customer);
    expect(warningsShown()).toEqual([
      'The customer has not signed the authorisation to act on its behalf.',
      'There is no support agreement with Microsoft Teams.',
    ]);
    type(/^Tracking number/, 'TEAMS-4711');
    click('Open anyway');
    await waitFor(() => expect(errorOf(/^Why open it anyway/)).toBe('Required'));
    expect(await db.ecpsIncidents.count()).toBe(0);

    type(/^Why open it anyway/, '  Outage, customer asked by phone  ');
    click('Open anyway');
    await waitFor(async () => expect(await db.ecpsIncidents.count()).toBe(1));
    expect((await db.ecpsIncidents.toArray())[0]?.override).toMatchObject({
      reason: 'Outage, customer asked by phone',
      warnings: [
        'The customer has not signed the authorisation to act on its behalf.',
        'There is no support agreement with Microsoft Teams.',
      ],
      user: 'Karin',
    });
  });

  it('warns of an agreement that expired before the incident is opened', async () => {
    await openNewIncident({
      ...ready,
      cloudAgreements: [{ partner: 'teams', validUntil: '2025-06-30' }],
    });
    expect(warningsShown()).toEqual([
      'The support agreement with Microsoft Teams expired on 30 Jun 2025.',
    ]);
  });

  it('an authorisation signed after the day the incident is opened does not count', async () => {
    await openNewIncident({
      ...ready,
      ecpsAuthorisation: { signedOn: '2099-01-01', signer: 'Eva Berg', documentRef: 'DOC-1' },
    });
    expect(warningsShown()).toEqual([
      'The customer has not signed the authorisation to act on its behalf.',
    ]);
  });
});
