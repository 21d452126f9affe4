/** Page object for a customer's service delivery: time, RMAs, cases, cloud-partner incidents; the week. */
import { expect, type Page } from '@playwright/test';

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

  async choose(
    scope: ReturnType<Page['getByRole']> | Page,
    label: string,
    option: string,
  ): Promise<void> {
    await scope
      .getByRole('textbox', { name: label })
      .or(scope.getByRole('combobox', { name: label }))
      .first()
      .click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async logTime(duration: string, activity: string, note: string): Promise<void> {
    const form = this.page.getByTestId('time-entry');
    await form.getByRole('combobox', { name: 'Time (h:mm)' }).fill(duration);
    await this.page.getByRole('option', { name: duration, exact: true }).click();
    await form.getByRole('combobox', { name: 'Activity' }).click();
    await this.page.getByRole('option', { name: activity, exact: true }).click();
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
