/**
 * The demo partner's end-of-life register: a few of the demo's models with end of support and end of
 * life in the coming months, dated from the demo's as-of date so the lifecycle view always has
 * something to show. Every end of life lies after the as-of month: no figure of the demo changes.
 */
import type { EolRecord } from '../catalog/eol-register';
import { dictionary, fill, type Language } from '../i18n';
import { addMonthsToMonth, lastDayOfMonth, monthOf, type CalendarDate } from '../terms/dates';

/** The EOL policy page Poly's bulletins point to (research/lens.md §3.3). */
const POLICY = 'https://www.poly.com/us/en/support/service-policies/end-of-life-policy';

interface DemoLine {
  model: string;
  /** Months from the as-of month to each date's month (its last day); absent: no such date. */
  sale?: number;
  support?: number;
  life?: number;
  replacement?: string;
}

const LINES: readonly DemoLine[] = [
  { model: 'Trio 8800', sale: -18, support: 2, life: 14, replacement: 'Poly Trio C60' },
  { model: 'VVX 450', sale: -6, support: 5, life: 11, replacement: 'Poly CCX 400' },
  { model: 'EagleEye Cube USB', sale: -12, support: 4, life: 9, replacement: 'Poly Studio R30' },
  { model: 'Studio X30', sale: -3, support: 8, life: 30, replacement: 'Poly Studio X32' },
  { model: 'Voyager 4320', sale: 1, support: 20, life: 32 },
];

export function demoEolRegister(asOf: CalendarDate, language: Language = 'en'): EolRecord[] {
  const words = dictionary(language).demo;
  const month = monthOf(asOf);
  const dateIn = (months: number | undefined) =>
    months === undefined ? undefined : lastDayOfMonth(addMonthsToMonth(month, months));
  return LINES.map((line, index) => {
    const endOfSale = dateIn(line.sale);
    const endOfSupport = dateIn(line.support);
    const endOfLife = dateIn(line.life);
    return {
      id: `demo-eol-${String(index + 1).padStart(2, '0')}`,
      model: line.model,
      ...(endOfSale ? { endOfSale } : {}),
      ...(endOfSupport ? { endOfSupport } : {}),
      ...(endOfLife ? { endOfLife } : {}),
      notice: POLICY,
      ...(line.replacement ? { note: fill(words.replaceWith, { model: line.replacement }) } : {}),
      source: words.eolSource,
    };
  });
}
