/**
 * The contract tab and the service panel in the app's language (issue 22): the adjustment month in
 * words as the rest of the UI writes months, one status per category (the portfolio's: the true-up
 * action over the trigger, never "Over the trigger" beside "At renewal"), and every header of the
 * service panel's tables in Swedish in the Swedish UI ("Plats-ID", not "Site-ID").
 */
import { expect, test } from './fixtures';
import { Workstation } from './pages/workstation';
import { shoot } from './screenshots';

const WORDS = {
  en: {
    tabs: { contract: 'Contract', service: 'Service' },
    adjustmentMonth: 'July 2026',
    overTrigger: 'Over the trigger',
    inProgress: 'True-up in progress',
    lists: { 'CSM time': 'time-list', RMAs: 'rma-list', Cases: 'case-list' },
    caseHeaders: [
      'Site ID',
      'Title',
      'Priority',
      'Opened',
      'Status',
      'Time to resolve',
      'Escalation',
      'Poly case number',
    ],
  },
  sv: {
    tabs: { contract: 'Avtal', service: 'Service' },
    adjustmentMonth: 'juli 2026',
    overTrigger: 'Över gränsen',
    inProgress: 'Justering pågår',
    lists: { 'CSM-tid': 'time-list', RMA: 'rma-list', Ärenden: 'case-list' },
    caseHeaders: [
      'Plats-ID',
      'Rubrik',
      'Prioritet',
      'Öppnat',
      'Status',
      'Tid till lösning',
      'Eskalering',
      'Poly-ärendenummer',
    ],
  },
} as const;

for (const language of ['en', 'sv'] as const) {
  const words = WORDS[language];
  test(`the contract tab and the service panel speak ${language === 'en' ? 'English' : 'Swedish'}`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const app = new Workstation(page);
    await app.openDemo(language);
    await page.keyboard.press('Alt+1');
    await page.getByRole('link', { name: 'Nordlys Energi AS', exact: true }).click();
    await page.getByRole('tab', { name: words.tabs.contract }).click();
    const panel = page.getByTestId('contract-panel');
    await expect(panel).toBeVisible();

    // The month in words, as the term and the renewal date beside it are written.
    await expect(panel.getByText(words.adjustmentMonth, { exact: true })).toBeVisible();
    await expect(panel).not.toContainText('2026-07');

    // Voice is over its trigger with its true-up quoted: one status, the one the portfolio shows.
    const voice = page.getByTestId('contract-standing').locator('tr[data-category="voice"]');
    await expect(voice.locator('[data-status]')).toHaveCount(1);
    await expect(voice.locator('[data-action="inProgress"]')).toHaveText(words.inProgress);
    await expect(voice).not.toContainText(words.overTrigger);
    await expect(page.getByTestId('contract-standing')).not.toContainText(words.overTrigger);
    await shoot(page, `contract-tab-${language}`);

    await page.getByRole('tab', { name: words.tabs.service }).click();
    await expect(page.getByTestId('service-panel')).toBeVisible();
    const headers: Record<string, string[]> = {};
    // Every list the demo gives Nordlys (its cases; time and RMAs where it has any this month).
    for (const [tab, list] of Object.entries(words.lists)) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      await expect(page.getByRole('tab', { name: tab, exact: true })).toHaveAttribute(
        'aria-selected',
        'true',
      );
      if (list === 'case-list') await expect(page.getByTestId(list)).toBeVisible();
      headers[list] = (await page.getByTestId(list).locator('thead th').allTextContents())
        .map((text) => text.trim())
        .filter(Boolean);
    }
    await shoot(page, `service-cases-${language}`);
    // A site ID is one word on one line, never broken at its hyphens ("NO-/NORD-/002").
    const siteIdLines = await page
      .getByTestId('case-list')
      .locator('tbody tr td')
      .first()
      .evaluate((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
      });
    expect(siteIdLines).toBe(1);
    expect(headers['case-list']?.slice(0, words.caseHeaders.length)).toEqual(words.caseHeaders);
    if (language === 'sv')
      expect(
        Object.values(headers)
          .flat()
          .filter((text) => /Site/.test(text)),
      ).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
}
