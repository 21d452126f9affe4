/**
 * Search that finds anything: the portfolio finds a customer by contract number, site ID, Lens account
 * and master account ID (Lens accounts and site names as unit tests show), and says when nothing matches; the command palette finds a device by its
 * serial number and opens it in the customer's device list; Back returns to the tab the user was on;
 * Ctrl+K straight after Escape opens the palette again, with a new search.
 */
import { expect, test } from './fixtures';
import { CustomerPage } from './pages/customer';
import { Workstation } from './pages/workstation';

test('search finds customers by anything they are known by, and devices by serial', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const app = new Workstation(page);
  const customer = new CustomerPage(page);
  await app.open();
  await app.enterName('Karin');
  await app.loadDemoPortfolio();
  const total = (await app.portfolioCustomers()).length;

  // What Nordlys is known by, as its dashboard shows it: contract, master account, a site, a device.
  await customer.open('Nordlys Energi AS');
  const header = page.getByTestId('customer-ids');
  const [masterAccountId = '', contractNumber = ''] = (await header.innerText())
    .split('·')
    .map((part) => part.trim());
  const [, siteId = ''] = (await page.getByTestId('site-badge').first().innerText()).split(' · ');
  await customer.tab('Devices');
  const serial =
    (await page
      .locator('[data-serial]:not([data-serial=""])')
      .first()
      .getAttribute('data-serial')) ?? '';
  expect(serial).not.toBe('');
  await page.getByRole('navigation').getByRole('link', { name: 'Portfolio' }).click();

  const search = page.getByRole('textbox', { name: /Search customers/ });
  const count = page.getByTestId('portfolio-count');
  for (const term of [contractNumber, siteId, masterAccountId]) {
    expect(term).not.toBe('');
    await search.fill(term);
    await expect(app.portfolioTable().locator('tbody tr')).toHaveCount(1);
    await expect(app.portfolioTable().locator('tbody tr')).toHaveAttribute(
      'data-customer',
      'Nordlys Energi AS',
    );
    await expect(count).toHaveText(`1 of ${total} customers`);
  }
  await search.fill('no such customer 42');
  await expect(page.getByText('No customer matches “no such customer 42”')).toBeVisible();
  await expect(count).toHaveText(`0 of ${total} customers`);
  await page.getByRole('button', { name: 'Clear search and filters' }).click();
  await expect(count).toHaveText(`${total} customers`);

  // Ctrl+K from inside a text field opens the palette, and what is typed at once is all kept.
  await search.focus();
  await app.typeInCommandPaletteAtOnce(contractNumber);
  await expect(app.paletteSearch()).toHaveValue(contractNumber);
  await expect(search).toHaveValue('');
  await page.keyboard.press('Escape');

  // A device by its serial number, typed in lower case: opened in its customer's device list.
  await app.openCommandPalette();
  await page.keyboard.type(serial.toLowerCase());
  const found = page.getByText(`Device ${serial} at Nordlys Energi AS`);
  await expect(found).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Nordlys Energi AS', level: 1 })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Devices' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('explorer-search')).toHaveValue(serial);
  await expect(page.getByTestId('device-explorer')).toContainText(serial);

  // Tabs are steps in history: Back returns to the tab before.
  await page.getByRole('tab', { name: 'Sites' }).click();
  await page.goBack();
  await expect(page.getByRole('tab', { name: 'Devices' })).toHaveAttribute('aria-selected', 'true');
  expect(app.consoleErrors).toEqual([]);
});

test('Ctrl+K right after Escape opens the palette again, with only what is typed after it', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const app = new Workstation(page);
  // The demo's customers and devices: a palette with something to search through.
  await app.openDemo();
  await app.openCommandPalette();
  await page.keyboard.type('first search');
  await expect(app.paletteSearch()).toHaveValue('first search');
  // While the palette is still closing (its animation runs for a moment after Escape), on a machine
  // as slow as a busy CI runner's, where the app's renders lag behind the keys.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
  await app.reopenCommandPaletteAtOnce('Settings');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await expect(app.paletteSearch()).toBeFocused();
  await expect(app.paletteSearch()).toHaveValue('Settings');
  // It stays open and keeps its search: the closing palette's end neither closes nor clears it.
  await page.waitForTimeout(500);
  await page.keyboard.type(' ');
  await expect(app.paletteSearch()).toHaveValue('Settings ');
  await expect(page.getByText('Go to Settings')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  expect(app.consoleErrors).toEqual([]);
});
