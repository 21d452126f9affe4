/**
 * The lifecycle view on the demo book (issue 24): a customer's devices reaching end of support or end
 * of life within 3, 6 and 12 months, the portfolio's list, Swedish, and the replacement list read
 * back. The expected lines come from the same demo generator and shared code the app runs.
 */
import ExcelJS from 'exceljs';
import { dictionary, type Language } from '../../shared/i18n';
import type { LifecycleWindow } from '../../shared/inventory/lifecycle';
import { loadBundled } from './bundled';
import { browserNow } from './calendar';
import { expect, test, type Download } from './fixtures';
import { CustomerPage } from './pages/customer';
import { LifecyclePage, type ShownLine } from './pages/lifecycle';
import { Workstation } from './pages/workstation';
import { shoot } from './screenshots';
import type * as Book from './lifecycle-book';

const CUSTOMER = 'Kungsholmens Advokatbyrå KB';
const today = browserNow().toISOString().slice(0, 10);
let book: ReturnType<typeof Book.demoLifecycle>;

test.beforeAll(async () => {
  const bundle = await loadBundled<typeof Book>('test/e2e/lifecycle-book.ts');
  book = bundle.demoLifecycle(today, CUSTOMER);
});

/** The customer's lines the app should show for a window. */
function expected(months: LifecycleWindow, language: Language = 'en'): ShownLine[] {
  const noSite = dictionary(language).lifecycle.noSite;
  return book.lines[months].map((l) => ({
    place: l.site || noSite,
    model: l.model,
    quantity: String(l.quantity),
  }));
}

/** The downloaded workbook's first sheet. */
async function sheetOf(download: Download, path: string): Promise<ExcelJS.Worksheet> {
  await download.saveAs(path);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the workbook has no sheet');
  return sheet;
}

/** Each row's values from the first column. */
function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

test('a customer’s lifecycle for 3, 6 and 12 months, the portfolio’s, in both languages, exported', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const app = new Workstation(page);
  const lifecycle = new LifecyclePage(page);
  await app.openDemo();
  await new CustomerPage(page).open(CUSTOMER);
  await lifecycle.openTab();
  // The windows are nested: each holds the shorter ones' lines.
  expect(expected(3).length).toBeGreaterThan(0);
  expect(expected(12).length).toBeGreaterThan(expected(3).length);
  await expect.poll(() => lifecycle.lines()).toEqual(expected(12));
  await lifecycle.chooseWindow(3);
  await expect.poll(() => lifecycle.lines()).toEqual(expected(3));
  await lifecycle.stepWindow('ArrowRight');
  await expect(lifecycle.chosenWindow()).toHaveValue('6');
  await expect.poll(() => lifecycle.lines()).toEqual(expected(6));
  await expect(lifecycle.noticeLinks().first()).toHaveAttribute('href', /^https:\/\//);
  await expect(lifecycle.noticeLinks().first()).toHaveAttribute('target', '_blank');
  await shoot(page, 'lifecycle-customer-en');
  // A past month on the dashboard: the tab still lists today's, and says so.
  await page.getByTestId('month-picker').click();
  await page.getByRole('option').nth(2).click();
  await expect(page.getByTestId('lifecycle-today')).toContainText('as of today');
  await expect.poll(() => lifecycle.lines()).toEqual(expected(6));

  await lifecycle.openScreen();
  const { portfolio } = book;
  // Every customer's lines, by customer and model; the figures as the English UI groups them.
  const grouped = (n: number) => n.toLocaleString('en-GB');
  await expect
    .poll(() => lifecycle.lines())
    .toEqual(
      portfolio.map((r) => ({ place: r.customer, model: r.model, quantity: grouped(r.quantity) })),
    );
  // The total per model over every customer.
  expect(await lifecycle.totals()).toEqual(
    book.portfolioTotals.map((t) => ({ model: t.model, quantity: grouped(t.quantity) })),
  );
  await shoot(page, 'lifecycle-portfolio-en');
  const fromPortfolio = await lifecycle.exportList();
  expect(fromPortfolio.suggestedFilename()).toBe(`Portfolio – replacement list ${today}.xlsx`);
  const portfolioSheet = await sheetOf(fromPortfolio, testInfo.outputPath('portfolio.xlsx'));
  expect(portfolioSheet.name).toBe('Replacement list');
  const portfolioRows = rowsOf(portfolioSheet);
  const first = portfolioRows.findIndex((r) => r[0] === 'Customer') + 1;
  expect(
    portfolioRows.slice(first, first + portfolio.length).map((r) => [r[0], r[1], r[2]]),
  ).toEqual(portfolio.map((r) => [r.customer, r.model, r.quantity]));

  // A customer with nothing reaching an end says so in words.
  expect(book.calmCustomerId).toBeDefined();
  await page.evaluate(
    (id) => (window.location.hash = `#/customers/${id}/lifecycle`),
    book.calmCustomerId,
  );
  await expect(lifecycle.emptyNotice()).toContainText(
    'No device counted today reaches end of support or end of life in the next 12 months.',
  );

  await app.speakSwedish();
  lifecycle.speaking('sv');
  await lifecycle.waitForNotices();
  await lifecycle.openScreen();
  await shoot(page, 'lifecycle-portfolio-sv');
  await page.evaluate(
    (id) => (window.location.hash = `#/customers/${id}/lifecycle`),
    book.customerId,
  );
  await expect.poll(() => lifecycle.lines()).toEqual(expected(12, 'sv'));
  await shoot(page, 'lifecycle-customer-sv');

  const download = await lifecycle.exportList();
  expect(download.suggestedFilename()).toBe(`${CUSTOMER} – ersättningslista ${today}.xlsx`);
  const sheet = await sheetOf(download, testInfo.outputPath('replacements.xlsx'));
  expect(sheet.name).toBe('Ersättningslista');
  const rows = rowsOf(sheet);
  const header = rows.findIndex((r) => r[0] === 'Plats');
  const lines = rows.slice(header + 1, header + 1 + expected(12).length);
  expect(lines.map((r) => ({ place: r[0], model: r[1], quantity: String(r[2]) }))).toEqual(
    expected(12, 'sv'),
  );
  expect(lines.every((r) => typeof r[2] === 'number' && r[3] instanceof Date)).toBe(true);
  const totals = rows.slice(rows.findIndex((r) => r[0] === 'Summa per modell') + 2);
  const perModel = book.totals;
  expect(totals.slice(0, perModel.length).map((r) => [r[0], r[1]])).toEqual(
    perModel.map((t) => [t.model, t.quantity]),
  );
  sheet.eachRow((row) => row.eachCell((cell) => expect(cell.formula).toBeUndefined()));
  expect(app.consoleErrors).toEqual([]);
});
