/** Page object for the lifecycle view: a customer's tab and the portfolio's screen, in either language. */
import { expect, type Download, type Page } from '@playwright/test';
import { dictionary, type Language } from '../../../shared/i18n';

/** A line of the list as shown: its site (or customer), model and quantity. */
export interface ShownLine {
  place: string;
  model: string;
  quantity: string;
}

export class LifecyclePage {
  constructor(
    readonly page: Page,
    private language: Language = 'en',
  ) {}

  private get words() {
    return dictionary(this.language).lifecycle;
  }

  /** The app speaks `language` from here on. */
  speaking(language: Language): void {
    this.language = language;
  }

  /** Until the notifications shown have closed (a screenshot without them). */
  async waitForNotices(): Promise<void> {
    await expect(this.page.locator('.mantine-Notification-root')).toHaveCount(0, {
      timeout: 15_000,
    });
  }

  /** On a customer's dashboard: its lifecycle tab. */
  async openTab(): Promise<void> {
    await this.page.getByRole('tab', { name: this.words.tab }).click();
    await expect(this.page.getByTestId('lifecycle')).toBeVisible();
  }

  /** The portfolio's lifecycle screen, from the navigation. */
  async openScreen(): Promise<void> {
    const nav = this.page.getByRole('navigation');
    await nav.getByRole('link', { name: dictionary(this.language).nav.lifecycle }).click();
    await expect(this.page.getByTestId('lifecycle')).toBeVisible({ timeout: 30_000 });
  }

  /** Chooses the window by its label ("3 months"). */
  async chooseWindow(months: 3 | 6 | 12): Promise<void> {
    const label = this.words.months.replace('{{count}}', String(months));
    await this.page.getByTestId('lifecycle-window').getByText(label, { exact: true }).click();
    await expect(this.chosenWindow()).toHaveValue(String(months));
  }

  /** Moves the window's choice with the keyboard: focus it, then an arrow key. */
  async stepWindow(key: 'ArrowLeft' | 'ArrowRight'): Promise<void> {
    await this.chosenWindow().focus();
    await this.page.keyboard.press(key);
  }

  chosenWindow() {
    return this.page.getByTestId('lifecycle-window').locator('input:checked');
  }

  emptyNotice() {
    return this.page.getByTestId('lifecycle-empty');
  }

  /** The lines shown within the window, in order. */
  async lines(): Promise<ShownLine[]> {
    return this.page
      .getByTestId('lifecycle-table')
      .getByTestId('lifecycle-line')
      .evaluateAll((rows) =>
        rows.map((row) => {
          const text = (field: string) =>
            row.querySelector(`[data-field="${field}"]`)?.textContent?.trim() ?? '';
          return { place: text('place'), model: text('model'), quantity: text('quantity') };
        }),
      );
  }

  /** The total per model as shown: model and quantity. */
  async totals(): Promise<{ model: string; quantity: string }[]> {
    return this.page
      .getByTestId('lifecycle-totals')
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => {
          const cells = [...row.querySelectorAll('td')].map((c) => c.textContent?.trim() ?? '');
          return { model: cells[0] ?? '', quantity: cells[1] ?? '' };
        }),
      );
  }

  /** The notice links of the list (where they lead). */
  noticeLinks() {
    return this.page.getByTestId('lifecycle-table').getByRole('link', { name: this.words.notice });
  }

  async exportList(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: this.words.export }).click();
    return download;
  }
}
