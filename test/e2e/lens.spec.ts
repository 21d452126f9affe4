/**
 * Poly Lens API through the browser host, against a fake Lens on loopback: a connection saved in
 * Settings (a wrong secret refused), a tenant pulled through the import preview into a new customer,
 * pulled again from the customer's dashboard (unchanged), "Pull all" after Lens changed and when
 * Lens fails, offline, and the screens in English and Swedish.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from './fixtures';
import { HOST_DATA } from '../../playwright.config';
import { fakeDevices, startFakeLens, type FakeLens } from '../support/fake-lens';
import { ContractsPage } from './pages/contracts';
import { ImportsPage } from './pages/imports';
import { Workstation } from './pages/workstation';

let lens: FakeLens;

test.beforeAll(async () => {
  // The host outlives a run: start without connections a failed run may have left.
  await rm(join(HOST_DATA, 'lens-connections.json'), { force: true });
  lens = await startFakeLens({
    tenants: [
      {
        id: 'tenant-kvarnen',
        name: 'Kvarnen & Co',
        region: 'EU-1',
        devices: fakeDevices('tenant-kvarnen', 1_200),
      },
      {
        id: 'tenant-lindqvist',
        name: 'Lindqvist Bygg AB',
        devices: fakeDevices('tenant-lindqvist', 300, 'LB'),
      },
    ],
  });
});

test.afterAll(() => lens.close());

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screens/lens-${name}.png`, fullPage: true });

test('a customer pulled from the Lens API: connect, pull, pull again unchanged, pull all, faults, offline', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  const app = new Workstation(page);
  const imports = new ImportsPage(page);
  await app.open();
  await app.enterName('Karin');
  await app.startEmpty();

  await app.goTo('Imports');
  const panel = page.getByRole('region', { name: 'Poly Lens API' });
  await expect(panel).toContainText('No Lens API connection yet');
  await panel.getByRole('link', { name: 'Open Settings' }).click();

  // A wrong secret is refused and nothing is saved; the right one reaches both tenants.
  await page.getByRole('button', { name: 'Add connection…' }).click();
  const form = page.getByRole('dialog', { name: 'Lens API connection' });
  await form.getByLabel('Name').fill('Partner Lens');
  await form.getByLabel('Client ID').fill(lens.clientId);
  await form.getByLabel('Client secret').fill('not-the-secret');
  await form.getByLabel('Lens account IDs').fill('tenant-kvarnen\ntenant-lindqvist');
  await form
    .getByRole('button', { name: 'Addresses (change only for another Lens environment)' })
    .click();
  await form.getByLabel('Token address').fill(lens.tokenUrl);
  await form.getByLabel('API address').fill(lens.apiUrl);
  await form.getByRole('button', { name: 'Connect and save' }).click();
  await expect(form.getByTestId('lens-connection-error')).toHaveText(
    'signing in to Lens: the client ID and secret were refused (401)',
  );
  await form.getByLabel('Client secret').fill(lens.clientSecret);
  await form.getByRole('button', { name: 'Connect and save' }).click();
  await expect(form).toBeHidden();
  const connections = page.getByTestId('lens-connections');
  await expect(connections).toContainText('Kvarnen & Co (tenant-kvarnen), 1,200 devices');
  await expect(connections).toContainText('Lindqvist Bygg AB (tenant-lindqvist), 300 devices');
  // The secret never reaches the page.
  expect(await page.content()).not.toContain(lens.clientSecret);
  await shot(page, 'settings-en');

  // A tenant without a customer: pulled through the preview, as a file, into a new customer.
  await app.goTo('Imports');
  const tenants = page.getByTestId('lens-tenants');
  await expect(tenants.getByRole('row', { name: /Kvarnen & Co/ })).toContainText('No customer yet');
  await shot(page, 'imports-en');
  await tenants.getByRole('button', { name: 'Pull Kvarnen & Co from Lens' }).click();
  await expect(imports.preview()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('combobox', { name: 'Customer: Kvarnen & Co' })).toHaveValue(
    'New customer “Kvarnen & Co”',
  );
  expect(await imports.fact('Lens account')).toBe('Kvarnen & Co (tenant-kvarnen)');
  expect(await imports.fact('Rows')).toBe('1,200');
  await imports.importNow();
  await expect(imports.report()).toContainText('Kvarnen & Co');
  await imports.report().getByRole('button', { name: 'OK' }).click();
  await expect(imports.history()).toContainText('Lens API: Kvarnen & Co');

  // The customer's own button: the same tenant, unchanged, changes nothing.
  await app.goTo('Customers');
  // The customer list's own link (the Imports screen, still leaving, names the customer too).
  await page
    .getByTestId('customer-list')
    .getByRole('link', { name: 'Kvarnen & Co', exact: true })
    .click();
  await page.getByRole('button', { name: 'Pull from Lens' }).click();
  await expect(imports.preview()).toBeVisible({ timeout: 30_000 });
  await imports.importNow();
  await expect(imports.report()).toContainText('already imported for Kvarnen & Co');
  await imports.report().getByRole('button', { name: 'OK' }).click();

  // Lens gained 50 devices: Pull all imports them, one result per customer.
  lens.tenants
    .get('tenant-kvarnen')!
    .devices.push(...fakeDevices('tenant-kvarnen', 1_250).slice(1_200));
  await panel.getByRole('button', { name: 'Pull all (1)' }).click();
  const run = page.getByTestId('lens-pull-all');
  await expect(run).toContainText('Pulled 1 customers: 1 imported, 0 unchanged, 0 failed', {
    timeout: 30_000,
  });
  await expect(run.getByRole('row', { name: /Kvarnen & Co/ })).toContainText('1,250 devices');
  await shot(page, 'pull-all-en');
  await run.getByRole('button', { name: 'Close' }).click();

  // Lens fails part-way: the customer's result says why, and its inventory is as it was.
  lens.faults.push({ kind: 'errors', message: 'Tenant is suspended' });
  await panel.getByRole('button', { name: 'Pull all (1)' }).click();
  await expect(run).toContainText('0 imported, 0 unchanged, 1 failed', { timeout: 30_000 });
  await expect(run).toContainText('Lens answered with an error: "Tenant is suspended"');
  await run.getByRole('button', { name: 'Close' }).click();
  await expect(imports.history().locator('tbody tr')).toHaveCount(2);

  // Offline: nothing to pull, and the panel says why.
  await context.setOffline(true);
  await expect(page.getByTestId('lens-offline')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Pull all (1)' })).toBeDisabled();
  await tenants.getByRole('link', { name: 'Kvarnen & Co' }).click();
  await expect(page.getByRole('button', { name: 'Pull from Lens' })).toBeDisabled();
  await context.setOffline(false);

  // Swedish: the same screens in the other language.
  await app.goTo('Settings');
  await page.getByText('Svenska', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Inställningar', level: 1 })).toBeVisible();
  await shot(page, 'settings-sv');
  await page.getByRole('navigation').getByRole('link', { name: 'Importer' }).click();
  await page.getByRole('button', { name: 'Hämta alla (1)' }).click();
  await expect(run).toContainText('Hämtade 1 kunder', { timeout: 30_000 });
  await shot(page, 'imports-sv');
  await run.getByRole('button', { name: 'Stäng' }).click();

  // Removing the connection deletes its secret from the host.
  await page.getByRole('navigation').getByRole('link', { name: 'Inställningar' }).click();
  await page.getByRole('button', { name: 'Ta bort', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ta bort' }).click();
  await expect(page.getByTestId('lens-connections')).toBeHidden();
  await page.getByText('English', { exact: true }).click();
  // Offline, the browser logs each request it could not make; nothing else may be logged.
  expect(app.consoleErrors.filter((e) => !e.includes('net::ERR_INTERNET_DISCONNECTED'))).toEqual(
    [],
  );
});

test('the tenants a credential reaches, listed by Lens with their region, mapped to customers in one step', async ({
  page,
}) => {
  const app = new Workstation(page);
  await app.open();
  await app.enterName('Karin');
  await app.startEmpty();
  // A customer whose Lens accounts do not name the tenant yet.
  await new ContractsPage(page).createCustomer('Lindqvist Bygg', 'LB-old-account');
  await app.goTo('Settings');
  await page.getByRole('button', { name: 'Add connection…' }).click();
  const form = page.getByRole('dialog', { name: 'Lens API connection' });
  await form.getByLabel('Name').fill('Partner Lens (listed)');
  await form.getByLabel('Client ID').fill(lens.clientId);
  await form.getByLabel('Client secret').fill(lens.clientSecret);
  await form
    .getByRole('button', { name: 'Addresses (change only for another Lens environment)' })
    .click();
  await form.getByLabel('Token address').fill(lens.tokenUrl);
  await form.getByLabel('API address').fill(lens.apiUrl);
  await form.getByRole('button', { name: 'List Lens accounts' }).click();
  const listed = form.getByTestId('lens-listed-tenants');
  await expect(listed.locator('tr[data-tenant="tenant-kvarnen"]')).toContainText('EU-1');
  await expect(listed.locator('tr[data-tenant="tenant-lindqvist"]')).toContainText('–');
  // Listed for the first time, both are taken; Kvarnen is left out, Lindqvist mapped here.
  await expect(form.getByLabel('Lens account IDs')).toHaveValue('tenant-kvarnen\ntenant-lindqvist');
  await form.getByRole('checkbox', { name: 'Take Kvarnen & Co' }).uncheck();
  await expect(form.getByLabel('Lens account IDs')).toHaveValue('tenant-lindqvist');
  await form.getByRole('combobox', { name: 'Customer for Lindqvist Bygg AB' }).click();
  await page.getByRole('option', { name: 'Lindqvist Bygg', exact: true }).click();
  await page.screenshot({ path: 'test-results/screens/lens-tenants-en.png', fullPage: true });
  await form.getByRole('button', { name: 'Connect and save' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('lens-connections')).toContainText(
    'Lindqvist Bygg AB (tenant-lindqvist), 300 devices',
  );
  // The tenant now goes to its customer: the Imports panel pulls it there.
  await app.goTo('Imports');
  await expect(
    page.getByTestId('lens-tenants').getByRole('row', { name: /Lindqvist Bygg AB/ }),
  ).toContainText('Lindqvist Bygg');
  await expect(
    page.getByTestId('lens-tenants').getByRole('row', { name: /Lindqvist Bygg AB/ }),
  ).not.toContainText('No customer yet');
  expect(app.consoleErrors).toEqual([]);
});
