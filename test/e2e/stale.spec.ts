/**
 * Issue 24 point 2: a contract's stale rule (TERMS.md §12). Set in the contract form, it recounts this
 * month's inventory: the devices Lens has not seen for more than the limit leave the count and are
 * listed, with their last detection, in the "Not counted" panel and behind the device list's filter;
 * the notification's Undo puts the count back. Screens in English and Swedish.
 */
import { writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { browserNow } from './calendar';
import { ContractsPage } from './pages/contracts';
import { CustomerPage } from './pages/customer';
import { ImportsPage } from './pages/imports';
import { pick } from './pages/pick';
import { Workstation } from './pages/workstation';

const now = browserNow();
const day = (daysBefore: number) =>
  new Date(now.getTime() - daysBefore * 86_400_000).toISOString().slice(0, 10);
const termStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 6, 1))
  .toISOString()
  .slice(0, 10);

/** Five video devices: two seen today, one 30 days before, one 31 days before, one never. */
const LENS_CSV = [
  'Device Model,Serial Number,Account,Last Detected',
  `Poly Studio X50,SEEN-1,Contoso AB,${day(0)}T08:00:00Z`,
  `Poly Studio X50,SEEN-2,Contoso AB,${day(0)}T09:00:00Z`,
  `Poly Studio X50,DAYS-30,Contoso AB,${day(30)}T08:00:00Z`,
  `Poly Studio X50,DAYS-31,Contoso AB,${day(31)}T08:00:00Z`,
  'Poly Studio X50,NEVER,Contoso AB,',
].join('\n');

const shots = process.env.STALE_SHOTS;
const shot = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
};

test('the stale rule: set in the contract form, listed in the panel and the device filter, undone', async ({
  page,
}, testInfo) => {
  const app = new Workstation(page);
  const contracts = new ContractsPage(page);
  const customer = new CustomerPage(page);
  const imports = new ImportsPage(page);
  await app.open();
  await app.enterName('Karin');
  await app.startEmpty();
  await contracts.createCustomer('Contoso AB', 'Contoso AB');
  await contracts.newContract({ number: 'PE-24', termStart }, [
    { category: 'Video', installedAtStart: '5', agreedGrowth: '0', unitPrice: '49.00' },
  ]);
  await contracts.save();
  await expect(contracts.dialog()).toBeHidden();

  await imports.open();
  const path = testInfo.outputPath('contoso.csv');
  await writeFile(path, `${LENS_CSV}\n`);
  await imports.chooseFile(path);
  await imports.importNow();
  await customer.open('Contoso AB');
  await expect(page.locator('[data-category="video"] [data-field="count"]')).toHaveText('5');
  await expect(customer.notCountedFigure('Not seen in Lens')).toHaveText('0');

  // 30 days: the device last seen 31 days ago and the one never seen are not counted.
  await contracts.openContractTab();
  await contracts.setStaleDays({ choice: '30 days' });
  const notice = page
    .getByRole('alert')
    .filter({ hasText: 'Limit changed: 1 inventory recounted' });
  await expect(notice).toBeVisible();
  await customer.tab('Overview');
  await expect(page.locator('[data-category="video"] [data-field="count"]')).toHaveText('3');
  await expect(customer.notCountedFigure('Not seen in Lens')).toHaveText('2');
  await expect(customer.notCountedDevices()).toHaveText([
    /DAYS-31Poly Studio X50Not seen in Lens\d/,
    /NEVERPoly Studio X50Not seen in LensNever detected/,
  ]);
  await expect(page.getByText('Not seen for more than 30 days before')).toBeVisible();

  // The next file's preview says what the rule will leave out (the parse alone knows no contract).
  await imports.open();
  const next = testInfo.outputPath('contoso-next.csv');
  await writeFile(next, `${LENS_CSV}\nPoly Studio X50,SEEN-3,Contoso AB,${day(1)}T08:00:00Z\n`);
  await imports.chooseFile(next);
  await expect(imports.staleUnderRule('Contoso AB')).toHaveText(
    '2 devices not seen by Lens for more than 30 days: not counted under the contract’s rule',
  );
  await imports.cancel();
  await customer.open('Contoso AB');

  // The panel's link opens the device list filtered to them; the filter offers the class too.
  await customer.showStaleDevices();
  await expect(customer.deviceCount()).toHaveText('2 of 5 devices');
  await expect(page.getByTestId('device-explorer')).toContainText('DAYS-31');
  await expect(page.getByTestId('device-explorer')).not.toContainText('DAYS-30');
  await customer.filterDevices('Category or class', 'Any');
  await expect(customer.deviceCount()).toHaveText('5 of 5 devices');
  await customer.filterDevices('Category or class', 'Not seen in Lens');
  await expect(customer.deviceCount()).toHaveText('2 of 5 devices');
  // The file names no sites: the site filter offers "–" for devices without one, beside "Any".
  await customer.filterDevices('Site', '–');
  await expect(customer.deviceCount()).toHaveText('2 of 5 devices');

  // A typed limit: 31 days lets the device seen 31 days ago count again.
  await contracts.openContractTab();
  await contracts.setStaleDays({ typed: '31' });
  await customer.tab('Overview');
  await expect(page.locator('[data-category="video"] [data-field="count"]')).toHaveText('4');

  // Undo: the contract as it was before that save, and the count by it.
  await page
    .getByRole('alert')
    .filter({ hasText: 'Limit changed' })
    .last()
    .getByRole('button', { name: 'Undo' })
    .click();
  await expect(page.locator('[data-category="video"] [data-field="count"]')).toHaveText('3');
  await expect(customer.notCountedFigure('Not seen in Lens')).toHaveText('2');

  // Back to no limit: every device counts.
  await contracts.openContractTab();
  await contracts.setStaleDays({ choice: 'No limit (every device counts)' });
  await customer.tab('Overview');
  await expect(page.locator('[data-category="video"] [data-field="count"]')).toHaveText('5');
  await expect(customer.notCountedDevices()).toHaveCount(0);

  if (shots) {
    test.setTimeout(120_000);
    await screensInBothLanguages(page, contracts, next);
  }
});

/** The form, the panel and the filter with a rule set, in English and then Swedish (STALE_SHOTS). */
async function screensInBothLanguages(
  page: Page,
  contracts: ContractsPage,
  file: string,
): Promise<void> {
  const app = new Workstation(page);
  for (const [language, days, edit, other, save, overview, devices, show] of [
    [
      'en',
      '30',
      'Edit contract',
      'Another number of days…',
      'Save',
      'Overview',
      'Devices',
      /Device list: the/,
    ],
    [
      'sv',
      '21',
      'Redigera avtal',
      'Annat antal dagar…',
      'Spara',
      'Översikt',
      'Enheter',
      /Enhetslistan: de/,
    ],
  ] as const) {
    if (language === 'sv') {
      await app.goTo('Settings');
      await page.getByText('Svenska', { exact: true }).click();
      await page.getByRole('navigation').getByRole('link', { name: 'Kunder' }).click();
      await page.getByRole('link', { name: 'Contoso AB', exact: true }).click();
      await page.getByRole('tab', { name: 'Avtal' }).click();
    } else await contracts.openContractTab();
    await page.getByRole('button', { name: edit }).click();
    const field = contracts.dialog().getByTestId('stale-days');
    await pick(field.getByRole('combobox'), other);
    await field.getByRole('textbox').fill(days);
    await shot(page, `form-${language}`);
    await contracts.dialog().getByRole('button', { name: save }).click();
    await expect(contracts.dialog()).toBeHidden();
    await page.getByRole('tab', { name: overview }).click();
    await expect(page.getByTestId('not-counted-devices')).toBeVisible();
    await shot(page, `panel-${language}`);
    await page.getByRole('link', { name: show }).click();
    await expect(page.getByRole('tab', { name: devices, selected: true })).toBeVisible();
    await shot(page, `filter-${language}`);
    // The next file's preview with the rule set.
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('navigation').getByRole('link', { name: IMPORTS[language] }).click();
    await page.getByRole('button', { name: CHOOSE[language] }).click();
    await (await chooser).setFiles(file);
    await expect(page.getByTestId('account-stale')).toBeVisible();
    await shot(page, `preview-${language}`);
    await page
      .getByTestId('import-preview')
      .getByRole('button', { name: CANCEL[language] })
      .click();
  }
}

const IMPORTS = { en: 'Imports', sv: 'Importer' };
const CHOOSE = { en: 'Import inventory…', sv: 'Importera inventering…' };
const CANCEL = { en: 'Cancel', sv: 'Avbryt' };
