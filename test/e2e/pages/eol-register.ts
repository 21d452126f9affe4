/** Page object for Settings → End-of-life register: lines added in the dialog and imported from a file. */
import { expect, type Page } from '@playwright/test';

/** The words the section is worked by, in the language the test runs in. */
export interface EolWords {
  section: string;
  add: string;
  import: string;
  model: string;
  endOfLife: string;
  save: string;
  cancel: string;
  confirm: string;
}

export class EolRegisterPage {
  constructor(
    readonly page: Page,
    readonly words: EolWords,
  ) {}

  section() {
    return this.page.getByRole('region', { name: this.words.section });
  }

  lines() {
    return this.page.getByTestId('eol-register').locator('tbody tr');
  }

  dialog() {
    return this.page.getByRole('dialog');
  }

  /** Opens the new-line dialog and types the model and its end of life, by keyboard. */
  async typeLine(model: string, endOfLife?: string): Promise<void> {
    await this.section().getByRole('button', { name: this.words.add }).click();
    await this.dialog().getByLabel(this.words.model).fill(model);
    if (endOfLife) {
      const field = this.dialog().getByLabel(this.words.endOfLife);
      await field.fill(endOfLife);
      await field.press('Tab');
    }
  }

  /** Saves the dialog with Enter, as a form saves. */
  async saveWithEnter(): Promise<void> {
    await this.dialog().getByLabel(this.words.model).press('Enter');
  }

  async cancel(): Promise<void> {
    await this.dialog().getByRole('button', { name: this.words.cancel }).click();
    await expect(this.dialog()).toBeHidden();
  }

  /** Picks a register file; the preview (or the refusal) opens. */
  async importFile(path: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.section().getByRole('button', { name: this.words.import }).click();
    await (await chooser).setFiles(path);
    await expect(this.dialog()).toBeVisible();
  }

  preview() {
    return this.page.getByTestId('eol-preview');
  }

  problems() {
    return this.page.getByTestId('eol-problems').locator('tr');
  }

  async confirmImport(): Promise<void> {
    await this.dialog().getByRole('button', { name: this.words.confirm, exact: true }).click();
    await expect(this.dialog()).toBeHidden();
  }
}
