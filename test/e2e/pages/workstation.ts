/** Page object for the workstation: tests say what the user does, not which selectors it takes. */
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export class Workstation {
  readonly consoleErrors: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (message) => {
      if (message.type() === 'error') this.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => this.consoleErrors.push(error.message));
  }

  /** Opens the workstation (the browser holds the session the host's link started). */
  async open(): Promise<void> {
    await this.page.goto('/');
  }

  async reload(): Promise<void> {
    await this.page.reload();
  }

  async enterName(name: string): Promise<void> {
    await this.page.getByLabel('Your name').fill(name);
  }

  /** The partner's name, and its logo where given, as the first run (or Settings) asks for them. */
  async enterPartner(name: string, logo?: string): Promise<void> {
    await this.page.getByLabel('Your company (the partner)').fill(name);
    if (logo) await this.chooseLogo(logo);
  }

  async chooseLogo(file: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Choose logo…' }).click();
    await (await chooser).setFiles(file);
  }

  /** Settings' preview of the report's first page: its text, and the logo it shows (its alt text). */
  brandPreview() {
    return this.page.getByRole('figure', { name: 'The report’s first page' });
  }

  async loadDemoPortfolio(): Promise<void> {
    await this.page.getByRole('button', { name: 'Load demo portfolio' }).click();
    // About 5 s alone on two cores; more when the machine is shared.
    await expect(this.portfolioTable()).toBeVisible({ timeout: 60_000 });
  }

  /** A first run as Karin with the demo portfolio, in `language` (Swedish is chosen in Settings). */
  async openDemo(language: 'en' | 'sv' = 'en'): Promise<void> {
    await this.open();
    await this.enterName('Karin');
    await this.loadDemoPortfolio();
    if (language === 'sv') await this.speakSwedish();
  }

  /** Settings → Svenska: the app speaks Swedish from here on (the Settings screen stays open). */
  async speakSwedish(): Promise<void> {
    await this.goTo('Settings');
    await this.page.getByText('Svenska', { exact: true }).click();
  }

  async startEmpty(): Promise<void> {
    await this.page.getByRole('button', { name: 'Start with an empty portfolio' }).click();
  }

  portfolioTable() {
    return this.page.getByTestId('portfolio-table');
  }

  /** Customer names in the portfolio, in the order shown. */
  async portfolioCustomers(): Promise<string[]> {
    await expect(this.portfolioTable()).toBeVisible();
    return this.portfolioTable()
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-customer') ?? ''));
  }

  /** Each customer's Needs action chips, in the order shown: the date each is due ('' for none). */
  async needsActionDates(): Promise<Record<string, string[]>> {
    await expect(this.portfolioTable()).toBeVisible();
    return this.portfolioTable()
      .locator('tbody tr')
      .evaluateAll((rows) =>
        Object.fromEntries(
          rows.map((row) => [
            row.getAttribute('data-customer') ?? '',
            [...row.querySelectorAll('[data-alert]')].map((c) => c.getAttribute('data-date') ?? ''),
          ]),
        ),
      );
  }

  /** The portfolio's true-up chips: their action, what they say, their colour and their bar's. */
  async trueUpChips(): Promise<{ action: string; text: string; color: string; bar: string }[]> {
    await expect(this.portfolioTable()).toBeVisible();
    return this.portfolioTable()
      .locator('[data-action]')
      .evaluateAll((chips) =>
        chips.map((c) => {
          const bar = c.closest('td')?.querySelector('[role="progressbar"]');
          return {
            action: c.getAttribute('data-action') ?? '',
            text: c.textContent ?? '',
            color: getComputedStyle(c).backgroundColor,
            bar: bar ? getComputedStyle(bar).backgroundColor : '',
          };
        }),
      );
  }

  async statusOf(
    customer: string,
    category: 'Headsets' | 'Video' | 'Voice',
  ): Promise<string | null> {
    const header = await this.portfolioTable().locator('thead th').allTextContents();
    const column = header.indexOf(category);
    const cell = this.portfolioTable()
      .locator(`tbody tr[data-customer="${customer}"] td`)
      .nth(column);
    return cell.locator('[data-status]').getAttribute('data-status');
  }

  async goTo(
    screen: 'Portfolio' | 'Customers' | 'Renewals' | 'Time' | 'Imports' | 'Reports' | 'Settings',
  ): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: screen }).click();
  }

  async backup(): Promise<Download> {
    await this.goTo('Settings');
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Back up…' }).click();
    return download;
  }

  async restore(file: string): Promise<void> {
    await this.goTo('Settings');
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Restore…' }).click();
    await (await chooser).setFiles(file);
    await this.page.getByRole('button', { name: 'Replace with backup' }).click();
    await expect(this.page.getByText(/Restored \d+ records/)).toBeVisible({ timeout: 30_000 });
    await expect(this.page.getByText(/Your data from before the restore is kept in/)).toBeVisible();
  }

  /** Tries to restore a damaged backup: the app says why, and asks nothing. */
  async restoreRefused(file: string, reason: RegExp): Promise<void> {
    await this.goTo('Settings');
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Restore…' }).click();
    await (await chooser).setFiles(file);
    await expect(this.page.getByText(reason)).toBeVisible({ timeout: 30_000 });
    await expect(this.page.getByRole('button', { name: 'Replace with backup' })).toHaveCount(0);
  }

  async openCommandPalette(): Promise<void> {
    // A palette still closing (Escape a moment ago) first finishes closing.
    await expect(this.paletteSearch()).toBeHidden();
    await this.page.keyboard.press('Control+K');
    // Focused, not only shown: a keystroke before the focus moves would go elsewhere.
    await expect(this.paletteSearch()).toBeFocused();
  }

  /** Ctrl+K where the focus is, and the text typed straight after, as a quick typist does. */
  async typeInCommandPaletteAtOnce(text: string): Promise<void> {
    await this.page.keyboard.press('Control+K');
    await this.page.keyboard.type(text);
  }

  /** Escape, and Ctrl+K with the text straight after, while the palette is still closing. */
  async reopenCommandPaletteAtOnce(text: string): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.typeInCommandPaletteAtOnce(text);
  }

  paletteSearch(): Locator {
    return this.page.getByPlaceholder('Go to a screen or a customer, or run a command…');
  }
}
