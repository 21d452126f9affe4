/** Picks an option of a Mantine select, opening it again if a closing dropdown swallowed the first click. */
import { expect, type Locator } from '@playwright/test';

export async function pick(combobox: Locator, option: string): Promise<void> {
  const choice = combobox.page().getByRole('option', { name: option, exact: true });
  await expect(async () => {
    if (!(await choice.isVisible())) await combobox.click();
    await choice.click({ timeout: 1000 });
  }).toPass({ timeout: 10_000 });
}

/** A month as the month pickers name it: "December 2026". */
export const monthLabel = (yyyyMm: string) =>
  new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${yyyyMm}-01T00:00:00Z`),
  );
