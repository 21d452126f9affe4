import { readFile, writeFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { Workstation } from './pages/workstation';
import { pinClock } from './calendar';
import { Raster } from '../../main/services/raster';
import { shoot } from './screenshots';

test('first run → name → demo portfolio → reload → backup → new machine → restore gives the same data', async ({
  page,
  browser,
}, testInfo) => {
  // Two demo books, a backup and a restore: about a minute on two cores.
  test.setTimeout(150_000);
  const app = new Workstation(page);
  await app.open();
  await expect(page.getByRole('heading', { name: 'Welcome to CSM Workstation' })).toBeVisible();
  await app.enterName('Karin Lindqvist');
  await app.loadDemoPortfolio();

  const customers = await app.portfolioCustomers();
  expect(customers).toHaveLength(12);
  expect(customers).toEqual(
    expect.arrayContaining([
      'Contoso AB',
      'Skärgårdens Vård AB',
      'Vasa Försäkring AB',
      'Nordlys Energi AS',
    ]),
  );
  expect(await app.statusOf('Contoso AB', 'Video')).toBe('trueUpDue');

  await app.reload();
  expect(await app.portfolioCustomers()).toEqual(customers);

  const download = await app.backup();
  const backupFile = testInfo.outputPath('backup.json');
  await download.saveAs(backupFile);
  expect(download.suggestedFilename()).toMatch(/^csm-workstation-backup-.*\.json$/);

  // Half of that backup is refused before anything is asked or touched.
  const half = testInfo.outputPath('half.json');
  const bytes = await readFile(backupFile);
  await writeFile(half, bytes.subarray(0, bytes.length / 2));
  await app.restoreRefused(half, /This backup is cut off/);
  await app.goTo('Portfolio');
  expect(await app.portfolioCustomers()).toEqual(customers);

  // A new machine: a fresh browser profile with an empty database.
  const fresh = await browser.newContext();
  await pinClock(fresh);
  const other = new Workstation(await fresh.newPage());
  await other.open();
  await other.enterName('Jonas Berg');
  await other.startEmpty();
  await expect(other.page.getByRole('heading', { name: 'No customers yet' })).toBeVisible();
  await other.restore(backupFile);
  await other.goTo('Portfolio');
  // The portfolio's live query reruns once the restore's transaction commits.
  await expect.poll(() => other.portfolioCustomers()).toEqual(customers);
  await other.goTo('Customers');
  await other.page
    .getByTestId('customer-list')
    .getByRole('link', { name: 'Skärgårdens Vård AB' })
    .click();
  await expect(other.page.getByRole('heading', { name: 'Skärgårdens Vård AB' })).toBeVisible();

  expect(app.consoleErrors).toEqual([]);
  expect(other.consoleErrors).toEqual([]);
  await fresh.close();
});

test('keyboard: the command palette opens a customer; Alt+number switches screens', async ({
  page,
}) => {
  const app = new Workstation(page);
  await app.open();
  await app.enterName('Karin');
  await app.loadDemoPortfolio();
  await app.openCommandPalette();
  await page.keyboard.type('Nordlys');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Nordlys Energi AS' })).toBeVisible();
  await page.keyboard.press('Alt+7');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await page.keyboard.press('Alt+1');
  await expect(app.portfolioTable()).toBeVisible();
  expect(app.consoleErrors).toEqual([]);
});

test('speaks Swedish when chosen, with Swedish number formats', async ({ page }) => {
  const app = new Workstation(page);
  await app.open();
  await app.enterName('Karin');
  await app.loadDemoPortfolio();
  await app.goTo('Settings');
  await page.getByText('Svenska', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Inställningar', level: 1 })).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Portfölj' }).click();
  await expect(page.getByRole('columnheader', { name: 'Hörlurar' })).toBeVisible();
  const vasa = page.locator('tbody tr[data-customer="Vasa Försäkring AB"]');
  await expect(vasa).toContainText(/\d\u00a0\d{3}/);
});

test('first run asks for the partner’s name and logo, refuses a file that is no picture, and Settings previews the report’s first page', async ({
  page,
}, testInfo) => {
  const logo = testInfo.outputPath('partner-logo.png');
  // A partner's mark: two bars on white, 3:1.
  const mark = new Raster(180, 60);
  mark.fill(
    [
      [
        [10, 50],
        [40, 50],
        [40, 20],
        [10, 20],
      ],
    ],
    [0x1c, 0x4e, 0x80],
  );
  mark.fill(
    [
      [
        [50, 50],
        [80, 50],
        [80, 8],
        [50, 8],
      ],
    ],
    [0x00, 0x91, 0xd5],
  );
  await writeFile(logo, mark.png());
  const notAPicture = testInfo.outputPath('notes.png');
  await writeFile(notAPicture, 'only text, named as a picture');
  const app = new Workstation(page);
  await app.open();
  await app.enterName('Karin Lindqvist');
  await app.enterPartner('Nordic AV Partner AB', notAPicture);
  await expect(page.getByText('That file is not a PNG or JPEG picture.')).toBeVisible();
  await app.chooseLogo(logo);
  await expect(page.getByText('That file is not a PNG or JPEG picture.')).toHaveCount(0);
  await expect(page.getByRole('img', { name: 'Nordic AV Partner AB' })).toBeVisible();
  await shoot(page, 'first-run-en');
  await app.startEmpty();
  await expect(page.getByRole('heading', { name: 'No customers yet' })).toBeVisible();
  // The header carries the partner's name; Settings shows it with the logo as the report will.
  await expect(page.getByRole('banner')).toContainText('Nordic AV Partner AB');
  await app.goTo('Settings');
  const preview = app.brandPreview();
  await expect(preview).toContainText('Monthly report from Nordic AV Partner AB');
  await expect(preview.getByRole('img', { name: 'Nordic AV Partner AB' })).toBeVisible();
  // A change shows in the preview before it is saved, and stays once saved.
  await page.getByLabel('Partner name').fill('Nordic AV AB');
  await expect(preview).toContainText('Monthly report from Nordic AV AB');
  const brand = page.getByRole('region', { name: 'Partner brand (for reports)' });
  await brand.getByRole('button', { name: 'Save' }).click();
  // Reloaded once the write is done, as a user sees it said.
  await expect(page.getByRole('alert').filter({ hasText: /^Saved$/ })).toBeVisible();
  await app.reload();
  await expect(app.brandPreview()).toContainText('Monthly report from Nordic AV AB');
  await preview.scrollIntoViewIfNeeded();
  await shoot(page, 'settings-en');
  await page.getByText('Svenska', { exact: true }).click();
  await expect(page.getByRole('figure', { name: 'Rapportens första sida' })).toContainText(
    'Månadsrapport från Nordic AV AB',
  );
  await shoot(page, 'settings-sv');
  expect(app.consoleErrors).toEqual([]);
});

test('first run in Swedish asks for the partner in Swedish', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'sv-SE' });
  await pinClock(context);
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByLabel('Ert företag (partnern)')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Välj logotyp…' })).toBeVisible();
  await shoot(page, 'first-run-sv');
  await context.close();
});
