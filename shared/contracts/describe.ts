/**
 * Contract and true-up changes in the user's words, for the register preview and the change history:
 * "Video: unit price SEK 490.00 → SEK 240.00", "adds Voice: 95 installed, 5 growth", "ordered with PO
 * 4711", never field paths or JSON.
 */
import { dictionary, fill, type Language } from '../i18n';
import { formatters } from '../i18n/format';
import type { Contract, ContractCategory, TrueUp } from '../model/entities';
import { money } from '../terms/money';
import { adjustmentMonth } from '../terms/term';
import type { ContractTerms } from './draft';

type Terms = Pick<
  ContractTerms,
  'number' | 'termStart' | 'currency' | 'categories' | 'adjustmentMonth'
> & {
  settings: Partial<Contract['settings']>;
} & Partial<
    Pick<
      Contract,
      'tam' | 'isEcps' | 'professionalServicesDiscountPct' | 'isArchived' | 'staleDays'
    >
  >;

function words(language: Language) {
  const d = dictionary(language);
  const f = formatters(language);
  const category = (line: ContractCategory) => d.classes[line.category];
  const price = (terms: Terms, line: ContractCategory) =>
    f.money(money(line.unitPriceMinor, terms.currency));
  const yesNo = (value: boolean | undefined) => (value ? d.common.yes : d.common.no);
  const pct = (value: number | undefined) => (value === undefined ? '–' : `${f.decimal(value)} %`);
  const month = (terms: Terms) =>
    adjustmentMonth(terms.termStart, terms.settings.termMonths ?? 12, terms.adjustmentMonth);
  return { d, f, category, price, yesNo, pct, month };
}

/** What a new contract will be: its term, then each category. */
export function describeContract(terms: Terms, language: Language): string[] {
  const { d, f, category, price, month } = words(language);
  const w = d.describe;
  return [
    fill(w.term, {
      start: f.date(terms.termStart),
      months: terms.settings.termMonths ?? 12,
      currency: terms.currency,
      adjustment: f.month(month(terms)),
    }),
    ...terms.categories.map((line) =>
      fill(w.category, {
        category: category(line),
        installed: f.number(line.installedAtStart),
        growth: f.number(line.agreedGrowth),
        price: price(terms, line),
      }),
    ),
  ];
}

/** What changes between two versions of a contract, field by field, in the user's words. */
export function describeContractChanges(before: Terms, after: Terms, language: Language): string[] {
  const { d, f, category, price, yesNo, pct, month } = words(language);
  const w = d.describe;
  const c = d.contract.fields;
  const lines: string[] = [];
  const change = (label: string, from: string, to: string) => {
    if (from !== to) lines.push(fill(w.change, { field: label, from, to }));
  };
  change(c.number, before.number, after.number);
  change(c.termStart, f.date(before.termStart), f.date(after.termStart));
  change(
    c.termMonths,
    String(before.settings.termMonths ?? ''),
    String(after.settings.termMonths ?? ''),
  );
  change(c.currency, before.currency, after.currency);
  change(c.adjustmentMonth, f.month(month(before)), f.month(month(after)));
  change(c.baselinePct, pct(before.settings.baselinePct), pct(after.settings.baselinePct));
  change(c.rmaPct, pct(before.settings.rmaPct), pct(after.settings.rmaPct));
  change(
    c.blocksPerMonth,
    String(before.settings.blocksPerMonth ?? 0),
    String(after.settings.blocksPerMonth ?? 0),
  );
  change(
    c.blockHours,
    String(before.settings.blockHours ?? ''),
    String(after.settings.blockHours ?? ''),
  );
  change(
    c.carryOverHours,
    yesNo(before.settings.carryOverHours),
    yesNo(after.settings.carryOverHours),
  );
  change(c.tam, yesNo(before.tam), yesNo(after.tam));
  const staleRule = (days: number | null | undefined) =>
    days ? fill(d.staleRule.days, { days: f.number(days) }) : d.staleRule.none;
  change(d.staleRule.field, staleRule(before.staleDays), staleRule(after.staleDays));
  change(c.isEcps, yesNo(before.isEcps), yesNo(after.isEcps));
  change(
    c.professionalServicesDiscountPct,
    pct(before.professionalServicesDiscountPct),
    pct(after.professionalServicesDiscountPct),
  );
  if ((before.isArchived ?? false) !== (after.isArchived ?? false))
    lines.push(after.isArchived ? w.archived : w.unarchived);
  for (const line of after.categories) {
    const old = before.categories.find((l) => l.category === line.category);
    if (!old) {
      lines.push(
        fill(w.adds, {
          category: category(line),
          installed: f.number(line.installedAtStart),
          growth: f.number(line.agreedGrowth),
          price: price(after, line),
        }),
      );
      continue;
    }
    const named = (field: string) => `${category(line)}: ${field}`;
    change(
      named(c.installedAtStart),
      f.number(old.installedAtStart),
      f.number(line.installedAtStart),
    );
    change(named(c.agreedGrowth), f.number(old.agreedGrowth), f.number(line.agreedGrowth));
    change(named(w.unitPrice), price(before, old), price(after, line));
  }
  for (const line of before.categories)
    if (!after.categories.some((l) => l.category === line.category))
      lines.push(fill(w.removes, { category: category(line) }));
  return lines;
}

/** A true-up's step in the user's words: quoted, ordered with its PO, applied. */
export function describeTrueUp(before: TrueUp | null, after: TrueUp, language: Language): string[] {
  const { d, f } = words(language);
  const w = d.describe;
  const values = {
    category: d.classes[after.category],
    quote: after.quoteNumber,
    po: after.poNumber,
    added: f.number(after.added),
    amount: f.money(money(after.amountMinor, after.currency)),
    count: f.number(after.count),
  };
  if (!before || before.state !== after.state)
    switch (after.state) {
      case 'quoted':
        return [fill(w.quoted, values)];
      case 'ordered':
        return [fill(w.ordered, values)];
      case 'applied':
        return [fill(w.applied, values)];
      default:
        return [fill(w.due, values)];
    }
  return [];
}
