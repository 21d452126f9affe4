/**
 * The growth planner (TERMS.md §11, issue 23) in both languages: in Renewals a typed growth changes
 * P(adjustment) and the amounts live, "Use in proposal" puts it in the renewal proposal (not the
 * contract), the renewals workbook's growth plan sheet has it as the chosen growth, and the contract
 * tab's planner shows the same proposal.
 */
import { expect, test, type Locator, type Page } from './fixtures';
import { seriousViolations } from './axe';
import { browserNow } from './calendar';
import { ContractsPage } from './pages/contracts';
import { RenewalsPage, type PlannerWords } from './pages/renewals';
import { Workstation } from './pages/workstation';

const languages: { code: 'en' | 'sv'; words: PlannerWords }[] = [
  {
    code: 'en',
    words: {
      renewals: 'Renewals',
      settings: 'Settings',
      language: 'English',
      planGrowth: 'Plan growth',
      growthOf: (c) => `Next agreed growth to try, ${c}`,
      proposalGrowthOf: (c) => `Next agreed growth, ${c}`,
      useInProposal: 'Use in proposal',
      export: 'Export to Excel',
      planSheet: 'Growth plan',
      chosenColumn: 'Chosen growth',
      contractTab: 'Contract',
      customers: 'Customers',
    },
  },
  {
    code: 'sv',
    words: {
      renewals: 'Förnyelser',
      settings: 'Inställningar',
      language: 'Svenska',
      planGrowth: 'Planera tillväxt',
      growthOf: (c) => `Nästa avtalade tillväxt att pröva, ${c}`,
      proposalGrowthOf: (c) => `Nästa avtalade tillväxt, ${c}`,
      useInProposal: 'Använd i förslaget',
      export: 'Exportera till Excel',
      planSheet: 'Tillväxtplan',
      chosenColumn: 'Vald tillväxt',
      contractTab: 'Avtal',
      customers: 'Kunder',
    },
  },
];

const customer = 'Northwind Traders A/S';
const now = browserNow();
/** A term that started six months ago: it renews within the year Renewals shows. */
const termStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 6, 1))
  .toISOString()
  .slice(0, 10);
const shots = process.env.SHOTS_DIR;

/** For reading by eye (SHOTS_DIR set): the part alone, no tooltip, notice or sticky header over it. */
async function screenshot(page: Page, part: Locator, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 2400 });
  await page.mouse.move(0, 0);
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  await part.screenshot({ path: `${shots}/${name}.png` });
}

for (const { code, words } of languages)
  test(`growth planner (${code}): type a growth, see P and the amounts change, use it, export it`, async ({
    page,
  }) => {
    const app = new Workstation(page);
    const renewals = new RenewalsPage(page, words);
    await app.open();
    await app.enterName('Karin');
    await app.loadDemoPortfolio();
    if (code === 'sv') await renewals.chooseLanguage();
    const headsets = code === 'sv' ? 'Hörlurar' : 'Headsets';
    const headsetsLine =
      code === 'sv' ? 'Hörlurar & personliga enheter' : 'Headsets & personal devices';

    await renewals.open();
    await renewals.openPlanner(customer);
    const planner = renewals.planner(customer);
    const p = renewals.figure(planner, 'pAdjustment');
    const upFront = renewals.figure(planner, 'upFront');
    const midTerm = renewals.figure(planner, 'expectedMidTerm');

    // No growth: every added device counts against the baseline, an adjustment is likely.
    await renewals.tryGrowth(customer, headsets, 0);
    await expect(renewals.figure(planner, 'nextOrdered')).toHaveText('339');
    await expect(upFront).toHaveText(/^€\s?0[.,]00$|^0,00\s€$/);
    const pAtZero = await p.textContent();
    const midAtZero = await midTerm.textContent();
    // Twelve more up front: a lower chance of an adjustment and a smaller expected amount.
    await renewals.tryGrowth(customer, headsets, 12);
    await expect(renewals.figure(planner, 'nextOrdered')).toHaveText('351');
    await expect(p).not.toHaveText(pAtZero ?? '');
    await expect(midTerm).not.toHaveText(midAtZero ?? '');
    await expect(upFront).toHaveText(/528/);
    const percent = (text: string | null) =>
      Number((text ?? '').replace(/[^\d,.]/g, '').replace(',', '.'));
    expect(percent(await p.textContent())).toBeLessThan(percent(pAtZero));
    if (shots) await screenshot(page, renewals.renewal(customer), `renewals-planner-${code}`);
    expect(await seriousViolations(page)).toEqual([]);

    // Into the proposal only: the card's growth follows, the contract stays as it is.
    await renewals.useInProposal(customer);
    await expect(renewals.proposedGrowth(customer, headsetsLine)).toHaveValue('12');
    const workbook = await renewals.exportWorkbook();
    expect(renewals.chosenGrowth(workbook, customer)).toBe(12);

    const contractPlanner = await renewals.openContractTab(customer);
    await expect(contractPlanner).toContainText(
      code === 'sv' ? 'Förslaget har 12.' : 'The proposal has 12.',
    );
    await expect(
      page
        .getByTestId('contract-standing')
        .locator('[data-category="headsets"] [data-field="ordered"]'),
    ).toHaveText('320');
    if (shots)
      await screenshot(
        page,
        page.getByRole('region', { name: code === 'sv' ? 'Tillväxtplanerare' : 'Growth planner' }),
        `contract-planner-${code}`,
      );
    expect(await seriousViolations(page)).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });

test('growth planner without history: says why there is no forecast, and the typed growth still goes into the proposal', async ({
  page,
}) => {
  const app = new Workstation(page);
  const contracts = new ContractsPage(page);
  const renewals = new RenewalsPage(page, languages[0]!.words);
  await app.open();
  await app.enterName('Jonas');
  await app.startEmpty();
  await contracts.createCustomer('Contoso AB', 'Contoso AB');
  await contracts.newContract({ number: 'PE-9', termStart }, [
    { category: 'Voice', installedAtStart: '20', agreedGrowth: '0', unitPrice: '100' },
  ]);
  await contracts.save();
  await renewals.open();
  await renewals.renewal('Contoso AB').getByRole('button', { name: 'Plan growth' }).click();
  const planner = renewals.planner('Contoso AB');
  await expect(planner).toContainText(
    'No forecast: too little history: 0 of the 4 months a forecast needs. Type the growth.',
  );
  await expect(planner.getByTestId('planner-outcome')).toHaveCount(0);
  await renewals.tryGrowth('Contoso AB', 'Voice', 4);
  await renewals.useInProposal('Contoso AB');
  await expect(renewals.proposedGrowth('Contoso AB', 'Voice')).toHaveValue('4');
  if (shots)
    await screenshot(page, renewals.renewal('Contoso AB'), 'renewals-planner-no-history-en');
  expect(app.consoleErrors).toEqual([]);
});
