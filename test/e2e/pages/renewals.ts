/** Page object for Renewals and its growth planner: tests say what the account manager does. */
import ExcelJS from 'exceljs';
import { expect, type Locator, type Page } from '@playwright/test';

/** The words the planner's user reads, in the language the test runs in. */
export interface PlannerWords {
  renewals: string;
  settings: string;
  language: string;
  planGrowth: string;
  /** The growth field's name for a category ("Next agreed growth to try, Headsets"). */
  growthOf: (category: string) => string;
  /** The card table's growth field ("Next agreed growth, Headsets"). */
  proposalGrowthOf: (category: string) => string;
  useInProposal: string;
  export: string;
  planSheet: string;
  chosenColumn: string;
  contractTab: string;
  customers: string;
}

export type PlannerFigure =
  'nextOrdered' | 'triggerAt' | 'pAdjustment' | 'upFront' | 'expectedMidTerm';

export class RenewalsPage {
  constructor(
    readonly page: Page,
    readonly words: PlannerWords,
  ) {}

  /** Settings → the UI language named `language` ("Svenska"). */
  async chooseLanguage(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    await this.page.getByText(this.words.language, { exact: true }).click();
    await expect(
      this.page.getByRole('navigation').getByRole('link', { name: this.words.renewals }),
    ).toBeVisible();
  }

  /** Opens Renewals and waits until the worker has forecast every renewal. */
  async open(): Promise<void> {
    await this.page
      .getByRole('navigation')
      .getByRole('link', { name: this.words.renewals })
      .click();
    await expect(this.page.locator('[data-plans="ready"]')).toBeVisible({ timeout: 30_000 });
  }

  renewal(customer: string): Locator {
    return this.page.getByTestId('renewal').filter({ hasText: customer });
  }

  planner(customer: string): Locator {
    return this.renewal(customer).getByTestId('growth-planner');
  }

  async openPlanner(customer: string): Promise<void> {
    await this.renewal(customer).getByRole('button', { name: this.words.planGrowth }).click();
    await expect(this.planner(customer).getByTestId('planner-outcome')).toBeVisible();
  }

  /** Types a growth into the planner, as a user replaces the field's value. */
  async tryGrowth(customer: string, category: string, growth: number): Promise<void> {
    await this.planner(customer)
      .getByLabel(this.words.growthOf(category), { exact: true })
      .fill(String(growth));
  }

  figure(where: Locator, field: PlannerFigure): Locator {
    return where.getByTestId('planner-outcome').locator(`[data-field="${field}"]`);
  }

  async useInProposal(customer: string): Promise<void> {
    await this.planner(customer).getByRole('button', { name: this.words.useInProposal }).click();
  }

  /** The next agreed growth the renewal's proposal holds for a category. */
  proposedGrowth(customer: string, category: string): Locator {
    return this.renewal(customer).getByLabel(this.words.proposalGrowthOf(category), {
      exact: true,
    });
  }

  /** Exports the renewals workbook and reads it back. */
  async exportWorkbook(): Promise<ExcelJS.Workbook> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: this.words.export }).click();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await (await download).path());
    return workbook;
  }

  /** The growth plan sheet's chosen growth for a customer's contract. */
  chosenGrowth(workbook: ExcelJS.Workbook, customer: string): ExcelJS.CellValue | undefined {
    const sheet = workbook.getWorksheet(this.words.planSheet);
    let column = 0;
    let value: ExcelJS.CellValue | undefined;
    sheet?.eachRow((row) => {
      row.eachCell((cell, i) => {
        if (cell.value === this.words.chosenColumn) column = i;
      });
      if (column > 0 && row.getCell(1).value === customer) value = row.getCell(column).value;
    });
    return value;
  }

  /** The customer's contract tab, through the customer list. */
  async openContractTab(customer: string): Promise<Locator> {
    await this.page
      .getByRole('navigation')
      .getByRole('link', { name: this.words.customers })
      .click();
    await this.page.getByRole('link', { name: customer, exact: true }).click();
    await this.page.getByRole('tab', { name: this.words.contractTab }).click();
    const planner = this.page.getByTestId('contract-panel').getByTestId('growth-planner');
    await expect(planner.getByTestId('planner-outcome')).toBeVisible({ timeout: 30_000 });
    return planner;
  }
}
