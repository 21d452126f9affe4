import { writeFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { expect, test } from './fixtures';
import { ImportsPage } from './pages/imports';

/** Today as a Swedish Excel writes it: the import is then the customer's newest inventory. */
const today = browserNow().toISOString().slice(0, 10).split('-').reverse().join('.');
import { Workstation } from './pages/workstation';
import { browserNow } from './calendar';

const swedishCsv = iconv.encode(
  [
    'sep=;',
    'Enhetsnamn;Enhetsmodell;Serienummer;Status;Senast upptäckt;Plats;Konto',
    `Styrelserum;Poly Studio X50;8L1000;Ansluten;${today} 10:00;Malmö HQ;Öresund Media AB`,
    'Styrelserum;Poly Studio X50;8l1000 ;Ansluten;30.07.2026 10:00;Malmö HQ;Öresund Media AB',
    `Reception;Poly CCX 400;C400-1;Frånkopplad;${today} 09:00;Malmö HQ;Öresund Media AB`,
    `Lager;Poly Mystery 9;M9-1;Ansluten;${today} 09:00;Lund;Öresund Media AB`,
    `Lager;Poly Mystery 9;M9-2;Ansluten;${today} 09:00;Lund;Öresund Media AB`,
    `Gammal;Polycom VVX 310;V310;;${today} 09:00;Lund;Öresund Media AB`,
    'Utan id;Poly CCX 400;;;;Lund;Öresund Media AB',
    `Kontor;Poly Voyager Focus 2 UC;VF2-1;Ansluten;${today} 08:00;Göteborg;Nya Kunden AB`,
    '',
  ].join('\r\n'),
  'win1252',
);

test('imports a Swedish Excel CSV: preview, accounts to customers, report, classification, re-import, history', async ({
  page,
}, testInfo) => {
  const app = new Workstation(page);
  const imports = new ImportsPage(page);
  await app.open();
  await app.enterName('Karin');
  await app.loadDemoPortfolio();
  await imports.open();
  const path = testInfo.outputPath('oresund.csv');
  await writeFile(path, swedishCsv);
  await imports.chooseFile(path);

  await expect(imports.preview()).toBeVisible();
  expect(await imports.fact('Encoding')).toBe('windows-1252');
  expect(await imports.fact('Separator')).toBe(';');
  expect(await imports.fact('Rows')).toBe('8');
  expect(await imports.fact('Devices')).toBe('6');
  await expect(page.getByRole('combobox', { name: 'Customer: Öresund Media AB' })).toHaveValue(
    'Öresund Media AB',
  );
  await expect(page.getByRole('combobox', { name: 'Customer: Nya Kunden AB' })).toHaveValue(
    'New customer “Nya Kunden AB”',
  );
  // An account nobody wants in the book is skipped: its devices are not imported.
  await imports.assignAccount('Nya Kunden AB', 'Skip: do not import these devices');
  await imports.importNow();

  const oresund = imports.report().locator('[data-customer="Öresund Media AB"]');
  await expect(oresund).toContainText('Video: 1');
  await expect(oresund).toContainText('Voice: 1');
  await expect(oresund).toContainText('End of life: 1');
  await expect(oresund).toContainText('Unknown model: 2');
  await expect(oresund.getByTestId('rejected-rows')).toContainText('no serial number or device ID');
  await expect(oresund).toContainText('8L1000: rows 2, 3');
  await expect(imports.report().locator('[data-customer="Nya Kunden AB"]')).toHaveCount(0);

  await imports.classify('Poly Mystery 9', 'Video');
  await expect(page.getByText(/Poly Mystery 9 is now Video; 2 customers recounted/)).toBeVisible();

  await page.getByRole('button', { name: 'OK' }).click();
  await expect(imports.history()).toContainText('oresund.csv');
  await app.goTo('Portfolio');
  const row = app.portfolioTable().locator('tbody tr[data-customer="Öresund Media AB"]');
  await expect(row).toContainText('3 / 14');

  await expect(app.portfolioTable().locator('tbody tr[data-customer="Nya Kunden AB"]')).toHaveCount(
    0,
  );

  // The same file again changes nothing, and the preview says so before, also for another date.
  await imports.open();
  await imports.chooseFile(path);
  const already = page.getByTestId('already-imported');
  await expect(already).toContainText('For Öresund Media AB on');
  await expect(already).toContainText('Importing it again changes nothing.');
  await imports.preview().getByLabel('Inventory as of').fill('2026-01-31');
  await imports.preview().getByLabel('Inventory as of').press('Tab');
  await expect(already).toContainText('changes nothing, also as of 31 Jan 2026');
  await imports.preview().getByRole('button', { name: 'Apply' }).click();
  await imports.importNow();
  await expect(imports.report()).toContainText(
    'The same inventory was already imported for Öresund Media AB',
  );
  expect(app.consoleErrors).toEqual([]);
});

test('refuses unusable files with a clear message and writes nothing; a dropped file opens the preview', async ({
  page,
}, testInfo) => {
  const app = new Workstation(page);
  const imports = new ImportsPage(page);
  await app.open();
  await app.enterName('Karin');
  await app.startEmpty();
  await imports.open();

  const png = testInfo.outputPath('inventory.csv');
  await writeFile(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
  await imports.chooseFile(png);
  await expect(imports.error()).toContainText('this is a PNG image, not a spreadsheet');
  await expect(imports.error()).toContainText('Nothing was imported');

  const noSerial = testInfo.outputPath('names.csv');
  await writeFile(noSerial, 'Device Name,Model,Site\nA,Poly CCX 400,Kista\n');
  await imports.chooseFile(noSerial);
  await expect(imports.error()).toContainText(
    'the file has neither a serial number nor a device ID column, so nothing can be imported. Headers found: Device Name, Model, Site',
  );
  await expect(imports.history()).toHaveCount(0);

  await app.goTo('Portfolio');
  await imports.dropFile(
    'dropped.csv',
    Buffer.from('Model,Serial,Account\nPoly G7500,G1,Dropped AB\n'),
  );
  await expect(imports.preview()).toBeVisible();
  expect(await imports.fact('Devices')).toBe('1');
  expect(app.consoleErrors).toEqual([]);
});
