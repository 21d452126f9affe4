/** Page object for the Imports screen: choose or drop a file, check the preview, import, read the report. */
import { expect, type Page } from '@playwright/test';

export class ImportsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Imports' }).click();
  }

  /** File → Import inventory…: the file picker. */
  async chooseFile(path: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Import inventory…' }).click();
    await (await chooser).setFiles(path);
  }

  /** Drops a file on the window, as a user dragging it from the desktop. */
  async dropFile(name: string, bytes: Buffer): Promise<void> {
    const transfer = await this.page.evaluateHandle(
      ([fileName, data]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array(data)], fileName));
        return dt;
      },
      [name, [...bytes]] as const,
    );
    for (const type of ['dragenter', 'dragover', 'drop']) {
      await this.page.dispatchEvent('body', type, { dataTransfer: transfer });
    }
  }

  preview() {
    return this.page.getByTestId('import-preview');
  }

  report() {
    return this.page.getByTestId('import-report');
  }

  async fact(label: string): Promise<string> {
    return (
      (await this.page
        .getByTestId('import-facts')
        .getByText(label, { exact: true })
        .locator('xpath=following-sibling::*[1]')
        .textContent()) ?? ''
    );
  }

  async assignAccount(account: string, customer: string): Promise<void> {
    await this.page.getByRole('combobox', { name: `Customer: ${account}` }).click();
    await this.page.getByRole('option', { name: customer }).click();
  }

  /** What the preview says an account's customer will not count under its stale rule. */
  staleUnderRule(account: string) {
    return this.preview()
      .getByTestId('accounts-table')
      .getByRole('row')
      .filter({ hasText: account })
      .getByTestId('account-stale');
  }

  async cancel(): Promise<void> {
    await this.preview().getByRole('button', { name: 'Cancel' }).click();
  }

  async importNow(): Promise<void> {
    await this.preview()
      .getByRole('button', { name: /^Import [\d,]+ devices$/ })
      .click();
    await expect(this.report()).toBeVisible({ timeout: 30_000 });
  }

  async classify(model: string, as: string): Promise<void> {
    await this.page.getByRole('combobox', { name: `Classify ${model} as` }).click();
    await this.page.getByRole('option', { name: as, exact: true }).click();
    await this.page
      .getByTestId('unknown-models')
      .getByRole('row', { name: new RegExp(model) })
      .getByRole('button', { name: 'Classify' })
      .click();
  }

  error() {
    return this.page.getByTestId('import-error');
  }

  history() {
    return this.page.getByTestId('import-history');
  }
}
