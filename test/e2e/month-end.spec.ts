/**
 * Month-end figures a CSM can send (TERMS.md §4 and §10): last month's report after this month's
 * records, the four true-up states on the demo book, a register that never touches another customer's
 * contract, classifying unknown models where they are shown, a batch export that asks first, and a
 * customer without a contract that still shows its counts.
 */
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { expect, test, type Download } from './fixtures';
import { ContractsPage } from './pages/contracts';
import { CustomerPage } from './pages/customer';
import { ImportsPage } from './pages/imports';
import { monthLabel, pick } from './pages/pick';
import { ServicePage } from './pages/service';
import { Workstation } from './pages/workstation';
import { browserNow } from './calendar';
import { formatters } from '../../shared/i18n/format';

const now = browserNow();
const today = now.toISOString().slice(0, 10);
const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1))
  .toISOString()
  .slice(0, 7);
const lastMonthEnd = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0))
  .toISOString()
  .slice(0, 10);

async function workbookOf(download: Download): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  return workbook;
}

/** The cells of the first row of `sheet` whose first cell is `first`. */
function rowOf(workbook: ExcelJS.Workbook, sheet: string, first: unknown): unknown[] {
  let found: unknown[] = [];
  workbook.getWorksheet(sheet)?.eachRow((row) => {
    if (found.length === 0 && row.getCell(1).value === first) found = row.values as unknown[];
  });
  return found;
}

async function exportReport(page: Workstation['page'], customer: string, month: string) {
  await page.getByRole('navigation').getByRole('link', { name: 'Reports' }).click();
  await pick(page.getByRole('combobox', { name: 'Month' }), monthLabel(month));
  await page
    .getByTestId('report-list')
    .locator(`tr[data-customer="${customer}"]`)
    .getByRole('button', { name: 'Export…' })
    .click();
  const download = page.waitForEvent('download');
  await page.getByRole('dialog').getByRole('button', { name: 'Export', exact: true }).click();
  const workbook = await workbookOf(await download);
  // Saved is not sent: the user says so.
  await page.getByTestId('mark-sent').getByRole('button', { name: 'Mark as sent' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  return workbook;
}

test('last month’s report after this month’s records: its inventory, device list, changes and RMAs', async ({
  page,
}) => {
  const app = new Workstation(page);
  await app.open();
  await app.enterName('Karin');
  await app.loadDemoPortfolio();
  // Today: an RMA for Contoso. It belongs to this month, not last month's report.
  const customer = new CustomerPage(page);
  await customer.open('Contoso AB');
  const service = new ServicePage(page);
  await service.open();
  await service.section('RMAs');
  await page.getByRole('button', { name: 'New RMA' }).click();
  await service.dialog().getByLabel('Serial number').fill('TODAY-RMA-1');
  await service.dialog().getByRole('button', { name: 'Save' }).click();
  await expect(service.dialog()).toBeHidden();

  const report = await exportReport(page, 'Contoso AB', lastMonth);
  const summary = report.getWorksheet('Summary');
  let titles = '';
  summary?.eachRow((row, n) => {
    if (n < 6) titles += `${row.getCell(1).text}\n`;
  });
  // In words, as the first page writes dates and months.
  expect(titles).toContain(`Inventory as of: ${formatters('en').date(lastMonthEnd)}`);
  const rmaSheet = report.getWorksheet('RMAs');
  if (!rmaSheet) throw new Error('the report has no RMAs sheet');
  const rmas: string[] = [];
  rmaSheet.eachRow((row) => rmas.push(row.getCell(1).text));
  // The sheet is read, its title and header first; today's RMA is not in last month's report.
  expect(rmas.slice(0, 2)).toEqual([
    `RMAs · Contoso AB · ${monthLabel(lastMonth)}`,
    'Serial number',
  ]);
  expect(rmas).not.toContain('TODAY-RMA-1');
  // The month's own device list, with what came and went since the month before.
  const devices = report.getWorksheet('Devices');
  const changes: string[] = [];
  devices?.eachRow((row) => changes.push(row.getCell(10).text));
  expect(changes.filter((c) => c === 'New').length).toBeGreaterThan(0);
  expect(changes.length).toBeGreaterThan(400);
  // Contoso's video went over its trigger after the adjustment month: charged at renewal.
  // One status, the action: not "Over the trigger" beside it.
  expect(rowOf(report, 'Summary', 'Video')[7]).toBe('At renewal');
  expect(String(rowOf(report, 'Summary', 'Video')[8])).toMatch(/units added at renewal/);

  // The dashboard shows any past month the same way.
  await customer.open('Contoso AB');
  await pick(page.getByTestId('month-picker'), monthLabel(lastMonth));
  await expect(page.getByTestId('past-month')).toContainText(`As it stood at the end of`);
  expect(app.consoleErrors).toEqual([]);
});

test('the four true-up states on the demo book: portfolio, dashboard and report', async ({
  page,
}) => {
  const app = new Workstation(page);
  await app.open();
  await app.enterName('Karin');
  await app.loadDemoPortfolio();
  const row = (name: string) => app.portfolioTable().locator(`tbody tr[data-customer="${name}"]`);
  await expect(row('Fabrikam Logistics GmbH').locator('[data-action="projected"]')).toHaveText(
    /^Projected true-up: €99\.90 in February 2027$/,
  );
  await expect(row('Göta Kanal Logistik AB').locator('[data-action="due"]')).toHaveText(
    /^True-up overdue since April 2026: SEK\s7,650\.00$/,
  );
  await expect(row('Nordlys Energi AS').locator('[data-action="inProgress"]')).toHaveText(
    /^True-up in progress: NOK\s1,935\.48 \(July 2026\)$/,
  );
  await expect(row('Contoso AB').locator('[data-action="atRenewal"]')).toHaveText(
    'At renewal: +12 units',
  );
  // Each chip says its month and amount; only what can be acted on is under "needs action".
  await expect(row('Göta Kanal Logistik AB').locator('[data-alert="trueUp"]')).toContainText(
    'Video: true-up overdue, SEK',
  );
  await expect(row('Nordlys Energi AS').locator('[data-alert="trueUp"]')).toContainText(
    'Voice: true-up quoted: enter the PO',
  );
  await expect(row('Fabrikam Logistics GmbH').locator('[data-alert="trueUp"]')).toHaveCount(0);
  await expect(row('Contoso AB').locator('[data-alert="trueUp"]')).toHaveCount(0);

  const customer = new CustomerPage(page);
  await customer.open('Nordlys Energi AS');
  await expect(page.locator('[data-category="voice"] [data-field="action"]')).toContainText(
    'Quote Q-PE-1002-1. Next step: the partner’s PO number',
  );
  await customer.open('Fabrikam Logistics GmbH');
  await expect(page.locator('[data-category="voice"] [data-field="action"]')).toContainText(
    'Adjustment month',
  );

  const report = await exportReport(page, 'Göta Kanal Logistik AB', today.slice(0, 7));
  const video = rowOf(report, 'Summary', 'Video');
  expect(video[7]).toBe('True-up due');
  // The month in words, as the screens write it.
  expect(String(video[8])).toMatch(/^Overdue since [A-Z][a-z]+ \d{4}\. Next step: a quote for SEK/);
  expect(typeof video[12]).toBe('number');
  expect(app.consoleErrors).toEqual([]);
});

test('the register: a number of another customer is left out; a blank Baseline % takes its contract’s', async ({
  page,
}, testInfo) => {
  const app = new Workstation(page);
  const contracts = new ContractsPage(page);
  await app.open();
  await app.enterName('Jonas');
  await app.loadDemoPortfolio();
  const register = testInfo.outputPath('register.csv');
  await writeFile(
    register,
    [
      'Contract ID,Customer,Master Account ID,Term Start,Category,Installed At Start,Agreed Growth,Unit Price,Baseline %',
      'PE-1001,Fabrikam Nord AB,MA-999,2026-01-01,video,10,0,100,5',
      'PE-900,Ny Kund AB,MA-900,2026-01-01,video,95,5,240,',
      'PE-900,Ny Kund AB,MA-900,2026-01-01,voice,95,5,240,5',
      'PE-901,Annan Kund AB,MA-901,2026-01-01,video,10,0,100,5',
      'PE-901,Annan Kund AB,MA-901,2026-01-01,voice,10,0,100,6',
      '',
    ].join('\n'),
  );
  await contracts.importRegister(register);
  const problems = page.getByTestId('register-problems');
  await expect(problems).toContainText('PE-1001 is already the contract of Contoso AB (MA-');
  await expect(problems).toContainText('not of Fabrikam Nord AB (MA-999): left out');
  await expect(problems).toContainText('PE-901: Baseline % is 5 on row 5 and 6 on row 6');
  await expect(contracts.registerPlan().locator('tr[data-action="conflict"]')).toHaveCount(1);
  const created = contracts.registerPlan().locator('tr[data-action="create"]');
  await expect(created).toHaveCount(1);
  await expect(created).toContainText('Video: 95 installed, 5 growth, SEK 240.00 a unit a year');
  await page.getByRole('button', { name: 'Import 1 contract' }).click();
  await expect(page.getByText('Register imported: 1 contracts created')).toBeVisible();
  // Contoso's contract is as it was.
  await page.getByRole('link', { name: 'Contoso AB' }).click();
  await contracts.openContractTab();
  expect(await contracts.standingField('video', 'ordered')).toBe('100');
  expect(app.consoleErrors).toEqual([]);
});

test('unknown models are classified from the dashboard; the portfolio chip says devices and models', async ({
  page,
}) => {
  const app = new Workstation(page);
  await app.open();
  await app.enterName('Karin');
  await app.loadDemoPortfolio();
  const chip = app
    .portfolioTable()
    .locator('tbody tr[data-customer="Skärgårdens Vård AB"] [data-alert="unknownModels"]');
  await expect(chip).toHaveText('6 devices of 2 unknown models');
  const customer = new CustomerPage(page);
  await customer.open('Skärgårdens Vård AB');
  const voice = page.locator('[data-category="voice"] [data-field="count"]');
  const before = Number((await voice.textContent())?.replace(/\D/g, ''));
  const table = page.getByTestId('unknown-models');
  await pick(table.getByRole('combobox', { name: 'Classify Poly Mystery 9 as' }), 'Voice');
  await table
    .getByRole('row', { name: /Poly Mystery 9/ })
    .getByRole('button', { name: 'Classify' })
    .click();
  await expect(voice).toHaveText(String(before + 4));
  await expect(table.getByRole('row', { name: /Poly Mystery 9/ })).toHaveCount(0);
  // The portfolio chip opens the same classification for the model left.
  await app.goTo('Portfolio');
  await expect(chip).toHaveText('2 devices of 1 unknown model');
  await chip.click();
  await expect(page.getByRole('dialog')).toContainText('Plantronics Nova X2');
  expect(app.consoleErrors).toEqual([]);
});

test('export all asks first: warns of a customer without a contract, exports the chosen, marks only those sent', async ({
  page,
}, testInfo) => {
  const app = new Workstation(page);
  const imports = new ImportsPage(page);
  await app.open();
  await app.enterName('Karin');
  await app.loadDemoPortfolio();
  // A new customer with an inventory and no contract: its counts still show.
  await imports.open();
  const path = testInfo.outputPath('ny.csv');
  await writeFile(
    path,
    [
      'Device Model,Serial Number,Account,Last Detected',
      ...Array.from({ length: 7 }, (_, i) => `Poly CCX 400,NY-${i},Ny Kund AB,${today}T08:00:00Z`),
    ].join('\n'),
  );
  await imports.chooseFile(path);
  await imports.importNow();
  await app.goTo('Portfolio');
  const newRow = app.portfolioTable().locator('tbody tr[data-customer="Ny Kund AB"]');
  await expect(newRow).toContainText('No contract');
  await expect(newRow.locator('[data-field="count"]').nth(2)).toHaveText('7');

  await app.goTo('Reports');
  await page.getByRole('button', { name: 'Export all customers…' }).click();
  const dialog = page.getByRole('dialog');
  const ny = dialog.locator('tr[data-customer="Ny Kund AB"]');
  await expect(ny).toContainText('No contract: its report has counts only');
  await expect(ny.getByRole('checkbox')).not.toBeChecked();
  await dialog.locator('tr[data-customer="Contoso AB"]').getByRole('checkbox').uncheck();
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await dialog.getByRole('button', { name: 'Export 11 reports' }).click();
  const question = page.getByTestId('mark-sent');
  await expect(question).toContainText('11 reports saved in your downloads', { timeout: 60_000 });
  await expect.poll(() => downloads.length).toBe(12);
  await question.getByRole('button', { name: 'Mark as sent' }).click();
  await expect(page.getByText('11 reports marked as sent.')).toBeVisible();
  const list = page.getByTestId('report-list');
  await expect(list.locator('tr[data-customer="Contoso AB"]')).toContainText('Not sent');
  await expect(list.locator('tr[data-customer="Ny Kund AB"]')).toContainText('Not sent');
  await expect(list.locator('tr[data-customer="Nordlys Energi AS"]')).toContainText('Sent');
  expect(app.consoleErrors).toEqual([]);
});
