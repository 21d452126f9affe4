/**
 * Issue 24 point 3, the end-of-life register in Settings (TERMS.md §12), in English and in Swedish: a
 * line typed in the dialog by keyboard with the catalog's date beside the date it lacks, a second line
 * for the model refused naming it, a file in the language's columns previewed (added, changed old →
 * new, kept) and imported on confirmation, and a bad file refused with its row and column.
 */
import { writeFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { EolRegisterPage, type EolWords } from './pages/eol-register';
import { shoot } from './screenshots';
import { Workstation } from './pages/workstation';

const LANGUAGES: Record<
  'en' | 'sv',
  {
    words: EolWords;
    catalog: RegExp;
    duplicate: string;
    file: string;
    preview: RegExp[];
    badFile: string;
    problem: RegExp;
  }
> = {
  en: {
    words: {
      section: 'End-of-life register',
      add: 'Add a line',
      import: 'Import a file…',
      model: 'Model',
      endOfLife: 'End of life',
      save: 'Save',
      cancel: 'Cancel',
      confirm: 'Import',
    },
    catalog: /Catalog: .*2024/,
    duplicate: 'The register has a line for Poly Studio X50 already: change that one instead.',
    file: [
      'Model,End of sale,End of support,End of life,Notice,Note',
      'Poly Studio X50,2024-06-30,2027-06-30,2028-06-30,https://www.poly.com/eol/x50,Replace with Studio X52',
      'Trio 8800,2025-06-30,2026-12-31,2027-12-31,,',
    ].join('\r\n'),
    preview: [/Added \(1\)/, /Changed \(1\)/, /End of life: .*2028/],
    badFile: 'Model,End of support,End of life\nVVX 450,2027-12-31,2027-01-31\n',
    problem: /Row 2, column End of life: Comes before the end of support/,
  },
  sv: {
    words: {
      section: 'Livscykelregister',
      add: 'Lägg till en rad',
      import: 'Importera en fil…',
      model: 'Modell',
      endOfLife: 'Slut på livslängd',
      save: 'Spara',
      cancel: 'Avbryt',
      confirm: 'Importera',
    },
    catalog: /Katalogen: .*2024/,
    duplicate: 'Registret har redan en rad för Poly Studio X50: ändra den i stället.',
    file: [
      '\uFEFFModell;Slutförsäljning;Slut på support;Slut på livslängd;Meddelande;Anteckning',
      'Poly Studio X50;2024-06-30;2027-06-30;2028-06-30;https://www.poly.com/eol/x50;Byt mot Studio X52',
      'Trio 8800;2025-06-30;2026-12-31;2027-12-31;;',
    ].join('\r\n'),
    preview: [/Läggs till \(1\)/, /Ändras \(1\)/, /Slut på livslängd: .*2028/],
    badFile: 'Modell;Slut på support;Slut på livslängd\nVVX 450;2027-12-31;2027-01-31\n',
    problem: /Rad 2, kolumn Slut på livslängd: Ligger före slut på support/,
  },
};

for (const language of ['en', 'sv'] as const) {
  const words = LANGUAGES[language];
  test(`the end-of-life register: typed, refused twice for a model, imported from a file (${language})`, async ({
    page,
  }, testInfo) => {
    const app = new Workstation(page);
    const register = new EolRegisterPage(page, words.words);
    await app.open();
    await app.enterName('Karin');
    await app.startEmpty();
    if (language === 'sv') await app.speakSwedish();
    else await app.goTo('Settings');
    const shots = `eol-register-${language}`;

    // A line by keyboard: the model, its end of life; the catalog's end of sale shows beside it.
    await register.typeLine('Poly Studio X50', '2029-03-31');
    await expect(register.dialog()).toContainText(words.catalog);
    await shoot(page, `${shots}-dialog`);
    await register.saveWithEnter();
    await expect(register.dialog()).toBeHidden();
    await expect(register.lines()).toHaveCount(1);
    await expect(register.lines().first()).toContainText('Poly Studio X50');
    await expect(register.lines().first()).toContainText('Karin');

    // The same model again, however it is spelt: refused, naming the line it has.
    await register.typeLine('poly studio x50');
    await register.saveWithEnter();
    await expect(register.dialog()).toContainText(words.duplicate);
    await shoot(page, `${shots}-duplicate`);
    await register.cancel();

    // A file: its lines previewed, nothing written until confirmed.
    const path = testInfo.outputPath(`poly-eol-${language}.csv`);
    await writeFile(path, words.file);
    await register.importFile(path);
    for (const text of words.preview) await expect(register.preview()).toContainText(text);
    await expect(register.lines()).toHaveCount(1);
    await shoot(page, `${shots}-preview`);
    await register.confirmImport();
    await expect(register.lines()).toHaveCount(2);
    await expect(register.lines().filter({ hasText: 'Trio 8800' })).toContainText(
      `poly-eol-${language}.csv`,
    );
    await shoot(page, `${shots}-table`);

    // A file with a date out of order: refused whole, its row and column named.
    const bad = testInfo.outputPath(`bad-${language}.csv`);
    await writeFile(bad, words.badFile);
    await register.importFile(bad);
    await expect(register.problems()).toHaveText([words.problem]);
    await expect(
      register.dialog().getByRole('button', { name: words.words.confirm, exact: true }),
    ).toBeDisabled();
    await shoot(page, `${shots}-refused`);
    await register.cancel();
    await expect(register.lines()).toHaveCount(2);
  });
}
