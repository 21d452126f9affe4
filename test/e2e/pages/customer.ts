/** Page object for a customer's dashboard: categories, trend, devices, sites. */
import { expect, type Download, type Page } from '@playwright/test';

export class CustomerPage {
  constructor(readonly page: Page) {}

  async open(customer: string): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Portfolio' }).click();
    await this.page.getByRole('link', { name: customer, exact: true }).click();
    await expect(this.page.getByRole('heading', { name: customer, level: 1 })).toBeVisible();
  }

  categoryStatus(category: 'headsets' | 'video' | 'voice') {
    return this.page.locator(`[data-category="${category}"] [data-status]`);
  }

  async showTrendOf(category: 'Headsets' | 'Video' | 'Voice'): Promise<void> {
    await this.page.getByTestId('trend-panel').getByText(category, { exact: true }).click();
  }

  forecast() {
    return this.page.getByTestId('forecast');
  }

  async tab(name: 'Overview' | 'Devices' | 'Sites'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  async filterDevices(
    label: 'Category or class' | 'Site' | 'Model' | 'Online',
    option: string,
  ): Promise<void> {
    await this.page.getByTestId('device-explorer').getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async searchDevices(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Search' }).fill(text);
  }

  /** The "Not counted" panel's figure for one class, as shown ('Not seen in Lens', 'End of life', …). */
  notCountedFigure(label: string) {
    return this.page
      .getByTestId('excluded-table')
      .getByRole('row', { name: label })
      .locator('td')
      .last();
  }

  /** The devices the "Not counted" panel lists: serial, model, reason and last detection per row. */
  notCountedDevices() {
    return this.page.getByTestId('not-counted-devices').locator('tbody tr');
  }

  /** Follows the panel's link to the device list filtered to the stale devices. */
  async showStaleDevices(): Promise<void> {
    await this.page.getByRole('link', { name: /Device list: the \d+ not seen in Lens/ }).click();
  }

  deviceCount() {
    return this.page.getByTestId('explorer-count');
  }

  async exportDevices(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Export to Excel' }).click();
    return download;
  }
}
