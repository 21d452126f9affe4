import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';
import { seriousViolations } from './axe';
import { CustomerPage } from './pages/customer';
import { Workstation } from './pages/workstation';

/** What the page fetched, seen from outside it (the pinned clock fakes the page's `performance`). */
let fetched: string[] = [];

test.beforeEach(async ({ page }) => {
  fetched = [];
  page.on('requestfinished', (request) => fetched.push(request.url()));
  const app = new Workstation(page);
  await app.open();
  await app.enterName('Karin');
  await app.loadDemoPortfolio();
});

test('the portfolio shows the seeded statuses and the alerts that need action', async ({
  page,
}) => {
  const app = new Workstation(page);
  expect(await app.statusOf('Contoso AB', 'Video')).toBe('trueUpDue');
  expect(await app.statusOf('Nordlys Energi AS', 'Video')).toBe('under');
  expect(await app.statusOf('Skärgårdens Vård AB', 'Voice')).toBe('under');
  expect(await app.statusOf('Göta Kanal Logistik AB', 'Video')).toBe('trueUpDue');
  const row = (name: string) => app.portfolioTable().locator(`tbody tr[data-customer="${name}"]`);
  await expect(row('Aurora Sparebank ASA').locator('[data-alert="rmaWarning"]')).toContainText(
    'Headset RMAs',
  );
  await expect(row('Skärgårdens Vård AB').locator('[data-alert="unknownModels"]')).toContainText(
    '6 devices of 2 unknown models',
  );
  await expect(row('Contoso AB').locator('[data-alert="renewalSoon"]')).toBeVisible();
  await page.getByRole('switch', { name: 'Only customers needing action' }).check({ force: true });
  // On the pinned day (calendar.ts) every demo customer but one has something to act on.
  expect(await app.portfolioCustomers()).toEqual([
    'Aurora Sparebank ASA',
    'Göta Kanal Logistik AB',
    'Nordlys Energi AS',
    'Contoso AB',
    'Helsinki Design Oy',
    'Northwind Traders A/S',
    'Vasa Försäkring AB',
    // In its adjustment month: that is something to act on now.
    'Öresund Media AB',
    'Skärgårdens Vård AB',
    'Kungsholmens Advokatbyrå KB',
    'Adatum Konsult AB',
  ]);
  expect(await seriousViolations(page)).toEqual([]);
  expect(app.consoleErrors).toEqual([]);
});

test('a customer past its baseline shows true-up due and a forecast, with a table for the chart', async ({
  page,
}) => {
  const app = new Workstation(page);
  const customer = new CustomerPage(page);
  await customer.open('Contoso AB');
  await expect(customer.categoryStatus('video')).toHaveAttribute('data-status', 'trueUpDue');
  await customer.showTrendOf('Video');
  await expect(customer.forecast()).toHaveText(/^Video reached 105 in \w+ \d{4}\.$/);
  await customer.showTrendOf('Headsets');
  // The growth plan's forecast (TERMS.md §11): the month, the likely months, to the term's end.
  await expect(customer.forecast()).toHaveText(
    /^Headsets (reaches 420 around \w+ \d{4}, likely (between \w+( \d{4})? and \w+ \d{4}|in that month|from .+)|is not expected to reach 420 before the term ends \(\w+ \d{4}\)(, though it may from \w+ \d{4})?)\.$/,
  );
  await expect(
    page.getByText(
      /^Forecast: (no change \(the latest count\)|least-squares trend line|damped-trend exponential smoothing), chosen by a backtest on the last \d+ month-end counts/,
    ),
  ).toBeVisible();
  // The fan's legend: the dashed central line and its two bands.
  const legend = page.getByTestId('trend-panel').locator('.recharts-legend-wrapper');
  await expect(legend).toContainText('Forecast');
  await expect(legend).toContainText('80 % interval');
  await expect(legend).toContainText('95 % interval');
  await expect(page.getByRole('img', { name: /Monthly device counts of Headsets/ })).toBeVisible();
  await page.getByRole('button', { name: 'Show as table' }).click();
  await expect(page.getByTestId('trend-table').locator('tbody tr')).toHaveCount(
    await page.getByTestId('trend-table').locator('tbody tr').count(),
  );
  expect(await page.getByTestId('trend-table').locator('tbody tr').count()).toBeGreaterThanOrEqual(
    18,
  );
  await expect(page.getByTestId('excluded-table')).toContainText('Needs a quote');
  expect(await seriousViolations(page)).toEqual([]);
  await customer.tab('Sites');
  await expect(page.locator('[data-site="Stockholm HQ"]')).toContainText('SE-CONT-001');
  expect(await seriousViolations(page)).toEqual([]);
  expect(app.consoleErrors).toEqual([]);
});

test('the device explorer filters and exports the filtered view to Excel', async ({
  page,
}, testInfo) => {
  const app = new Workstation(page);
  const customer = new CustomerPage(page);
  await customer.open('Kungsholmens Advokatbyrå KB');
  await customer.tab('Devices');
  await expect(customer.deviceCount()).toHaveText('87 of 87 devices');
  await customer.filterDevices('Category or class', 'End of life');
  await expect(customer.deviceCount()).toHaveText('38 of 87 devices');
  const serial =
    (await page
      .getByTestId('device-explorer')
      .locator('tbody tr[data-serial]')
      .first()
      .getAttribute('data-serial')) ?? '';
  await customer.searchDevices(serial.toLowerCase());
  await expect(customer.deviceCount()).toHaveText('1 of 87 devices');
  await customer.searchDevices('');
  await expect(customer.deviceCount()).toHaveText('38 of 87 devices');
  expect(await seriousViolations(page)).toEqual([]);

  const download = await customer.exportDevices();
  const path = testInfo.outputPath('devices.xlsx');
  await download.saveAs(path);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0];
  expect(sheet?.rowCount).toBe(39);
  expect(sheet?.getRow(1).getCell(1).value).toBe('Serial');
  expect(sheet?.getRow(2).getCell(4).value).toBe('End of life');
  sheet?.eachRow((row) => row.eachCell((cell) => expect(cell.formula).toBeUndefined()));
  const serials = sheet?.getColumn(1).values.slice(2) ?? [];
  expect(serials.every((v) => typeof v === 'string')).toBe(true);
  expect(app.consoleErrors).toEqual([]);
});

test('works offline: dashboards, trend and devices need no network', async ({ page, context }) => {
  const app = new Workstation(page);
  const customer = new CustomerPage(page);
  // The chart's code was fetched while the app was idle, before the network goes.
  await expect
    .poll(() => fetched.some((url) => url.includes('TrendChart')), { timeout: 15_000 })
    .toBe(true);
  await context.setOffline(true);
  await expect(page.getByText('Offline', { exact: true })).toBeVisible();
  await customer.open('Vasa Försäkring AB');
  await expect(page.getByRole('img', { name: /Monthly device counts/ })).toBeVisible();
  await customer.tab('Devices');
  await expect(customer.deviceCount()).toHaveText(/^50,\d{3} of 50,\d{3} devices$/, {
    timeout: 20_000,
  });
  await customer.filterDevices('Online', 'Offline');
  await expect(customer.deviceCount()).toHaveText(/^\d{1,2},?\d{3} of 50,\d{3} devices$/);
  await context.setOffline(false);
  expect(app.consoleErrors).toEqual([]);
});

test('the contract, service, renewals and time screens pass axe with no serious violations', async ({
  page,
}) => {
  // Axe over five screens of the demo book: about 40 s on two cores.
  test.setTimeout(120_000);
  const customer = new CustomerPage(page);
  const app = new Workstation(page);
  await customer.open('Contoso AB');
  await page.getByRole('tab', { name: 'Contract' }).click();
  await expect(page.getByTestId('contract-standing')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('tab', { name: 'Service' }).click();
  await expect(page.getByTestId('service-panel')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('tab', { name: 'Cases' }).click();
  await expect(page.getByTestId('case-list')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await app.goTo('Renewals');
  await expect(page.getByTestId('renewal').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await app.goTo('Time');
  await expect(page.getByTestId('week-grid')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  expect(app.consoleErrors).toEqual([]);
});
