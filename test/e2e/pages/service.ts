/** Page object for a customer's service delivery: time, RMAs, cases, cloud-partner incidents; the week. */
import { expect, type Locator, type Page } from '@playwright/test';
import { pick } from './pick';

export class ServicePage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Service' }).click();
    await expect(this.page.getByTestId('service-panel')).toBeVisible();
  }

  async section(name: 'CSM time' | 'RMAs' | 'Cases' | 'Cloud partners (ECPS)'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  dialog() {
    return this.page.getByRole('dialog');
  }

  pick(combobox: Locator, option: string): Promise<void> {
    return pick(combobox, option);
  }

  async logTime(duration: string, activity: string, note: string): Promise<void> {
    const form = this.page.getByTestId('time-entry');
    await form.getByRole('textbox', { name: 'Time (h:mm)' }).fill(duration);
    await this.pick(form.getByRole('combobox', { name: 'Activity' }), activity);
    await form.getByRole('textbox', { name: 'Note' }).fill(note);
    await this.page.getByRole('button', { name: 'Add time' }).click();
  }

  hours(figure: 'allowed' | 'used' | 'remaining' | 'overage') {
    return this.page.getByTestId(`hours-${figure}`);
  }

  async confirmDelete(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Delete' }).click();
  }
}
