import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { expect, test, type Download } from './fixtures';
import { monthLabel, pick } from './pages/pick';
import { ServicePage } from './pages/service';
import { Workstation } from './pages/workstation';
import { browserNow } from './calendar';
import { addMonthsToMonth } from '../../shared/terms/dates';

const month = browserNow().toISOString().slice(0, 7);

async function workbookOf(download: Download): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  const path = await download.path();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** The value beside a figure's label in the Summary sheet. */
function figure(workbook: ExcelJS.Workbook, label: string): ExcelJS.CellValue | undefined {
  let value: ExcelJS.CellValue | undefined;
  workbook.getWorksheet('Summary')?.eachRow((row) => {
    if (row.getCell(1).value === label) value = row.getCell(2).value;
  });
  return value;
}

test('a monthly report: exported with a note and archived; after new data it re-exports as sent and says what changed', async ({
  page,
}) => {
  const app = new Workstation(page);
  await app.open();
  await app.enterName('Karin');
  await app.loadDemoPortfolio();
  await app.goTo('Reports');
  await pick(page.getByRole('combobox', { name: 'Month' }), monthLabel(month));
  const contoso = page.getByTestId('report-list').locator('tr[data-customer="Contoso AB"]');
  await expect(contoso).toContainText('Not sent');
  // This month is still in progress: the screen says so, and the dialog too.
  await expect(page.getByTestId('month-in-progress')).toBeVisible();
  await contoso.getByRole('button', { name: 'Export…' }).click();
  await expect(page.getByRole('dialog').getByTestId('month-in-progress')).toBeVisible();
  await page
    .getByRole('dialog')
    .getByLabel('Note for the customer')
    .fill('=All rooms upgraded; QBR on the 12th.');
  // The PDF beside the workbook is asked for by default.
  await expect(
    page.getByRole('dialog').getByLabel('Also as a PDF beside the workbook'),
  ).toBeChecked();
  let download = page.waitForEvent('download', (d) => d.suggestedFilename().endsWith('.xlsx'));
  const pdf = page.waitForEvent('download', (d) => d.suggestedFilename().endsWith('.pdf'));
  await page.getByRole('dialog').getByRole('button', { name: 'Export', exact: true }).click();
  const sent = await workbookOf(await download);
  const pdfBytes = await readFile(await (await pdf).path());
  expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');
  expect((await pdf).suggestedFilename()).toBe(
    (await download).suggestedFilename().replace(/\.xlsx$/, '.pdf'),
  );
  // Saved is not sent: "Not yet" leaves it unsent; the same export again, marked as sent, sends it.
  const question = page.getByTestId('mark-sent');
  await expect(question).toContainText('Has this report gone to the customer?');
  await expect(question).toContainText('is still in progress');
  await question.getByRole('button', { name: 'Not yet' }).click();
  await expect(contoso).toContainText('Not sent');
  await contoso.getByRole('button', { name: 'Export…' }).click();
  await page
    .getByRole('dialog')
    .getByLabel('Note for the customer')
    .fill('=All rooms upgraded; QBR on the 12th.');
  // Without the PDF this time: the workbook alone, exported by Ctrl+Enter from the note.
  await page.getByRole('dialog').getByLabel('Also as a PDF beside the workbook').uncheck();
  download = page.waitForEvent('download');
  await page.getByRole('dialog').getByLabel('Note for the customer').press('Control+Enter');
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
  await question.getByRole('button', { name: 'Mark as sent' }).click();
  expect(sent.worksheets.map((s) => s.name)).toEqual([
    'Overview',
    'Summary',
    'Trend',
    'Devices',
    'Firmware',
    'RMAs',
    'CSM time',
    'Cases',
    'ECPS incidents',
  ]);
  // The note is there, as text: the row exists (its second cell is empty), and it is no formula.
  expect(figure(sent, '=All rooms upgraded; QBR on the 12th.')).toBeNull();
  // The first page, the customer's, carries it too, as text.
  const overview: unknown[] = [];
  sent.getWorksheet('Overview')?.eachRow((row) => overview.push(row.getCell(1).value));
  expect(overview).toContain('=All rooms upgraded; QBR on the 12th.');
  const usedBefore = figure(sent, 'Used') as Date;
  await expect(contoso).toContainText('Sent');

  // New data for the month: an hour more of CSM time.
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('link', { name: 'Contoso AB' }).click();
  const service = new ServicePage(page);
  await service.open();
  await service.logTime('1:00', 'Onboarding', 'New site');

  await app.goTo('Reports');
  await pick(page.getByRole('combobox', { name: 'Month' }), monthLabel(month));
  await contoso.getByRole('button', { name: 'Export…' }).click();
  await expect(page.getByRole('dialog')).toContainText('Sent');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: 'What changed since it was sent?' })
    .click();
  await expect(page.getByTestId('report-changes')).toContainText('CSM hours used:');
  download = page.waitForEvent('download');
  await page.getByRole('dialog').getByRole('button', { name: 'Re-export as sent' }).click();
  const again = await workbookOf(await download);
  expect(figure(again, 'Used')).toEqual(usedBefore);
  expect(figure(again, 'Cases opened')).toEqual(figure(sent, 'Cases opened'));
  expect(app.consoleErrors).toEqual([]);
});

test('all customers for a month: a workbook each and the portfolio workbook, with progress', async ({
  page,
}) => {
  // Thirteen workbooks of the demo book: about 30 s on two cores, more when they are shared.
  test.setTimeout(150_000);
  const app = new Workstation(page);
  await app.open();
  await app.enterName('Karin');
  await app.loadDemoPortfolio();
  await app.goTo('Reports');
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  // Nothing of last month is sent yet: the screen opens on it, the month a CSM sends now.
  await expect(page.getByRole('combobox', { name: 'Month' })).toHaveValue(
    monthLabel(addMonthsToMonth(month, -1)),
  );
  await expect(page.getByTestId('month-in-progress')).toHaveCount(0);
  await page.getByRole('button', { name: 'Export all customers…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Export 12 reports' }).click();
  await expect(page.getByTestId('batch-progress')).toBeVisible();
  const question = page.getByTestId('mark-sent');
  await expect(question).toContainText('12 reports saved in your downloads', { timeout: 120_000 });
  await expect.poll(() => downloads.length).toBe(13);
  await question.getByRole('button', { name: 'Mark as sent' }).click();
  await expect(page.getByText('12 reports marked as sent.')).toBeVisible();
  const names = downloads.map((d) => d.suggestedFilename());
  expect(names).toContain(
    `portfolio ${new Date(Date.UTC(browserNow().getUTCFullYear(), browserNow().getUTCMonth() - 1, 1)).toISOString().slice(0, 7)}.xlsx`,
  );
  const portfolio = await workbookOf(
    downloads.find((d) => d.suggestedFilename().startsWith('portfolio'))!,
  );
  const customers = new Set<string>();
  portfolio.getWorksheet('Portfolio')?.eachRow((row, n) => {
    if (n > 3) customers.add(row.getCell(1).text);
  });
  expect(customers.size).toBe(12);
  await expect(page.getByTestId('report-list').locator('tr', { hasText: 'Not sent' })).toHaveCount(
    0,
  );
  // Last month sent whole: the screen opens on this month next time, and says it is in progress.
  await app.goTo('Portfolio');
  await app.goTo('Reports');
  await expect(page.getByRole('combobox', { name: 'Month' })).toHaveValue(monthLabel(month));
  await expect(page.getByTestId('month-in-progress')).toBeVisible();
  expect(app.consoleErrors).toEqual([]);
});
