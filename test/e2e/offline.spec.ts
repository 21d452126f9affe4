/**
 * Offline in the browser host: the host cannot be reached (every /api call fails). An import and a
 * report export then say why at once, in the app's language, never the browser's "Failed to fetch".
 */
import { dictionary } from '../../shared/i18n';
import { expect, test } from './fixtures';
import { ImportsPage } from './pages/imports';
import { Workstation } from './pages/workstation';
import { shoot } from './screenshots';

const csv = Buffer.from(
  'Device Name,Device Model,Serial Number,Status,Last Detected,Site,Account\r\n' +
    'Boardroom,Poly Studio X50,OFF-1,Online,2026-11-30 10:00,HQ,Contoso AB\r\n',
);

for (const language of ['en', 'sv'] as const) {
  test(`offline, an import and a report export say why at once (${language})`, async ({ page }) => {
    const words = dictionary(language);
    await new Workstation(page).openDemo(language);
    // The host stops answering: the network refuses every call to it.
    await page.route('**/api/**', (route) => route.abort('internetdisconnected'));
    const nav = page.getByRole('navigation');

    await nav.getByRole('link', { name: words.nav.imports }).click();
    await new ImportsPage(page).dropFile('contoso.csv', csv);
    await expect(page.getByText(words.notices.hostUnreachable)).toBeVisible({ timeout: 3000 });
    await expect(page.getByText('Failed to fetch')).toHaveCount(0);
    await shoot(page, `offline-import-${language}`);

    await nav.getByRole('link', { name: words.nav.reports }).click();
    await page
      .getByTestId('report-list')
      .locator('tr[data-customer="Contoso AB"]')
      .getByRole('button', { name: words.reports.exportButton })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: words.reports.export, exact: true }).click();
    const message = dialog.getByTestId('export-failed');
    await expect(message).toHaveText(words.notices.hostUnreachable, { timeout: 3000 });
    // The dialog stays open and usable: the user can try again once the host is back.
    await expect(
      dialog.getByRole('button', { name: words.reports.export, exact: true }),
    ).toBeEnabled();
    await shoot(page, `offline-export-${language}`);
  });
}
