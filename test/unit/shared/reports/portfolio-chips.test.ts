/**
 * The portfolio says what to do and when: each true-up state's chip with its month in words and its
 * amount, the adjustment month while it runs, and "needs action" in date order.
 */
import { describe, expect, it } from 'vitest';
import { actionChip } from '../../../../shared/contracts/action-text';
import type { TrueUp } from '../../../../shared/model/entities';
import { alertDate, byDate, type Alert } from '../../../../shared/reports/alerts';
import { portfolioRow } from '../../../../shared/reports/portfolio';
import { DEFAULT_PARTNER_SETTINGS } from '../../../../shared/terms/settings';
import { contract, customer, trueUp } from '../../sync/fixtures';
import { snapshot } from './report-fixtures';

const NO_WORK = { headsetRmasThisYear: 0, usedMinutesByMonth: {}, lateRmas: 0, unreturnedRmas: 0 };

/** Contract k1: video ordered 100 at SEK 49.00 a year, adjustment month July 2026, term 2026. */
function row(today: string, asOf: string, video: number, trueUps: TrueUp[] = []) {
  return portfolioRow(
    customer('c1'),
    contract('k1'),
    [snapshot(asOf, { video })],
    DEFAULT_PARTNER_SETTINGS,
    NO_WORK,
    today,
    trueUps,
  );
}
const video = (r: ReturnType<typeof row>) => r.categories.find((c) => c.category === 'video')!;
/** The chip in English and Swedish, with the formatters' no-break spaces read as spaces. */
const chips = (r: ReturnType<typeof row>) =>
  (['en', 'sv'] as const).map((language) =>
    actionChip(language, video(r)).replace(/[\u00a0\u202f]/g, ' '),
  );

describe('the portfolio chip of each true-up state', () => {
  it('projected: the adjustment month and the amount at this count (12 units × 49.00 × 6/12)', () => {
    const projected = row('2026-06-05', '2026-06-01', 112);
    expect(video(projected).action).toBe('projected');
    expect(chips(projected)).toEqual([
      'Projected true-up: SEK 294.00 in July 2026',
      'Prognos för justering: 294,00 kr i juli 2026',
    ]);
  });

  it('due in the adjustment month, and overdue after it, with the month and amount', () => {
    const due = row('2026-07-31', '2026-07-20', 112);
    expect(video(due)).toMatchObject({ action: 'due', isOverdue: false });
    expect(chips(due)).toEqual([
      'True-up due: SEK 294.00 (July 2026)',
      'Justering att göra: 294,00 kr (juli 2026)',
    ]);
    const overdue = row('2026-08-05', '2026-07-31', 112);
    expect(chips(overdue)).toEqual([
      'True-up overdue since July 2026: SEK 294.00',
      'Justering försenad sedan juli 2026: 294,00 kr',
    ]);
  });

  it('in progress: the quoted amount and its month', () => {
    const quoted = row('2026-08-05', '2026-07-31', 112, [trueUp('t1', { amountMinor: 29400 })]);
    expect(chips(quoted)).toEqual([
      'True-up in progress: SEK 294.00 (July 2026)',
      'Justering pågår: 294,00 kr (juli 2026)',
    ]);
  });

  it('at renewal: the units the renewal adds over the applied count, nothing mid-term', () => {
    const applied = trueUp('t1', { state: 'applied', count: 112 });
    const atRenewal = row('2026-10-05', '2026-10-01', 125, [applied]);
    expect(video(atRenewal)).toMatchObject({ action: 'atRenewal', amount: null });
    expect(chips(atRenewal)).toEqual(['At renewal: +13 units', 'Vid förnyelse: +13 enheter']);
  });
});

describe('needs action', () => {
  it('shows the adjustment month while it runs, not only before it', () => {
    const before = row('2026-06-05', '2026-06-01', 112).alerts.find(
      (a) => a.kind === 'adjustmentSoon',
    );
    const during = row('2026-07-10', '2026-07-01', 112).alerts.find(
      (a) => a.kind === 'adjustmentSoon',
    );
    expect(before).toMatchObject({ month: '2026-07', isNow: false });
    expect(during).toMatchObject({ month: '2026-07', isNow: true });
    expect(row('2026-08-05', '2026-08-01', 112).alerts.map((a) => a.kind)).not.toContain(
      'adjustmentSoon',
    );
  });

  it('is sorted by date: the overdue true-up, then the renewal; what has no date after', () => {
    const overdue = row('2026-08-05', '2026-07-31', 112);
    expect(overdue.alerts.map((a) => [a.kind, alertDate(a)])).toEqual([
      ['trueUp', '2026-07'],
      ['renewal', '2027-01-01'],
    ]);
    const stale: Alert = { kind: 'staleInventory', asOf: null, days: null };
    const renewal: Alert = { kind: 'renewalSoon', date: '2026-09-01', days: 20 };
    const adjustment: Alert = {
      kind: 'adjustmentSoon',
      month: '2026-08',
      projected: { minor: 0, currency: 'SEK' },
      isNow: true,
    };
    expect(byDate([stale, renewal, adjustment])).toEqual([adjustment, renewal, stale]);
  });
});
