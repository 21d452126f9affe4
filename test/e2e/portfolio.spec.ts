/**
 * The portfolio says what to do and when: a true-up chip gives its month in words and its amount, and
 * each customer's Needs action chips stand in date order (undated ones after), in English and Swedish.
 */
import { expect, test } from './fixtures';
import { Workstation } from './pages/workstation';
import { shoot } from './screenshots';

const MONTH_IN_WORDS = {
  en: /(January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/,
  sv: /(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december) \d{4}/,
};

/** Dated chips first, each no later than the next; the undated ones after them. */
function isInDateOrder(dates: string[]): boolean {
  const firstUndated = dates.indexOf('');
  const dated = firstUndated === -1 ? dates : dates.slice(0, firstUndated);
  const isUndatedAfter = firstUndated === -1 || dates.slice(firstUndated).every((d) => d === '');
  return isUndatedAfter && dated.every((d, i) => i === 0 || dated[i - 1]! <= d);
}

test('the portfolio: true-up chips with month and amount over a bar of their colour, Needs action in date order', async ({
  page,
}) => {
  const app = new Workstation(page);
  await app.openDemo();
  for (const language of ['en', 'sv'] as const) {
    if (language === 'sv') {
      await app.speakSwedish();
      await page.getByRole('navigation').getByRole('link', { name: 'Portfölj' }).click();
    }
    const chips = await app.trueUpChips();
    expect(chips.length).toBeGreaterThan(0);
    for (const chip of chips) {
      // The bar above a chip says the same thing in the same colour (no red bar under "At renewal").
      expect(chip.bar, chip.text).toBe(chip.color);
      if (chip.action === 'atRenewal') expect(chip.text).toMatch(/\d/);
      else expect(chip.text).toMatch(MONTH_IN_WORDS[language]);
    }
    const dates = await app.needsActionDates();
    expect(Object.values(dates).some((d) => d.some((date) => date !== ''))).toBe(true);
    for (const [customer, chipDates] of Object.entries(dates))
      expect(isInDateOrder(chipDates), `${customer}: ${chipDates.join(', ')}`).toBe(true);
    await shoot(page, `portfolio-${language}`);
  }
});
