/**
 * The RMA form's rules as the user meets them (RmaSection over shared/service/rma and saveRma): the
 * serial is required and looked up in the inventory, dates in order and not in the future, and the
 * ship-by date the customer's calendar gives (TERMS.md §6).
 */
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../../../renderer/db/instance';
import { shippedCatalog } from '../../../../../shared/catalog';
import type { ServiceView } from '../../../../../renderer/db/hooks/service';
import { commitImport } from '../../../../../renderer/db/imports';
import { RmaSection } from '../../../../../renderer/features/service/RmaSection';
import { deviceIdentity } from '../../../../../shared/inventory';
import type { Device } from '../../../../../shared/model/device';
import type { Customer } from '../../../../../shared/model/entities';
import { parsedInventory } from '../../db/parsed-inventory';
import { renderInApp } from '../render';
import { click, descriptionOf, errorOf, field, type, typeAndLeave } from '../form-helpers';

const customer: Customer = {
  id: 'c1',
  name: 'Contoso AB',
  masterAccountId: '',
  country: 'SE',
  lensAccounts: ['Contoso AB'],
  csm: 'Karin',
  accountManager: '',
  isArchived: false,
};

const device = (serial: string, model: string): Device => ({
  id: deviceIdentity(serial, '') ?? serial,
  serial,
  deviceId: '',
  model,
  name: '',
  site: 'Stockholm HQ',
  room: '',
  softwareVersion: '1',
  online: true,
  lastDetected: null,
  account: 'Contoso AB',
  accountId: '',
  mac: '',
  hardwareFamily: '',
});

/** Before the machine's today, so that no date of these tests is in the future. */
const today = '2025-12-20';

const view: ServiceView = {
  customer,
  contract: undefined,
  trueUps: [],
  sites: [],
  rmas: [],
  timeEntries: [],
  cases: [],
  incidents: [],
  catalog: shippedCatalog(),
  today,
};

beforeEach(async () => {
  await db.open();
  await db.customers.add(customer);
  await commitImport(db, 'Karin', {
    parsed: parsedInventory([device('SV1001', 'Poly Voyager Focus 2')], '2025-11-30', {
      name: 'lens.csv',
      contentHash: 'h1',
    }),
    assignments: [{ account: 'Contoso AB', accountId: '', customerId: 'c1' }],
    newCustomers: [],
    overrides: [],
  });
});
afterEach(async () => {
  cleanup();
  await Promise.all(
    [db.customers, db.rmas, db.changes, db.snapshots, db.imports, db.deviceLists].map((t) =>
      t.clear(),
    ),
  );
});

async function openNewRma() {
  await renderInApp(<RmaSection view={view} user="Karin" />);
  click('New RMA');
  await screen.findByRole('dialog');
}

describe('the RMA form', () => {
  it('refuses an RMA without a serial number', async () => {
    await openNewRma();
    click('Save');
    await waitFor(() =>
      expect(errorOf(/Serial number/)).toBe('An RMA needs the product’s serial number'),
    );
    expect(await db.rmas.count()).toBe(0);
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('finds a known serial however it is typed and fills in the model and category', async () => {
    await openNewRma();
    await waitFor(() => {
      typeAndLeave(/Serial number/, ' sv1001 ');
      expect(descriptionOf(/Serial number/)).toBe(
        'In the inventory: Poly Voyager Focus 2 at Stockholm HQ',
      );
    });
    expect(screen.queryByTestId('serial-warning')).toBeNull();
    expect(field('Model').value).toBe('Poly Voyager Focus 2');
    expect(field('Category').value).toBe('Headsets & personal devices');
    click('Save');
    await waitFor(async () => expect(await db.rmas.count()).toBe(1));
    // Stored as TERMS.md §2 identifies a device: trimmed and upper-cased.
    expect((await db.rmas.toArray())[0]).toMatchObject({
      serial: 'SV1001',
      model: 'Poly Voyager Focus 2',
      category: 'headsets',
    });
  });

  it('warns of a serial the inventory does not know, and still records the RMA', async () => {
    await openNewRma();
    await waitFor(() => {
      type(/Serial number/, 'XX9');
      expect(screen.getByTestId('serial-warning').textContent).toBe(
        'Serial XX9 is not in the current inventory. You can still record the RMA; check the serial.',
      );
    });
    click('Save');
    await waitFor(async () => expect(await db.rmas.count()).toBe(1));
  });

  it('ships by the next business day after approval in the customer’s country', async () => {
    await openNewRma();
    type(/Serial number/, 'SV1001');
    // Christmas Eve 2025 is a Wednesday: 25 and 26 December are holidays in Sweden, then a weekend.
    typeAndLeave(/Approved/, '2025-12-24');
    typeAndLeave(/Requested/, '2025-12-23');
    click('Save');
    await waitFor(async () => expect(await db.rmas.count()).toBe(1));
    expect((await db.rmas.toArray())[0]).toMatchObject({
      requestedOn: '2025-12-23',
      approvedOn: '2025-12-24',
      shipBy: '2025-12-29',
      shippedOn: null,
      returnBy: null,
    });
  });

  it('is due back 10 business days after shipping (the contract default), in that calendar', async () => {
    await openNewRma();
    type(/Serial number/, 'SV1001');
    typeAndLeave(/^Requested/, '2025-10-30');
    // Friday 31 October; Saturday 1 November is All Saints' Day, then Sunday: ship by Monday.
    typeAndLeave(/^Approved/, '2025-10-31');
    typeAndLeave(/^Shipped/, '2025-11-03');
    click('Save');
    await waitFor(async () => expect(await db.rmas.count()).toBe(1));
    expect((await db.rmas.toArray())[0]).toMatchObject({
      shipBy: '2025-11-03',
      shippedOn: '2025-11-03',
      returnBy: '2025-11-17',
      returnedOn: null,
    });
  });

  it.each([
    ['Approved', '2025-12-19', 'May not be before Requested'],
    ['Shipped', '2025-12-19', 'May not be before Approved'],
  ])('refuses %s dated %s, before the step before it: %j', async (label, date, error) => {
    await openNewRma();
    type(/Serial number/, 'SV1001');
    typeAndLeave(new RegExp(`^${label}`), date);
    click('Save');
    await waitFor(() => expect(errorOf(new RegExp(`^${label}`))).toBe(error));
    expect(await db.rmas.count()).toBe(0);
  });

  it('refuses a return dated before the shipment', async () => {
    await openNewRma();
    type(/Serial number/, 'SV1001');
    typeAndLeave(/^Shipped/, '2025-12-22');
    typeAndLeave(/^Returned/, '2025-12-21');
    click('Save');
    await waitFor(() => expect(errorOf(/^Returned/)).toBe('May not be before Shipped'));
    expect(await db.rmas.count()).toBe(0);
  });

  it('refuses a shipment dated after today', async () => {
    await openNewRma();
    type(/Serial number/, 'SV1001');
    typeAndLeave(/^Shipped/, '2099-01-02');
    click('Save');
    await waitFor(() =>
      expect(errorOf(/^Shipped/)).toMatch(/^May not be after today \(\d{4}-\d{2}-\d{2}\)$/),
    );
    expect(await db.rmas.count()).toBe(0);
  });
});
