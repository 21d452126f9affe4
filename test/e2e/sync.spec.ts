/**
 * Team sync between three people: three browser hosts (three origins, each its own main side holding
 * its own token) and one sync service on a real PostgreSQL. A contract and an inventory made by one
 * appear at the others, devices included (a CSM records an RMA by serial there); the same field
 * changed by two shows in "needs your decision" with theirs and yours. Different categories of one
 * contract changed by two are both kept; the same price is a decision whose "Use mine" keeps the
 * other's line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { expect, test, type Browser, type Page } from './fixtures';
import { HOST_DATA } from '../../playwright.config';
import { startTeam, type Team } from '../support/team';
import { ContractsPage } from './pages/contracts';
import { CustomerPage } from './pages/customer';
import { ImportsPage } from './pages/imports';
import { ServicePage } from './pages/service';
import { Workstation } from './pages/workstation';
import { browserNow, pinClock } from './calendar';

const today = browserNow().toISOString().slice(0, 10);
const BASE_PORT = Number(process.env['E2E_PORT'] ?? 4599);
/** The other people's workstations: each its own browser host, port, data folder and first link. */
const OTHERS = [1, 2].map((n) => ({
  port: BASE_PORT + n,
  token: `e2e-workstation-${n}-token-0123456789abcdef`,
  data: `test-results/host-data-workstation-${n}`,
  name: `e2eworkstation${n}`,
}));

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

/** Another person's workstation (1 or 2): its own browser host, signed in through its own link. */
async function otherWorkstation(
  browser: Browser,
  n: 1 | 2,
): Promise<{ page: Page; host: ChildProcess }> {
  const other = OTHERS[n - 1]!;
  const host = spawn(
    process.execPath,
    ['dist/host/host.cjs', '--no-open', '--port', String(other.port)],
    {
      env: {
        ...process.env,
        CSM_HOST_TOKEN: other.token,
        CSM_HOST_NAME: other.name,
        CSM_HOST_DATA: other.data,
      },
      stdio: 'ignore',
    },
  );
  hosts.push(host);
  await listening(other.port);
  const context = await browser.newContext({ storageState: undefined, locale: 'en-GB' });
  await pinClock(context);
  const page = await context.newPage();
  await page.goto(`http://${other.name}.localhost:${other.port}/?token=${other.token}`);
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
const hosts: ChildProcess[] = [];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  team = await startTeam('e2e');
});

test.afterAll(async () => {
  for (const host of hosts) host.kill();
  await team?.stop();
  await rm(`${HOST_DATA}/team-sync.json`, { force: true });
  for (const other of OTHERS) await rm(other.data, { recursive: true, force: true });
});

test('three people on one team book: a contract and its devices appear at the others; a clash waits for a decision', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
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
  // Her book has Contoso's inventory: its device list travels to the team book beside the records.
  const imports = new ImportsPage(page);
  await imports.open();
  const inventory = testInfo.outputPath('contoso.csv');
  await writeFile(
    inventory,
    [
      'Device Model,Serial Number,Site,Account,Last Detected',
      ...['VF-1', 'VF-2', 'VF-3'].map(
        (serial) => `Poly Voyager Focus 2 UC,${serial},Stockholm HQ,Contoso AB,${today}T08:00:00Z`,
      ),
      `Poly Studio X50,X50-1,Stockholm HQ,Contoso AB,${today}T08:00:00Z`,
    ].join('\n'),
  );
  await imports.chooseFile(inventory);
  await imports.importNow();

  // Karin (admin) connects: the team book is empty, so her book goes up.
  await connectTeam(page, team.url, await team.token('Karin', 'admin'));
  await expect(page.getByRole('dialog')).toContainText(
    'Upload this workstation’s book (1 customer)',
  );
  await page.getByRole('button', { name: 'Upload my book' }).click();
  await expect(page.getByTestId('team-sync-connected')).toContainText('as Karin (admin)');
  await expect(page.getByTestId('sync-status')).toHaveText('Synced', { timeout: 30_000 });

  // Jonas (account manager) joins on his own workstation and finds Karin's contract.
  const jonasPage = (await otherWorkstation(browser, 1)).page;
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
  // Every workstation that joins sees the devices: the list comes from the team book as it was sent.
  const jonasCustomer = new CustomerPage(jonasPage);
  await jonasCustomer.tab('Devices');
  await expect(jonasPage.getByTestId('explorer-count')).toHaveText('4 of 4 devices');
  await expect(jonasPage.getByTestId('list-fetch')).toHaveCount(0);
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
  // The status line counts the edit while it waits, and the edit goes a moment later by itself.
  await expect(page.getByTestId('sync-status')).toHaveText('1 waiting');
  await expect(page.getByTestId('sync-status')).toHaveText('Synced', { timeout: 10_000 });
  await expect
    .poll(async () => {
      const { rows } = await team.pool.query<{ data: { number?: string } }>(
        "select data from sync_records where entity = 'contracts'",
      );
      return rows.map((row) => row.data.number);
    })
    .toEqual(['PE-2001-K']);
  await page.getByTestId('sync-status').click();

  await jonasPage.getByRole('button', { name: 'Edit contract' }).click();
  await jonasContracts.dialog().getByLabel('Contract number').fill('PE-2001-J');
  await jonasContracts.save();
  await expect(jonasContracts.dialog()).toBeHidden();
  await jonasPage.getByTestId('sync-status').click();
  await jonasPage.getByRole('button', { name: 'Sync now' }).click();
  await expect(jonasPage.getByTestId('sync-status')).toHaveText('Needs your decision (1)');
  const decision = jonasPage.getByTestId('sync-decision');
  await expect(decision).toContainText('Contract Contoso AB · PE-2001');
  await expect(decision).toContainText('Contract number: theirs PE-2001-K (Karin');
  await expect(decision).toContainText('yours PE-2001-J');
  await jonasPage.screenshot({ path: 'test-results/screens/sync-decision-en.png', fullPage: true });
  // The same decision in Swedish: the app's words, the values as the app shows them.
  await jonasPage.getByText('Svenska', { exact: true }).click();
  await expect(decision).toContainText('Avtal Contoso AB · PE-2001');
  await expect(decision).toContainText('Avtalsnummer: deras PE-2001-K (Karin');
  await jonasPage.screenshot({ path: 'test-results/screens/sync-decision-sv.png', fullPage: true });
  await jonasPage.getByText('English', { exact: true }).click();

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
  await expect(clash).toContainText(
    'Categories › Video › Unit price (annual): theirs SEK 60.00 (Jonas',
  );
  await expect(clash).toContainText('yours SEK 55.00');
  await clash.getByRole('button', { name: 'Use mine' }).click();
  await expect(page.getByTestId('sync-status')).toHaveText('Synced');
  await syncAt(jonasPage);
  for (const at of [contracts, jonasContracts]) {
    await at.openContractTabOf('Contoso AB');
    await expect(at.standing('video')).toContainText('SEK 55.00');
    await expect(at.standing('headsets')).toContainText('SEK 33.00');
  }

  // The admin manages the team's users where she works: Jonas is listed with his role.
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByTestId('team-users-table')).toContainText('Jonas');
  await page.screenshot({ path: 'test-results/screens/sync-settings-en.png', fullPage: true });
  // In Swedish the same words as everywhere else in the app.
  await page.getByText('Svenska', { exact: true }).click();
  await expect(page.getByTestId('sync-status')).toHaveText('Synkad');
  await expect(page.getByTestId('team-sync-connected')).toContainText('som Karin (administratör)');
  await page.screenshot({ path: 'test-results/screens/sync-settings-sv.png', fullPage: true });

  // Eva (CSM) joins on a third workstation and records an RMA by a serial of Karin's import.
  const evaPage = (await otherWorkstation(browser, 2)).page;
  const eva = new Workstation(evaPage);
  await eva.enterName('Eva');
  await eva.startEmpty();
  // Her book has a customer of its own: joining backs it up first, and says where, until dismissed.
  await new ContractsPage(evaPage).createCustomer('Evas Prov AB', 'Evas Prov AB');
  await connectTeam(evaPage, team.url, await team.token('Eva', 'csm'));
  await expect(evaPage.getByRole('dialog')).toContainText('The team book already has data');
  await evaPage.getByRole('button', { name: 'Back up and join' }).click();
  const joined = evaPage.getByText(
    /^Joined the team book\. Your own book was backed up to .*before-joining-/,
  );
  await expect(joined).toBeVisible();
  await expect(evaPage.getByTestId('sync-status')).toHaveText('Synced', { timeout: 30_000 });
  // (Longer than the four seconds a notice used to stay.)
  await evaPage.waitForTimeout(5_000);
  await expect(joined).toBeVisible();
  const copies = evaPage.getByTestId('safety-copies');
  await expect(copies.locator('tr[data-reason="join"]')).toContainText('Joining the team book');
  // Connected, the demo portfolio is not offered: it would go to the whole team.
  await expect(evaPage.getByRole('button', { name: 'Load demo portfolio' })).toBeDisabled();
  await expect(evaPage.getByTestId('demo-connected')).toBeVisible();
  await evaPage.screenshot({ path: 'test-results/screens/sync-joined-en.png', fullPage: true });
  await evaPage.getByText('Svenska', { exact: true }).click();
  await expect(copies.locator('tr[data-reason="join"]')).toContainText('Att gå med i teamets bok');
  await evaPage.screenshot({ path: 'test-results/screens/sync-joined-sv.png', fullPage: true });
  await evaPage.getByText('English', { exact: true }).click();
  await evaPage.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await evaPage.getByRole('link', { name: 'Contoso AB' }).click();
  const service = new ServicePage(evaPage);
  await service.open();
  await service.section('RMAs');
  await evaPage.getByRole('button', { name: 'New RMA' }).click();
  await service.dialog().getByLabel('Serial number').fill('vf-2');
  await service.dialog().getByLabel('Model').click();
  await expect(service.dialog().getByLabel('Model')).toHaveValue('Poly Voyager Focus 2 UC');
  await expect(evaPage.getByTestId('serial-warning')).toHaveCount(0);
  await service.dialog().getByLabel('Requested').fill(today);
  await service.dialog().getByRole('button', { name: 'Save' }).click();
  await expect(service.dialog()).toBeHidden();
  await expect(evaPage.getByTestId('rma-list').locator('tr[data-serial="VF-2"]')).toBeVisible();
  await expect(evaPage.getByTestId('sync-status')).toHaveText('Synced', { timeout: 10_000 });

  // The team server goes away: what Eva records waits, and the status line says so.
  await team.stopService();
  await evaPage.getByRole('button', { name: 'New RMA' }).click();
  await service.dialog().getByLabel('Serial number').fill('VF-3');
  await service.dialog().getByLabel('Requested').fill(today);
  await service.dialog().getByRole('button', { name: 'Save' }).click();
  await expect(service.dialog()).toBeHidden();
  await expect(evaPage.getByTestId('sync-status')).toHaveText('Offline · 1 waiting', {
    timeout: 30_000,
  });
  await evaPage.screenshot({ path: 'test-results/screens/sync-offline-waiting-en.png' });
  await team.startService();
  await evaPage.getByTestId('sync-status').click();
  await evaPage.getByRole('button', { name: 'Sync now' }).click();
  await expect(evaPage.getByTestId('sync-status')).toHaveText('Synced', { timeout: 30_000 });

  expect(karin.consoleErrors).toEqual([]);
  expect(jonas.consoleErrors).toEqual([]);
  expect(eva.consoleErrors).toEqual([]);
});
