/**
 * The support case form's rules as the user meets them (CaseSection over shared/service/cases and
 * saveCase): the partner calls Poly with the customer's site ID, never a serial (TERMS.md §6, §8).
 */
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../../../renderer/db/instance';
import { commitImport } from '../../../../../renderer/db/imports';
import { CaseSection } from '../../../../../renderer/features/service/CaseSection';
import { deviceIdentity } from '../../../../../shared/inventory';
import type { Device } from '../../../../../shared/model/device';
import type { Site } from '../../../../../shared/model/entities';
import { parsedInventory } from '../../db/parsed-inventory';
import { renderInApp } from '../render';
import { click, errorOf, field, type, typeAndLeave } from '../form-helpers';

const serial = 'SV1001';
const device: Device = {
  id: deviceIdentity(serial, '') ?? serial,
  serial,
  deviceId: '',
  model: 'Poly Voyager Focus 2',
  name: '',
  site: 'HQ',
  room: '',
  softwareVersion: '1',
  online: true,
  lastDetected: null,
  account: 'Contoso AB',
  accountId: '',
  mac: '',
  hardwareFamily: '',
};

const site = (siteId: string): Site =>
  ({ id: `s-${siteId}`, customerId: 'c1', name: 'HQ', siteId }) as Site;

beforeEach(async () => {
  await db.open();
  await db.customers.add({
    id: 'c1',
    name: 'Contoso AB',
    masterAccountId: '',
    country: 'SE',
    lensAccounts: ['Contoso AB'],
    csm: 'Karin',
    accountManager: '',
    isArchived: false,
  });
  await commitImport(db, 'Karin', {
    parsed: parsedInventory([device], '2025-11-30', { name: 'lens.csv', contentHash: 'h1' }),
    assignments: [{ account: 'Contoso AB', accountId: '', customerId: 'c1' }],
    newCustomers: [],
    overrides: [],
  });
});
afterEach(async () => {
  cleanup();
  await Promise.all(
    [db.customers, db.cases, db.changes, db.snapshots, db.imports, db.deviceLists].map((t) =>
      t.clear(),
    ),
  );
});

async function openNewCase(sites: Site[] = []) {
  await renderInApp(<CaseSection cases={[]} sites={sites} customerId="c1" user="Karin" />);
  click('New case');
  await screen.findByRole('dialog');
}

describe('the support case form', () => {
  it('refuses a case without a site ID or a title', async () => {
    await openNewCase();
    click('Save');
    await waitFor(() =>
      expect(errorOf(/^Site ID/)).toBe(
        'A case needs the customer’s site ID (never a serial number)',
      ),
    );
    expect(errorOf(/^Title/)).toBe('Required');
    expect(await db.cases.count()).toBe(0);
  });

  it('refuses a device’s serial number typed as the site ID, however it is typed', async () => {
    await openNewCase();
    type(/^Site ID/, ' sv1001 ');
    type(/^Title/, 'Headset does not pair');
    click('Save');
    await waitFor(() =>
      expect(errorOf(/^Site ID/)).toBe(
        'sv1001 is a device’s serial number: Poly needs the customer’s site ID here',
      ),
    );
    expect(await db.cases.count()).toBe(0);
  });

  it('refuses a case resolved before it was opened', async () => {
    await openNewCase();
    type(/^Site ID/, 'SITE-7');
    type(/^Title/, 'Headset does not pair');
    typeAndLeave(/^Opened/, '2025-12-10 10:00');
    typeAndLeave(/^Resolved/, '2025-12-10 09:45');
    click('Save');
    await waitFor(() => expect(errorOf(/^Resolved/)).toBe('May not be before Opened'));
    expect(await db.cases.count()).toBe(0);
  });

  it('an escalation records who was engaged: one without a name is refused', async () => {
    await openNewCase();
    type(/^Site ID/, 'SITE-7');
    type(/^Title/, 'Headset does not pair');
    click('Escalate');
    click('Save');
    await waitFor(() => expect(errorOf(/^Engaged/)).toBe('Required'));
    expect(await db.cases.count()).toBe(0);
    type(/^Engaged/, 'Poly TAC tier 2');
    click('Save');
    await waitFor(async () => expect(await db.cases.count()).toBe(1));
    expect((await db.cases.toArray())[0]?.escalations).toMatchObject([
      { level: 1, engaged: 'Poly TAC tier 2' },
    ]);
  });

  it('takes the site ID of a customer’s only site, and saves the case with it', async () => {
    await openNewCase([site('SITE-7')]);
    expect(field(/^Site ID/).value).toBe('SITE-7');
    type(/^Title/, 'Headset does not pair');
    click('Save');
    await waitFor(async () => expect(await db.cases.count()).toBe(1));
    expect((await db.cases.toArray())[0]).toMatchObject({
      siteId: 'SITE-7',
      title: 'Headset does not pair',
      status: 'open',
      resolvedAt: null,
    });
  });
});
