/**
 * Team sync between two people: two browser hosts (two origins, each its own main side holding its
 * own token) and one sync service on a real PostgreSQL. A contract made by one appears at the other;
 * the same field changed by both shows in "needs your decision" with theirs and yours. Different
 * categories of one contract changed by both are both kept; the same price is a decision whose
 * "Use mine" keeps the other's line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { expect, test, type Browser, type Page } from './fixtures';
import { HOST_DATA } from '../../playwright.config';
import { startTeam, type Team } from '../support/team';
import { ContractsPage } from './pages/contracts';
import { Workstation } from './pages/workstation';
import { pinClock } from './calendar';

const SECOND_PORT = Number(process.env['E2E_PORT'] ?? 4599) + 1;
const SECOND_TOKEN = 'e2e-second-token-0123456789abcdef';
const SECOND_DATA = 'test-results/host-data-second';

async function listening(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`nothing listens on ${port}`);
}

/** The second person's workstation: its own browser host, signed in through its own link. */
async function secondWorkstation(browser: Browser): Promise<{ page: Page; host: ChildProcess }> {
  const host = spawn(
    process.execPath,
    ['dist/host/host.cjs', '--no-open', '--port', String(SECOND_PORT)],
    {
      env: {
        ...process.env,
        CSM_HOST_TOKEN: SECOND_TOKEN,
        CSM_HOST_NAME: 'e2esecondworkstation',
        CSM_HOST_DATA: SECOND_DATA,
      },
      stdio: 'ignore',
    },
  );
  await listening(SECOND_PORT);
  const context = await browser.newContext({ storageState: undefined, locale: 'en-GB' });
  await pinClock(context);
  const page = await context.newPage();
  await page.goto(`http://e2esecondworkstation.localhost:${SECOND_PORT}/?token=${SECOND_TOKEN}`);
  return { page, host };
}

async function connectTeam(page: Page, server: string, token: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  const form = page.getByTestId('team-sync-form');
  await form.getByLabel('Server address').fill(server);
  await form.getByLabel('Access token').fill(token);
  await form.getByRole('button', { name: 'Connect' }).click();
}

/** Syncs now: the status line leads to the team-sync settings and their button. */
async function syncNow(page: Page): Promise<void> {
  await page.getByTestId('sync-status').click();
  await page.getByRole('button', { name: 'Sync now' }).click();
}

/** Syncs now and waits until the status line reads Synced. */
async function syncAt(page: Page): Promise<void> {
  await syncNow(page);
  await expect(page.getByTestId('sync-status')).toHaveText('Synced');
}

let team: Team;
let second: { page: Page; host: ChildProcess } | null = null;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  team = await startTeam('e2e');
});

test.afterAll(async () => {
  second?.host.kill();
  await team?.stop();
  await rm(`${HOST_DATA}/team-sync.json`, { force: true });
  await rm(SECOND_DATA, { recursive: true, force: true });
});

test('two people on one team book: a contract appears at the other; a clash waits for a decision', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const karin = new Workstation(page);
  const contracts = new ContractsPage(page);
  await karin.open();
  await karin.enterName('Karin');
  await karin.startEmpty();
  await contracts.createCustomer('Contoso AB', 'Contoso AB');
  await contracts.newContract({ number: 'PE-2001', termStart: '2026-01-01' }, [
    { category: 'Video', installedAtStart: '90', agreedGrowth: '10', unitPrice: '49.00' },
  ]);
  await contracts.save();
  await expect(contracts.dialog()).toBeHidden();

  // Karin (admin) connects: the team book is empty, so her book goes up.
  await connectTeam(page, team.url, await team.token('Karin', 'admin'));
  await expect(page.getByRole('dialog')).toContainText(
    'Upload this workstation’s book (1 customers)',
  );
  await page.getByRole('button', { name: 'Upload my book' }).click();
  await expect(page.getByTestId('team-sync-connected')).toContainText('as Karin (admin)');
  await expect(page.getByTestId('sync-status')).toHaveText('Synced', { timeout: 30_000 });

  // Jonas (account manager) joins on his own workstation and finds Karin's contract.
  second = await secondWorkstation(browser);
  const jonasPage = second.page;
  const jonas = new Workstation(jonasPage);
  await jonas.enterName('Jonas');
  await jonas.startEmpty();
  await connectTeam(jonasPage, team.url, await team.token('Jonas', 'account-manager'));
  await expect(jonasPage.getByTestId('team-sync-connected')).toContainText(
    'as Jonas (account manager)',
  );
  await expect(jonasPage.getByTestId('sync-status')).toHaveText('Synced', { timeout: 30_000 });
  const jonasContracts = new ContractsPage(jonasPage);
  await jonasPage.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await jonasPage.getByRole('link', { name: 'Contoso AB' }).click();
  await jonasContracts.openContractTab();
  await expect(jonasPage.getByTestId('contract-panel')).toContainText('PE-2001');
  // His role changes contracts, not customers: the app does not offer what the server would refuse.
  await expect(jonasPage.getByRole('button', { name: 'Edit contract' })).toBeVisible();
  await expect(jonasPage.getByRole('button', { name: 'Edit customer' })).toHaveCount(0);

  // Both change the contract number; Karin's arrives first.
  await contracts.openContractTabOf('Contoso AB');
  await page.getByRole('button', { name: 'Edit contract' }).click();
  await contracts.dialog().getByLabel('Contract number').fill('PE-2001-K');
  await contracts.save();
  await expect(contracts.dialog()).toBeHidden();
  await page.getByTestId('sync-status').click();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('sync-status')).toHaveText('Synced');

  await jonasPage.getByRole('button', { name: 'Edit contract' }).click();
  await jonasContracts.dialog().getByLabel('Contract number').fill('PE-2001-J');
  await jonasContracts.save();
  await expect(jonasContracts.dialog()).toBeHidden();
  await jonasPage.getByTestId('sync-status').click();
  await jonasPage.getByRole('button', { name: 'Sync now' }).click();
  await expect(jonasPage.getByTestId('sync-status')).toHaveText('Needs your decision (1)');
  const decision = jonasPage.getByTestId('sync-decision');
  await expect(decision).toContainText('Contract PE-2001');
  await expect(decision).toContainText('Contract number: theirs PE-2001-K (Karin');
  await expect(decision).toContainText('yours PE-2001-J');
  await jonasPage.screenshot({ path: 'test-results/screens/sync-decision-en.png', fullPage: true });

  // Jonas keeps his: it becomes a new edit, and Karin gets it on her next sync.
  await decision.getByRole('button', { name: 'Use mine' }).click();
  await expect(jonasPage.getByTestId('sync-status')).toHaveText('Synced');
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('sync-status')).toHaveText('Synced');
  await contracts.openContractTabOf('Contoso AB');
  await expect(page.getByTestId('contract-panel')).toContainText('PE-2001-J');
  // The change history names Jonas as the author.
  await expect(page.getByTestId('change-history')).toContainText('Jonas');
  // Categories merge line by line: Karin changes the video price while Jonas changes headsets.
  await contracts.addLine({
    category: 'Headsets & personal devices',
    installedAtStart: '40',
    agreedGrowth: '0',
    unitPrice: '30.00',
  });
  await syncAt(page);
  await syncAt(jonasPage);
  await contracts.openContractTabOf('Contoso AB');
  await contracts.setUnitPrice('Video', '52.00');
  await jonasContracts.openContractTabOf('Contoso AB');
  await jonasContracts.setUnitPrice('Headsets & personal devices', '31.00');
  await syncAt(jonasPage);
  // Both kept, no decision.
  await syncAt(page);
  await syncAt(jonasPage);
  for (const at of [contracts, jonasContracts]) {
    await at.openContractTabOf('Contoso AB');
    await expect(at.standing('video')).toContainText('SEK 52.00');
    await expect(at.standing('headsets')).toContainText('SEK 31.00');
  }

  // The same price changed by both is a decision; "Use mine" writes that price alone, so the
  // headsets price Jonas changed with it stays.
  await jonasContracts.setUnitPrice('Video', '60.00');
  await jonasContracts.setUnitPrice('Headsets & personal devices', '33.00');
  await syncAt(jonasPage);
  await contracts.setUnitPrice('Video', '55.00');
  await syncNow(page);
  await expect(page.getByTestId('sync-status')).toHaveText('Needs your decision (1)');
  const clash = page.getByTestId('sync-decision');
  await expect(clash).toContainText('Categories › Video › Unit price (annual): theirs 6000 (Jonas');
  await expect(clash).toContainText('yours 5500');
  await clash.getByRole('button', { name: 'Use mine' }).click();
  await expect(page.getByTestId('sync-status')).toHaveText('Synced');
  await syncAt(jonasPage);
  for (const at of [contracts, jonasContracts]) {
    await at.openContractTabOf('Contoso AB');
    await expect(at.standing('video')).toContainText('SEK 55.00');
    await expect(at.standing('headsets')).toContainText('SEK 33.00');
  }

  // In Swedish the same words as everywhere else in the app.
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await page.getByText('Svenska', { exact: true }).click();
  await expect(page.getByTestId('sync-status')).toHaveText('Synkad');
  await expect(page.getByTestId('team-sync-connected')).toContainText('som Karin (administratör)');
  await page.screenshot({ path: 'test-results/screens/sync-settings-sv.png', fullPage: true });
  expect(karin.consoleErrors).toEqual([]);
  expect(jonas.consoleErrors).toEqual([]);
});
