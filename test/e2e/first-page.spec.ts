import { expect, test } from './fixtures';
import { monthLabel, pick } from './pages/pick';
import { Workstation } from './pages/workstation';
import { browserNow } from './calendar';
import { addMonthsToMonth } from '../../shared/terms/dates';
import { shoot } from './screenshots';

const lastMonth = addMonthsToMonth(browserNow().toISOString().slice(0, 7), -1);

test('the export dialog previews the report’s first page, the note as it is typed, in the report’s language', async ({
  page,
}) => {
  const app = new Workstation(page);
  await app.open();
  await app.enterName('Karin');
  await app.enterPartner('Nordic AV Partner AB');
  await app.loadDemoPortfolio();
  await app.goTo('Reports');
  await pick(page.getByRole('combobox', { name: 'Month' }), monthLabel(lastMonth));
  const contoso = page.getByTestId('report-list').locator('tr[data-customer="Contoso AB"]');
  await contoso.getByRole('button', { name: 'Export…' }).click();
  const preview = page.getByRole('dialog').getByRole('figure', { name: 'The report’s first page' });
  await expect(preview).toContainText(`Contoso AB · ${monthLabel(lastMonth)}`);
  await expect(preview).toContainText('Monthly report from Nordic AV Partner AB');
  // One line per chosen category, with what its status means for the customer.
  await expect(preview.getByRole('row').filter({ hasText: 'Video' })).toHaveCount(1);
  await expect(preview.getByRole('columnheader', { name: 'What it means for you' })).toBeVisible();
  await expect(preview).toContainText('What happens next');
  await page.getByRole('dialog').getByLabel('Note for the customer').fill('QBR on the 12th.');
  await expect(preview).toContainText('Note from your CSM');
  await expect(preview).toContainText('QBR on the 12th.');
  await shoot(page, 'report-preview-en');
  // Below the preview: the PDF beside the workbook, asked for by default.
  const withPdf = page.getByRole('dialog').getByLabel('Also as a PDF beside the workbook');
  await withPdf.scrollIntoViewIfNeeded();
  await expect(withPdf).toBeChecked();
  await shoot(page, 'report-export-en');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

  await app.goTo('Settings');
  await page.getByText('Svenska', { exact: true }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Rapporter' }).click();
  await page
    .getByTestId('report-list')
    .locator('tr[data-customer="Contoso AB"]')
    .getByRole('button', { name: 'Exportera…' })
    .click();
  const svenska = page.getByRole('dialog').getByRole('figure', { name: 'Rapportens första sida' });
  await expect(svenska).toContainText('Månadsrapport från Nordic AV Partner AB');
  await expect(svenska).toContainText('Vad som händer härnäst');
  await shoot(page, 'report-preview-sv');
  const somPdf = page.getByRole('dialog').getByLabel('Även som PDF bredvid arbetsboken');
  await somPdf.scrollIntoViewIfNeeded();
  await expect(somPdf).toBeChecked();
  await shoot(page, 'report-export-sv');
  expect(app.consoleErrors).toEqual([]);
});
