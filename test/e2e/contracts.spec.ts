import { readFile, writeFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';
import { ContractsPage } from './pages/contracts';
import { ImportsPage } from './pages/imports';
import { Workstation } from './pages/workstation';
import { browserNow } from './calendar';

/** Dates relative to today, so the adjustment month is always this month (TERMS.md §4 example 1). */
const now = browserNow();
const today = now.toISOString().slice(0, 10);
const termStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 6, 1))
  .toISOString()
  .slice(0, 10);

function lensCsv(account: string, video: number): string {
  const rows = ['Device Model,Serial Number,Account,Last Detected'];
  for (let i = 0; i < video; i++)
    rows.push(`Poly Studio X50,X50-${i},${account},${today}T08:00:00Z`);
  return `${rows.join('\n')}\n`;
}

test('a contract through the TERMS.md §3–4 example: baseline, due, quote, PO, applied, history', async ({
  page,
}, testInfo) => {
  const app = new Workstation(page);
  const contracts = new ContractsPage(page);
  const imports = new ImportsPage(page);
  await app.open();
  await app.enterName('Karin');
  await app.startEmpty();
  await contracts.createCustomer('Contoso AB', 'Contoso AB');
  // Validation: every problem beside its field as it is typed, all at once; nothing saved.
  await contracts.newContract({ number: 'PE-1001', termStart }, [
    { category: 'Video', installedAtStart: '-3', agreedGrowth: '10', unitPrice: '49,001' },
  ]);
  await expect(contracts.dialog()).toContainText('A whole number of 0 or more, not “-3”');
  await expect(contracts.dialog()).toContainText('An amount of 0 or more, not “49,001”');
  await contracts.save();
  await expect(contracts.dialog()).toBeVisible();
  await expect(contracts.dialog()).toContainText('A whole number of 0 or more, not “-3”');
  await contracts.dialog().getByRole('textbox', { name: 'Installed at start' }).fill('90');
  await contracts.dialog().getByRole('textbox', { name: 'Unit price (annual)' }).fill('49.00');
  await expect(contracts.dialog().getByTestId('term-preview')).toContainText('adjustment month');
  await contracts.save();
  await expect(contracts.dialog()).toBeHidden();

  expect(await contracts.standingField('video', 'ordered')).toBe('100');
  expect(await contracts.standingField('video', 'baseline')).toBe('105');
  expect(await contracts.standingField('video', 'triggerAt')).toBe('105');
  expect(await contracts.standingField('video', 'count')).toBe('–');

  // 112 devices this month: count ≥ triggerAt, so the true-up is due.
  await imports.open();
  const path = testInfo.outputPath('contoso.csv');
  await writeFile(path, lensCsv('Contoso AB', 112));
  await imports.chooseFile(path);
  await imports.importNow();
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('link', { name: 'Contoso AB' }).click();
  await contracts.openContractTab();
  expect(await contracts.standingField('video', 'count')).toBe('112');
  await expect(contracts.standing('video').locator('[data-status]')).toHaveAttribute(
    'data-status',
    'trueUpDue',
  );
  await expect(contracts.trueUp('video')).toHaveAttribute('data-state', 'due');
  await expect(contracts.trueUp('video')).toContainText('12 × 49.00 × 6 / 12 = 294.00 SEK');
  await expect(contracts.standing('video').locator('[data-action="due"]')).toHaveText(
    'True-up due',
  );

  await contracts.trueUpStep('video', 'Quote…');
  await contracts.dialog().getByLabel('Quote number').fill('Q-2026-17');
  await contracts.dialog().getByRole('button', { name: 'Record quote' }).click();
  await expect(contracts.trueUp('video')).toHaveAttribute('data-state', 'quoted');

  // Nothing is ordered (so nothing applied) without the partner's PO number.
  await contracts.trueUpStep('video', 'Enter PO…');
  await contracts.dialog().getByRole('button', { name: 'Record order' }).click();
  await expect(contracts.dialog()).toContainText(
    'Enter the partner’s PO number: nothing is applied without it.',
  );
  await contracts.dialog().getByLabel('Partner’s PO number').fill('PO-4711');
  await contracts.dialog().getByRole('button', { name: 'Record order' }).click();
  await expect(contracts.trueUp('video')).toHaveAttribute('data-state', 'ordered');

  await contracts.trueUpStep('video', 'Apply…');
  await expect(contracts.dialog()).toContainText('the new ordered units are 112');
  await contracts.dialog().getByRole('button', { name: 'Apply true-up' }).click();
  await expect(contracts.trueUp('video')).toHaveAttribute('data-state', 'applied');

  // The baseline reset: 112 ordered, baseline 117.6, triggerAt 118; the old baseline is kept.
  expect(await contracts.standingField('video', 'ordered')).toBe('112');
  expect(await contracts.standingField('video', 'baseline')).toBe('117.6');
  expect(await contracts.standingField('video', 'triggerAt')).toBe('118');
  await expect(contracts.standing('video').locator('[data-status]')).toHaveAttribute(
    'data-status',
    'within',
  );
  await expect(contracts.baselineHistory().locator('tbody tr')).toHaveCount(2);
  await expect(contracts.baselineHistory()).toContainText('True-up applied · Karin');
  await expect(contracts.changeHistory()).toContainText('Contract created');
  await expect(contracts.changeHistory()).toContainText('True-up quoted');
  await expect(contracts.changeHistory()).toContainText('Video: ordered with PO PO-4711');
  await expect(contracts.changeHistory()).toContainText('Video: applied, ordered units now 112');
  await expect(contracts.changeHistory()).not.toContainText('events.');

  // The quote sheet is a typed workbook: numbers, money and the date as such, not text.
  const download = page.waitForEvent('download');
  await contracts.trueUp('video').getByRole('button', { name: 'Quote sheet' }).click();
  expect((await download).suggestedFilename()).toBe('Contoso AB – Q-2026-17.xlsx');
  const quote = new ExcelJS.Workbook();
  await quote.xlsx.readFile(await (await download).path());
  const value = (field: string) => {
    let found: ExcelJS.Cell | undefined;
    quote.worksheets[0]?.eachRow((row) => {
      if (row.getCell(1).text.startsWith(field)) found = row.getCell(2);
    });
    return found;
  };
  expect(value('Count')?.value).toBe(112);
  expect(value('Added units')?.value).toBe(12);
  expect(value('Ordered before')?.value).toBe(100);
  expect(value('Amount')?.value).toBe(294);
  expect(value('Amount')?.numFmt).toBe('#,##0.00');
  expect(value('Unit price')?.value).toBe(49);
  expect(value('Months charged')?.value).toBe(6);
  expect(value('Inventory as of')?.value).toEqual(new Date(`${today}T00:00:00Z`));
  expect(app.consoleErrors).toEqual([]);
});

test('the contract register: Swedish file with a bad row, preview, import, export then import changes nothing', async ({
  page,
}, testInfo) => {
  const app = new Workstation(page);
  const contracts = new ContractsPage(page);
  await app.open();
  await app.enterName('Jonas');
  await app.startEmpty();
  const register = testInfo.outputPath('avtal.csv');
  await writeFile(
    register,
    iconv.encode(
      [
        'Avtals-ID;Kund;Lens-konto;Avtalsstart;Valuta;Kategori;Installerade vid start;Avtalad tillväxt;Enhetspris',
        'PE-7;Göta Kanal Logistik AB;Göta Kanal;2026-03-15;SEK;Video;40;0;5 100,00',
        'PE-7;Göta Kanal Logistik AB;Göta Kanal;2026-03-15;SEK;Röst;12;2;1 234,50',
        'PE-8;Fabrikam;Fabrikam;2026-02-30;EUR;video;5;0;99,90',
        '',
      ].join('\r\n'),
      'win1252',
    ),
  );
  await contracts.importRegister(register);
  await expect(page.getByTestId('register-problems')).toContainText(
    'Row 4, column Avtalsstart: A date YYYY-MM-DD, not “2026-02-30”',
  );
  await expect(contracts.registerPlan().locator('tr[data-action="create"]')).toHaveCount(1);
  await page.getByRole('button', { name: 'Import 1 contract' }).click();
  await expect(page.getByText('Register imported: 1 contracts created')).toBeVisible();
  await expect(page.getByTestId('customer-list')).toContainText('PE-7');

  await page.getByRole('link', { name: 'Göta Kanal Logistik AB' }).click();
  await contracts.openContractTab();
  expect(await contracts.standingField('voice', 'ordered')).toBe('14');
  await expect(contracts.standing('voice')).toContainText('SEK 1,234.50');

  for (const kind of ['CSV (.csv)', 'Excel (.xlsx)'] as const) {
    const download = await contracts.exportRegister(kind);
    const saved = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(saved);
    expect((await readFile(saved)).byteLength).toBeGreaterThan(100);
    await contracts.importRegister(saved);
    await expect(contracts.registerPlan().locator('tr[data-action="unchanged"]')).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Import 0 contracts' })).toBeDisabled();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  }
  expect(app.consoleErrors).toEqual([]);
});

test('renewals: the pipeline, a what-if that leaves the contract alone, accepting it, the Excel export', async ({
  page,
}) => {
  const app = new Workstation(page);
  const contracts = new ContractsPage(page);
  await app.open();
  await app.enterName('Jonas');
  await app.startEmpty();
  await contracts.createCustomer('Contoso AB', 'Contoso AB');
  await contracts.newContract({ number: 'PE-9', termStart }, [
    { category: 'Voice', installedAtStart: '20', agreedGrowth: '0', unitPrice: '100' },
  ]);
  await contracts.save();
  await expect(contracts.dialog()).toBeHidden();

  await app.goTo('Renewals');
  const renewal = page.getByTestId('renewal').filter({ hasText: 'PE-9' });
  await expect(renewal.locator('[data-field="renewalValue"]')).toHaveText('SEK 2,000.00');
  // Typed as a user types: into the field showing "0 %", the 5 after the 0.
  const uplift = renewal.getByLabel('Price uplift');
  await uplift.click();
  await uplift.press('Home');
  await uplift.press('ArrowRight');
  await uplift.pressSequentially('5');
  await expect(uplift).toHaveValue(/^0?5 %$/);
  await expect(renewal.locator('[data-field="renewalValue"]')).toHaveText('SEK 2,100.00');
  await uplift.fill('3.5');
  await renewal.getByLabel('Next agreed growth, Voice').fill('5');
  await expect(renewal.locator('[data-field="nextOrdered"]')).toHaveText('25');
  await expect(renewal.locator('[data-field="renewalValue"]')).toHaveText('SEK 2,587.50');
  await expect(page.getByText('What-if edits are only a proposal')).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export to Excel' }).click();
  expect((await download).suggestedFilename()).toMatch(/^renewals-\d{4}-\d{2}\.xlsx$/);
  // The what-if is a proposal, not agreed; the growth plan says there is no history to forecast from.
  const renewals = new ExcelJS.Workbook();
  await renewals.xlsx.readFile(await (await download).path());
  expect(renewals.worksheets.map((s) => s.name)).toEqual([
    'Renewals',
    'Growth plan',
    'Growth forecast',
  ]);
  const texts = (sheet: number) => {
    const found: unknown[] = [];
    renewals.worksheets[sheet]?.eachRow((row) => row.eachCell((cell) => found.push(cell.value)));
    return found;
  };
  expect(texts(0)).toContain('What-if proposal, not agreed');
  expect(texts(1)).toContain(
    'No forecast: too little history: 0 of the 4 months a forecast needs. Type the growth.',
  );
  expect(texts(1)).toContain(5);

  // The what-if has not touched the contract.
  await page.getByRole('link', { name: 'Contoso AB' }).click();
  await contracts.openContractTab();
  expect(await contracts.standingField('voice', 'ordered')).toBe('20');

  await app.goTo('Renewals');
  await renewal.getByLabel('Price uplift').fill('3.5');
  await renewal.getByRole('button', { name: 'Accept renewal' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Accept renewal' }).click();
  await expect(page.getByText('PE-9 renewed: the next term has started.')).toBeVisible();
  await expect(renewal).toHaveCount(0);
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('link', { name: 'Contoso AB' }).click();
  await contracts.openContractTab();
  await expect(contracts.standing('voice')).toContainText('SEK 103.50');
  await expect(contracts.baselineHistory()).toContainText('Term start · Jonas');
  expect(app.consoleErrors).toEqual([]);
});

test('the partner’s eligibility minimum from Settings: no chosen category meeting it is refused', async ({
  page,
}) => {
  const app = new Workstation(page);
  const contracts = new ContractsPage(page);
  await app.open();
  await app.enterName('Jonas');
  await app.startEmpty();
  await app.goTo('Settings');
  await page.getByLabel('Eligibility minimum, Video').fill('200');
  await page
    .getByRole('region', { name: 'Partner terms' })
    .getByRole('button', { name: 'Save' })
    .click();
  await expect(page.getByText('Saved').first()).toBeVisible();
  await contracts.createCustomer('Contoso AB', 'Contoso AB');
  await contracts.newContract({ number: 'PE-3', termStart }, [
    { category: 'Video', installedAtStart: '90', agreedGrowth: '10', unitPrice: '49' },
  ]);
  await contracts.save();
  await expect(contracts.dialog()).toContainText(
    'No chosen category meets the partner’s eligibility minimum (video ≥ 200)',
  );
  await contracts.dialog().getByRole('textbox', { name: 'Installed at start' }).fill('200');
  await contracts.save();
  await expect(contracts.dialog()).toBeHidden();
  expect(await contracts.standingField('video', 'ordered')).toBe('210');
  expect(app.consoleErrors).toEqual([]);
});
