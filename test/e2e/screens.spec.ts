/**
 * Every screen as a user sees it, in English and Swedish, at 1280 × 800, 1440 × 900 and 1920 × 1080: a screenshot
 * of each (in test-results/screens, to read), and no text cut off: a badge, chip or cell whose text is
 * wider than its box fails the test.
 */
import { expect, test, type Page } from './fixtures';
import { CustomerPage } from './pages/customer';
import { Workstation } from './pages/workstation';
import { seriousViolations } from './axe';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
] as const;

/**
 * Elements whose text does not fit: clipped with an ellipsis or overflowing their box (a header
 * word running into the next column, "Programvara"), text fields whose value or placeholder is
 * wider than the field ("Sök kunder, avtal, platse"), and from 1440 px on a table wider than its
 * box, its last column out of sight (the device list's); on a narrower screen a wide table scrolls.
 */
function clipped(page: Page, isWide: boolean): Promise<string[]> {
  return page.evaluate((isWide) => {
    const boxes = [
      ...document.querySelectorAll<HTMLElement>('.mantine-Badge-label, td, th, button, label'),
    ]
      .filter((element) => {
        if (element.offsetParent === null || element.closest('[data-allow-clip]')) return false;
        const style = getComputedStyle(element);
        const hides = style.overflow === 'hidden' || style.textOverflow === 'ellipsis';
        const isCell = element.tagName === 'TH' || element.tagName === 'TD';
        return (hides || isCell) && element.scrollWidth > element.clientWidth + 1;
      })
      .map((element) => `${element.tagName.toLowerCase()}: ${element.textContent?.trim() ?? ''}`);
    const tables = [...document.querySelectorAll<HTMLElement>('table')]
      .filter((table) => {
        const box = table.parentElement;
        if (!isWide || !box || table.offsetParent === null || table.closest('[data-allow-clip]'))
          return false;
        return table.offsetWidth > box.clientWidth + 1;
      })
      .map((table) => `table: ${table.querySelector('th')?.textContent?.trim() ?? ''}…`);
    const measure = document.createElement('canvas').getContext('2d');
    const fields = [
      ...document.querySelectorAll<HTMLInputElement>(
        'input[type="text"], input[type="search"], input:not([type])',
      ),
    ]
      .filter((input) => {
        if (!measure || input.offsetParent === null || input.closest('[data-allow-clip]'))
          return false;
        const text = input.value || input.placeholder;
        const style = getComputedStyle(input);
        measure.font = style.font;
        const room =
          input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return measure.measureText(text).width > room + 1;
      })
      .map((input) => `input: ${input.value || input.placeholder}`);
    return [...boxes, ...tables, ...fields];
  }, isWide);
}

/** The screen at rest: fonts loaded, no transition or animation running, no toast still open. */
async function settled(page: Page): Promise<void> {
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0);
  await page.waitForFunction(async () => {
    await document.fonts.ready;
    return document.getAnimations().every((animation) => animation.playState !== 'running');
  });
}

async function capture(page: Page, name: string, size: { width: number; height: number }) {
  await settled(page);
  await page.screenshot({
    path: `test-results/screens/${name}-${size.width}.png`,
    fullPage: true,
  });
  expect(await clipped(page, size.width >= 1440), `${name} at ${size.width}`).toEqual([]);
  // Axe once per screen and language (the layout changes with the size, the markup does not).
  if (size.width === SIZES[0].width)
    expect(await seriousViolations(page), `${name}: axe`).toEqual([]);
}

for (const language of ['en', 'sv'] as const) {
  test(`every screen in ${language === 'en' ? 'English' : 'Swedish'}, nothing cut off`, async ({
    page,
  }) => {
    test.setTimeout(420_000);
    const app = new Workstation(page);
    await app.open();
    await app.enterName('Karin');
    await app.loadDemoPortfolio();
    if (language === 'sv') {
      await app.goTo('Settings');
      await page.getByText('Svenska', { exact: true }).click();
      await expect(page.getByRole('heading', { name: 'Inställningar', level: 1 })).toBeVisible();
    }
    const nav = (index: number) => page.keyboard.press(`Alt+${index}`);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      const shot = (name: string) => capture(page, `${language}-${name}`, size);
      await nav(1);
      await expect(app.portfolioTable()).toBeVisible();
      await shot('portfolio');
      const customer = new CustomerPage(page);
      await page.getByRole('link', { name: 'Nordlys Energi AS', exact: true }).click();
      await expect(page.getByTestId('trend-panel')).toBeVisible();
      await shot('dashboard');
      await page.getByTestId('month-picker').click();
      await page.getByRole('option').nth(2).click();
      await expect(page.getByTestId('past-month')).toBeVisible();
      await shot('dashboard-past-month');
      await page.getByRole('tab').nth(1).click();
      await expect(page.getByTestId('device-explorer')).toBeVisible();
      await shot('devices');
      await page.getByRole('tab').nth(3).click();
      await expect(page.getByTestId('lifecycle-table')).toBeVisible();
      await shot('customer-lifecycle');
      await page.getByRole('tab').nth(4).click();
      await expect(page.getByTestId('contract-panel')).toBeVisible();
      await shot('contract');
      // The contract form with its calendar open, in the app's language and date format.
      await page
        .getByRole('button', { name: language === 'en' ? 'Edit contract' : 'Redigera avtal' })
        .click();
      const termStart = page
        .getByRole('dialog')
        .getByLabel(language === 'en' ? 'Term start' : 'Avtalsstart');
      await termStart.click();
      await expect(page.locator('[data-dates-dropdown]')).toBeVisible();
      await shot('contract-form');
      await termStart.press('Escape');
      await expect(page.getByRole('dialog')).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toBeHidden();
      await page.getByRole('tab').nth(5).click();
      await expect(page.getByTestId('service-panel')).toBeVisible();
      await shot('service');
      void customer;
      for (const [index, name] of [
        [2, 'customers'],
        [3, 'renewals'],
        [4, 'time'],
        [5, 'imports'],
        [6, 'reports'],
        [7, 'settings'],
        [8, 'lifecycle'],
      ] as const) {
        await nav(index);
        await page.waitForTimeout(400);
        await shot(name);
      }
      await nav(6);
      await page
        .getByRole('button', {
          name: language === 'en' ? 'Export all customers…' : /Exportera alla/,
        })
        .click();
      await expect(page.getByTestId('batch-dialog')).toBeVisible();
      await shot('reports-batch');
      await page.keyboard.press('Escape');
    }
    expect(app.consoleErrors).toEqual([]);
  });
}
