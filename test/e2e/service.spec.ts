import { writeFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { ContractsPage } from './pages/contracts';
import { ImportsPage } from './pages/imports';
import { ServicePage } from './pages/service';
import { Workstation } from './pages/workstation';
import { browserNow } from './calendar';

const today = browserNow().toISOString().slice(0, 10);

test('service records: time, RMAs, cases and cloud-partner incidents entered, edited, refused when wrong', async ({
  page,
}, testInfo) => {
  const app = new Workstation(page);
  const contracts = new ContractsPage(page);
  const imports = new ImportsPage(page);
  const service = new ServicePage(page);
  await app.open();
  await app.enterName('Karin');
  await app.startEmpty();
  await contracts.createCustomer('Contoso AB', 'Contoso AB');
  await contracts.newContract({ number: 'PE-5', termStart: `${today.slice(0, 4)}-01-01` }, [
    {
      category: 'Headsets & personal devices',
      installedAtStart: '200',
      agreedGrowth: '0',
      unitPrice: '490',
    },
  ]);
  await contracts.dialog().getByLabel('CSM blocks per month').fill('1');
  await contracts.save();
  await expect(contracts.dialog()).toBeHidden();

  await imports.open();
  const inventory = testInfo.outputPath('contoso.csv');
  await writeFile(
    inventory,
    `Device Model,Serial Number,Site,Account,Last Detected\nPoly Voyager Focus 2 UC,VF-1,Stockholm HQ,Contoso AB,${today}T08:00:00Z\n`,
  );
  await imports.chooseFile(inventory);
  await imports.importNow();
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('link', { name: 'Contoso AB' }).click();
  await service.open();

  // CSM time: 8 h allowed; log 1:30, edit it to 2:00, delete it.
  await expect(service.hours('allowed')).toHaveText('8:00');
  await service.logTime('1:30', 'Meeting / QBR', 'QBR prep');
  await expect(page.getByTestId('time-list')).toContainText('QBR prep');
  await expect(service.hours('used')).toHaveText('1:30');
  await expect(service.hours('remaining')).toHaveText('6:30');
  await page
    .getByTestId('time-list')
    .getByRole('button', { name: /^Edit / })
    .click();
  // Time typed as people write it; Enter in a field saves the dialog.
  const time = service.dialog().getByRole('textbox', { name: 'Time (h:mm)' });
  await time.fill('2 h 5 min');
  await service.dialog().getByRole('button', { name: 'Save' }).click();
  await expect(service.dialog()).toContainText('In 15-minute steps, not 125 minutes');
  await time.fill('two hours');
  await time.press('Tab');
  await expect(time).toHaveValue('two hours');
  await expect(service.dialog()).toContainText('"two hours" is no duration');
  await time.fill('120 min');
  await time.press('Enter');
  await expect(service.dialog()).toBeHidden();
  await expect(service.hours('used')).toHaveText('2:00');
  await page
    .getByTestId('time-list')
    .getByRole('button', { name: /^Delete / })
    .click();
  await service.confirmDelete();
  await expect(service.hours('used')).toHaveText('0:00');
  // The notification undoes it; deleted again, Settings → Data puts it back later.
  const undo = page.getByRole('alert').filter({ hasText: /^Deleted / });
  await undo.getByRole('button', { name: 'Undo' }).click();
  await expect(service.hours('used')).toHaveText('2:00');
  await expect(page.getByTestId('time-list')).toContainText('QBR prep');
  await page
    .getByTestId('time-list')
    .getByRole('button', { name: /^Delete / })
    .click();
  await service.confirmDelete();
  await expect(service.hours('used')).toHaveText('0:00');
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  const deleted = page.getByTestId('deleted-records');
  await expect(deleted).toContainText('CSM time');
  await expect(deleted).toContainText('Contoso AB');
  await deleted.getByRole('button', { name: 'Restore' }).first().click();
  await expect(page.getByText('The record is back.')).toBeVisible();
  await expect(deleted).toBeHidden();
  await page.goBack();
  await expect(service.hours('used')).toHaveText('2:00');
  await page
    .getByTestId('time-list')
    .getByRole('button', { name: /^Delete / })
    .click();
  await service.confirmDelete();
  await expect(service.hours('used')).toHaveText('0:00');

  // Archiving the customer can be undone from its notification too.
  await page.getByRole('button', { name: 'Archive customer' }).click();
  await expect(page.getByText('Archived', { exact: true })).toBeVisible();
  await page
    .getByRole('alert')
    .filter({ hasText: 'Customer Contoso AB archived' })
    .getByRole('button', { name: 'Undo' })
    .click();
  await expect(page.getByRole('button', { name: 'Archive customer' })).toBeVisible();
  await service.open();

  // RMAs: the serial is required; a known serial fills model and site; ship-by skips Easter.
  await service.section('RMAs');
  await page.getByRole('button', { name: 'New RMA' }).click();
  await service.dialog().getByRole('button', { name: 'Save' }).click();
  await expect(service.dialog()).toContainText('An RMA needs the product’s serial number');
  await service.dialog().getByLabel('Serial number').fill('NOPE-1');
  await expect(page.getByTestId('serial-warning')).toContainText(
    'NOPE-1 is not in the current inventory',
  );
  await service.dialog().getByLabel('Serial number').fill('vf-1');
  await service.dialog().getByLabel('Model').click();
  await expect(service.dialog().getByLabel('Model')).toHaveValue('Poly Voyager Focus 2 UC');
  await service.dialog().getByLabel('Requested').fill('2026-04-01');
  await service.dialog().getByLabel('Approved').fill('2026-04-02');
  await service.dialog().getByLabel('Approved').press('Tab');
  await expect(service.dialog().getByLabel('Approved')).toHaveValue('2 Apr 2026');
  await service.dialog().getByRole('button', { name: 'Save' }).click();
  await expect(service.dialog()).toBeHidden();
  // Typed in lower case, stored as the inventory identifies it (TERMS.md §2).
  const rma = page.getByTestId('rma-list').locator('tr[data-serial="VF-1"]');
  await expect(rma.locator('[data-field="shipBy"]')).toHaveText('7 Apr 2026');
  await expect(rma.locator('[data-flag="late"]')).toBeVisible();
  await rma.getByRole('button', { name: /^Edit / }).click();
  // Escape closes the calendar, not the dialog; Enter in the date saves.
  await service.dialog().getByLabel('Shipped').fill('7/4/2026');
  await service.dialog().getByLabel('Shipped').press('Escape');
  await expect(service.dialog()).toBeVisible();
  await service.dialog().getByLabel('Shipped').press('Enter');
  await expect(service.dialog()).toBeHidden();
  await expect(rma.locator('[data-flag="late"]')).toHaveCount(0);
  await expect(rma.locator('[data-field="returnBy"]')).toHaveText('21 Apr 2026');
  await expect(rma.locator('[data-flag="unreturned"]')).toBeVisible();

  // Cases: the site ID is required; an escalation records who and when.
  await service.section('Cases');
  await page.getByRole('button', { name: 'New case' }).click();
  await service.dialog().getByLabel('Title').fill('Echo in boardroom');
  await service.dialog().getByRole('button', { name: 'Save' }).click();
  await expect(service.dialog()).toContainText(
    'A case needs the customer’s site ID (never a serial number)',
  );
  // A device's serial where the site ID belongs is refused with the reason.
  await service.dialog().getByRole('combobox', { name: 'Site ID' }).fill('vf-1');
  await service.dialog().getByRole('button', { name: 'Save' }).click();
  await expect(service.dialog()).toContainText(
    'vf-1 is a device’s serial number: Poly needs the customer’s site ID here',
  );
  await service.dialog().getByRole('combobox', { name: 'Site ID' }).fill('STO-1');
  await service.dialog().getByRole('button', { name: 'Save' }).click();
  await expect(service.dialog()).toBeHidden();
  const supportCase = page.getByTestId('case-list').locator('tr[data-title="Echo in boardroom"]');
  await supportCase.getByRole('button', { name: /^Edit / }).click();
  await service.dialog().getByRole('button', { name: 'Escalate' }).click();
  await service.dialog().getByLabel('Engaged').fill('Poly TAC');
  await service.dialog().getByRole('button', { name: 'Save' }).click();
  await expect(supportCase.locator('[data-field="escalation"]')).toContainText(
    'Level 1 · Poly TAC',
  );

  // ECPS: no authorisation yet, so opening warns and needs a recorded reason.
  await service.section('Cloud partners (ECPS)');
  await page.getByRole('button', { name: 'New incident' }).click();
  await service.dialog().getByLabel('Tracking number').fill('MS-1001');
  await expect(page.getByTestId('ecps-warning')).toContainText(
    'The customer has not signed the authorisation',
  );
  await expect(page.getByTestId('ecps-warning')).toContainText(
    'There is no support agreement with Microsoft Teams.',
  );
  await service.dialog().getByRole('button', { name: 'Open anyway' }).click();
  await expect(service.dialog()).toContainText('Required');
  await service
    .dialog()
    .getByLabel(/Why open it anyway/)
    .fill('P1 outage, authorisation on its way');
  await service.dialog().getByRole('button', { name: 'Open anyway' }).click();
  await expect(service.dialog()).toBeHidden();
  const incident = page.getByTestId('incident-list').locator('tr[data-tracking="MS-1001"]');
  await expect(incident.locator('[data-flag="override"]')).toBeVisible();

  const readiness = page.getByTestId('ecps-readiness');
  await readiness.getByLabel('Signed on').fill('2026-01-10');
  await readiness.getByLabel('Signed on').press('Tab');
  await readiness.getByLabel('Signed by').fill('Anna Ek, CIO');
  await readiness.getByRole('button', { name: 'Add agreement' }).click();
  await readiness.getByLabel('Valid until').fill('31 Dec 2099');
  await readiness.getByLabel('Valid until').press('Tab');
  await readiness.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('button', { name: 'New incident' }).click();
  await service.dialog().getByLabel('Tracking number').fill('MS-1002');
  await expect(page.getByTestId('ecps-warning')).toHaveCount(0);
  await service.dialog().getByLabel('Add a status update').fill('Microsoft investigating');
  await service.dialog().getByRole('button', { name: 'Save' }).click();
  const second = page.getByTestId('incident-list').locator('tr[data-tracking="MS-1002"]');
  await expect(second).toContainText('1 updates · 0 calls');
  await expect(second.locator('[data-flag="override"]')).toHaveCount(0);
  await second.getByRole('button', { name: /^Edit / }).click();
  await service.dialog().getByLabel('Note').fill('Joint call with Microsoft');
  await service.dialog().getByRole('button', { name: 'Add joint call' }).click();
  await service.dialog().getByRole('button', { name: 'Save' }).click();
  await expect(second).toContainText('1 updates · 1 calls');
  expect(app.consoleErrors).toEqual([]);
});

test('the week view: time for any customer, totals per customer and day', async ({ page }) => {
  const app = new Workstation(page);
  await app.open();
  await app.enterName('Karin');
  await app.loadDemoPortfolio();
  await app.goTo('Time');
  const form = page.getByTestId('week-entry');
  const service = new ServicePage(page);
  await service.pick(form.getByRole('combobox', { name: 'Customer' }), 'Contoso AB');
  await form.getByRole('textbox', { name: 'Time (h:mm)' }).fill('45 min');
  const before = await page.getByTestId('week-grid').locator('tfoot th').last().textContent();
  await form.getByRole('textbox', { name: 'Note' }).press('Enter');
  await expect(
    page.getByTestId('week-grid').locator('tr[data-customer="Contoso AB"]'),
  ).toBeVisible();
  const [h = 0, m = 0] = (before ?? '0:00').split(':').map(Number);
  const total = h * 60 + m + 45;
  await expect(page.getByTestId('week-grid').locator('tfoot th').last()).toHaveText(
    `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`,
  );
  expect(app.consoleErrors).toEqual([]);
});

test('the timer runs in the header on every screen and stopping it adds the entry', async ({
  page,
}) => {
  const app = new Workstation(page);
  const service = new ServicePage(page);
  await app.open();
  await app.enterName('Karin');
  await app.loadDemoPortfolio();
  await app.goTo('Customers');
  await page
    .getByTestId('customer-list')
    .getByRole('link', { name: 'Contoso AB', exact: true })
    .click();
  await service.open();
  const used = await service.hours('used').textContent();
  await page.getByRole('button', { name: 'Start timer' }).click();
  const header = page.getByTestId('header-timer');
  await expect(header).toContainText('Contoso AB · 0:00');
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { name: 'Renewals', level: 1 })).toBeVisible();
  await expect(header).toBeVisible();
  await header.getByRole('button', { name: 'Stop timer' }).click();
  await expect(header).toBeHidden();
  // Under a minute is rounded up to the first quarter hour, and the entry can be undone.
  const added = page.getByRole('alert').filter({ hasText: '0:15 added for Contoso AB' });
  await expect(added).toBeVisible();
  await page.goBack();
  await service.open();
  const [h = 0, m = 0] = (used ?? '0:00').split(':').map(Number);
  const total = h * 60 + m + 15;
  const plus = `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
  await expect(service.hours('used')).toHaveText(plus);
  await added.getByRole('button', { name: 'Undo' }).click();
  await expect(service.hours('used')).toHaveText(used ?? '0:00');
  expect(app.consoleErrors).toEqual([]);
});
