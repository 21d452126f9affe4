/** Page object for customers, their contracts and true-ups, the contract register and renewals. */
import { expect, type Download, type Page } from '@playwright/test';
import { pick } from './pick';

export interface ContractLine {
  category: 'Headsets & personal devices' | 'Video' | 'Voice';
  installedAtStart: string;
  agreedGrowth: string;
  unitPrice: string;
}

export class ContractsPage {
  constructor(readonly page: Page) {}

  async createCustomer(name: string, lensAccount: string): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
    await this.page.getByRole('button', { name: 'New customer' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('Customer name').fill(name);
    await dialog.getByLabel('Lens accounts').fill(lensAccount);
    await dialog.getByLabel('Lens accounts').press('Enter');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(this.page.getByRole('heading', { name, level: 1 })).toBeVisible();
  }

  async openContractTab(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Contract' }).click();
  }

  /** Goes to a customer's contract tab from anywhere. */
  async openContractTabOf(customer: string): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
    await this.page.getByRole('link', { name: customer, exact: true }).click();
    await this.openContractTab();
  }

  dialog() {
    return this.page.getByRole('dialog');
  }

  /** Opens the contract tab's editor for a new contract and fills it (saving is the test's step). */
  async newContract(
    fields: { number: string; termStart: string },
    lines: ContractLine[],
  ): Promise<void> {
    await this.openContractTab();
    await this.page.getByRole('button', { name: 'New contract' }).click();
    await this.fillContract(fields, lines);
  }

  /** Fills the open contract editor. */
  async fillContract(
    fields: { number: string; termStart: string },
    lines: ContractLine[],
  ): Promise<void> {
    const dialog = this.dialog();
    await dialog.getByLabel('Contract number').fill(fields.number);
    await dialog.getByLabel('Term start').fill(fields.termStart);
    await dialog.getByLabel('Term start').press('Tab');
    for (const [i, line] of lines.entries()) {
      await dialog.getByRole('button', { name: 'Add category' }).click();
      const row = dialog.locator('tbody tr').nth(i);
      await pick(row.getByRole('combobox', { name: 'Category' }), line.category);
      await row.getByRole('textbox', { name: 'Installed at start' }).fill(line.installedAtStart);
      await row.getByRole('textbox', { name: 'Agreed growth' }).fill(line.agreedGrowth);
      await row.getByRole('textbox', { name: 'Unit price (annual)' }).fill(line.unitPrice);
    }
  }

  /** Edits the shown contract: a new category line, saved. */
  async addLine(line: ContractLine): Promise<void> {
    await this.page.getByRole('button', { name: 'Edit contract' }).click();
    const dialog = this.dialog();
    await dialog.getByRole('button', { name: 'Add category' }).click();
    const row = dialog.locator('tbody tr').last();
    await pick(row.getByRole('combobox', { name: 'Category' }), line.category);
    await row.getByRole('textbox', { name: 'Installed at start' }).fill(line.installedAtStart);
    await row.getByRole('textbox', { name: 'Agreed growth' }).fill(line.agreedGrowth);
    await row.getByRole('textbox', { name: 'Unit price (annual)' }).fill(line.unitPrice);
    await this.save();
    await expect(dialog).toBeHidden();
  }

  /** Edits the shown contract: one category's unit price, saved. */
  async setUnitPrice(category: ContractLine['category'], unitPrice: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Edit contract' }).click();
    const dialog = this.dialog();
    const rows = dialog.locator('tbody tr');
    await expect(rows.first()).toBeVisible();
    for (let i = 0; i < (await rows.count()); i++) {
      const row = rows.nth(i);
      if ((await row.getByRole('combobox', { name: 'Category' }).inputValue()) !== category)
        continue;
      await row.getByRole('textbox', { name: 'Unit price (annual)' }).fill(unitPrice);
    }
    await this.save();
    await expect(dialog).toBeHidden();
  }

  /**
   * Edits the shown contract's stale rule (TERMS.md §12), saved: a choice as the select names it
   * ('No limit (every device counts)', '30 days', …), or a number of days typed in.
   */
  async setStaleDays(rule: { choice: string } | { typed: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'Edit contract' }).click();
    const field = this.dialog().getByTestId('stale-days');
    const select = field.getByRole('combobox', { name: /Not counted when Lens/ });
    if ('choice' in rule) await pick(select, rule.choice);
    else {
      await pick(select, 'Another number of days…');
      await field.getByRole('textbox', { name: 'Days' }).fill(rule.typed);
    }
    await this.save();
    await expect(this.dialog()).toBeHidden();
  }

  async save(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Save' }).click();
  }

  standing(category: 'headsets' | 'video' | 'voice') {
    return this.page.getByTestId('contract-standing').locator(`tr[data-category="${category}"]`);
  }

  async standingField(category: 'headsets' | 'video' | 'voice', field: string): Promise<string> {
    return (await this.standing(category).locator(`[data-field="${field}"]`).textContent()) ?? '';
  }

  trueUp(category: 'headsets' | 'video' | 'voice') {
    return this.page.getByTestId('true-ups').locator(`tr[data-category="${category}"]`);
  }

  async trueUpStep(
    category: 'headsets' | 'video' | 'voice',
    step: 'Quote…' | 'Enter PO…' | 'Apply…',
  ) {
    await this.trueUp(category).getByRole('button', { name: step }).click();
  }

  baselineHistory() {
    return this.page.getByTestId('baseline-history');
  }

  changeHistory() {
    return this.page.getByTestId('change-history');
  }

  async importRegister(path: string): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Import contract register…' }).click();
    await (await chooser).setFiles(path);
    await expect(this.page.getByTestId('register-plan')).toBeVisible();
  }

  registerPlan() {
    return this.page.getByTestId('register-plan');
  }

  async exportRegister(kind: 'Excel (.xlsx)' | 'CSV (.csv)'): Promise<Download> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
    await this.page.getByRole('button', { name: 'Export contract register' }).click();
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('menuitem', { name: kind }).click();
    return download;
  }
}
