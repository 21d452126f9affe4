/**
 * Help and print: F1 opens the help at the screen the user is on, in the user's language; a
 * customer's dashboard prints to one landscape page without the app's frame.
 */
import { writeFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { CustomerPage } from './pages/customer';
import { Workstation } from './pages/workstation';

test('F1 opens help at the current screen; the dashboard prints to one landscape page', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const app = new Workstation(page);
  await app.open();
  await app.enterName('Karin');
  await app.loadDemoPortfolio();

  await page.getByRole('textbox', { name: /Search customers/ }).focus();
  await page.keyboard.press('F1');
  const help = page.getByRole('dialog', { name: 'Help' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Every customer at a glance');
  await expect(help).toContainText('Ordered units, baseline and trigger');
  await page.screenshot({ path: 'test-results/screens/help-en.png' });
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  const customer = new CustomerPage(page);
  await customer.open('Nordlys Energi AS');
  // Printed: one A4 landscape page, without navigation, header or buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeHidden();
  await page.screenshot({ path: 'test-results/screens/print-dashboard-en.png', fullPage: true });
  const pdf = await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true });
  await writeFile('test-results/screens/print-dashboard-en.pdf', pdf);
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages).toHaveLength(1);
  await page.emulateMedia({ media: 'screen' });

  // In Swedish, the help speaks Swedish, opened at the screen in view.
  await app.goTo('Settings');
  await page.getByText('Svenska', { exact: true }).click();
  await page.keyboard.press('F1');
  const hjälp = page.getByRole('dialog', { name: 'Hjälp' });
  await expect(hjälp).toContainText('Ditt namn för ändringsloggen');
  await expect(hjälp).toContainText('Beställda enheter, baslinje och tröskel');
  await page.screenshot({ path: 'test-results/screens/help-sv.png' });
  await page.keyboard.press('Escape');
  await page.getByText('English', { exact: true }).click();
  expect(app.consoleErrors).toEqual([]);
});
