/** Every worked example of TERMS.md, to the cent. */
import { describe, expect, it } from 'vitest';
import {
  adjustmentMonth,
  baseline,
  blockLedger,
  blockLedgers,
  localToday,
  categoryStatus,
  dashboardStatus,
  fractionToDecimal,
  money,
  moneyToDecimal,
  parseMoney,
  renewalDate,
  renewalProposal,
  rmaThreshold,
  termEnd,
  triggerAt,
  trueUp,
  monthsCharged,
  DEFAULT_CONTRACT_SETTINGS,
  DEFAULT_PARTNER_SETTINGS,
} from '../../../../shared/terms';

describe('TERMS.md §3: baseline and triggerAt', () => {
  it.each([
    [100, 5, '105', 105],
    [20, 5, '21', 21],
    [30, 5, '31.5', 32],
    [60, 5, '63', 63],
    [1, 5, '1.05', 2],
    [0, 5, '0', 1],
    [200, 10, '220', 220],
  ])(
    'ordered %i at %i %% → baseline %s, triggerAt %i',
    (ordered, pct, expectedBaseline, expectedTrigger) => {
      expect(baseline(ordered, pct)).toBe(expectedBaseline);
      expect(triggerAt(ordered, pct)).toBe(expectedTrigger);
    },
  );

  it('does not fall into the floating-point trap of ⌈ordered × 1.10⌉', () => {
    expect(Math.ceil(100 * 1.1)).toBe(111);
    expect(triggerAt(100, 10)).toBe(110);
    expect(triggerAt(50, 10)).toBe(55);
  });

  it.each([
    [99, 100, 105, 'under'],
    [100, 100, 105, 'within'],
    [104, 100, 105, 'within'],
    [105, 100, 105, 'trueUpDue'],
    [0, 0, 1, 'within'],
    [1, 0, 1, 'trueUpDue'],
  ] as const)('count %i, ordered %i, triggerAt %i → %s', (count, ordered, trigger, status) => {
    expect(categoryStatus(count, ordered, trigger)).toBe(status);
  });

  it('shows approaching from 80 % of the way from ordered to triggerAt', () => {
    const pct = DEFAULT_PARTNER_SETTINGS.approachingPct;
    expect(dashboardStatus(103, 100, 105, pct)).toBe('within');
    expect(dashboardStatus(104, 100, 105, pct)).toBe('approaching');
    expect(dashboardStatus(105, 100, 105, pct)).toBe('trueUpDue');
    expect(dashboardStatus(90, 100, 105, pct)).toBe('under');
  });
});

describe('TERMS.md §4: adjustment month, term end, months charged, amount', () => {
  it.each([
    ['2026-01-01', 12, '2026-07'],
    ['2026-03-15', 12, '2026-09'],
    ['2025-10-01', 12, '2026-04'],
  ])('term from %s for %i months adjusts in %s', (start, months, expected) => {
    expect(adjustmentMonth(start, months)).toBe(expected);
  });

  it('takes the contract’s own adjustment month when set', () => {
    expect(adjustmentMonth('2026-01-01', 12, '2026-05')).toBe('2026-05');
  });

  it.each([
    // term start, months, adj, termEnd, monthsCharged, ordered, count, unit price, amount
    ['2026-01-01', 12, '2026-07', '2026-12-31', '6', 100, 112, '49.00', '294.00'],
    ['2026-01-01', 12, '2026-07', '2026-12-31', '6', 100, 104, '49.00', null],
    ['2026-03-15', 12, '2026-09', '2027-03-14', '6 + 14/31', 40, 45, '120.00', '322.58'],
    ['2025-10-01', 12, '2026-04', '2026-09-30', '6', 30, 32, '99.90', '99.90'],
  ] as const)(
    'term %s/%i: adjustment %s, end %s, %s months, %i → %i at %s = %s',
    (start, months, adj, end, charged, ordered, count, price, amount) => {
      expect(adjustmentMonth(start, months)).toBe(adj);
      expect(termEnd(start, months)).toBe(end);
      const mc = monthsCharged(adj, end);
      const text =
        mc.partial.num === 0n
          ? String(mc.whole)
          : `${mc.whole} + ${mc.partial.num}/${mc.partial.den}`;
      expect(text).toBe(charged);
      const result = trueUp({
        ordered,
        count,
        triggerAt: triggerAt(ordered, DEFAULT_CONTRACT_SETTINGS.baselinePct),
        unitPrice: parseMoney(price, 'EUR'),
        adjustmentMonth: adj,
        termEnd: end,
      });
      if (amount === null) {
        expect(result).toBeNull();
      } else {
        expect(result && moneyToDecimal(result.amount)).toBe(amount);
        expect(result?.added).toBe(count - ordered);
        expect(result?.newOrdered).toBe(count);
      }
    },
  );

  it('row 3 exactly: 5 × 120.00 × (6 + 14/31) / 12 = 322.5806… → 322.58', () => {
    const mc = monthsCharged('2026-09', '2027-03-14');
    expect(fractionToDecimal(mc.total, 4)).toBe('6.4516');
  });

  it('resets the baseline from the new ordered units after a true-up', () => {
    expect(triggerAt(112, 5)).toBe(118);
  });
});

describe('TERMS.md §5: renewal', () => {
  it('renews the day after the term ends', () => {
    expect(renewalDate('2026-01-01', 12)).toBe('2027-01-01');
    expect(renewalDate('2026-03-15', 12)).toBe('2027-03-15');
  });

  it('proposes nextOrdered = latest count + next agreed growth, valued at next unit prices', () => {
    const proposal = renewalProposal(
      [
        {
          category: 'video',
          latestCount: 118,
          nextAgreedGrowth: 10,
          nextUnitPrice: parseMoney('49.00', 'SEK'),
        },
        {
          category: 'voice',
          latestCount: 40,
          nextAgreedGrowth: 0,
          nextUnitPrice: parseMoney('12.50', 'SEK'),
        },
      ],
      'SEK',
    );
    expect(proposal.lines.map((l) => l.nextOrdered)).toEqual([128, 40]);
    expect(moneyToDecimal(proposal.renewalValue)).toBe('6772.00');
  });
});

describe('TERMS.md §6: headset RMA threshold', () => {
  it.each([
    [200, 10, 10, false, 0],
    [200, 11, 10, true, 1],
    [30, 1, 1, false, 0],
    [30, 2, 1, true, 1],
  ])(
    'base %i, %i RMAs → allowed %i, exceeded %s, excess %i',
    (base, count, allowed, exceeded, excess) => {
      const result = rmaThreshold(
        base,
        count,
        DEFAULT_CONTRACT_SETTINGS.rmaPct,
        DEFAULT_CONTRACT_SETTINGS.rmaWarnPct,
      );
      expect(result).toMatchObject({ allowed, exceeded, excess });
    },
  );

  it('warns from 80 % of the allowed count', () => {
    expect(rmaThreshold(200, 7, 5, 80).isWarning).toBe(false);
    expect(rmaThreshold(200, 8, 5, 80).isWarning).toBe(true);
  });
});

describe('TERMS.md §7: CSM blocks', () => {
  it('allows blocks × 8 hours a month and reports remaining and overage', () => {
    const settings = DEFAULT_CONTRACT_SETTINGS;
    expect(
      blockLedger({ blocksPerMonth: 2, blockHours: settings.blockHours, usedMinutes: 600 }),
    ).toEqual({
      allowedMinutes: 960,
      usedMinutes: 600,
      remainingMinutes: 360,
      overageMinutes: 0,
    });
    expect(
      blockLedger({ blocksPerMonth: 1, blockHours: settings.blockHours, usedMinutes: 540 }),
    ).toMatchObject({
      remainingMinutes: 0,
      overageMinutes: 60,
    });
  });
});

describe('TERMS.md §7: carry-over only when the contract says so', () => {
  it('carries each month’s remaining minutes into the next with carry-over, and none without', () => {
    const used = [300, 600, 480];
    expect(
      blockLedgers(used, 1, 8, false).map((l) => [
        l.allowedMinutes,
        l.remainingMinutes,
        l.overageMinutes,
      ]),
    ).toEqual([
      [480, 180, 0],
      [480, 0, 120],
      [480, 0, 0],
    ]);
    expect(
      blockLedgers(used, 1, 8, true).map((l) => [
        l.allowedMinutes,
        l.remainingMinutes,
        l.overageMinutes,
      ]),
    ).toEqual([
      [480, 180, 0],
      [660, 60, 0],
      [540, 60, 0],
    ]);
  });
});

describe('TERMS.md §9: today', () => {
  it('is the calendar date in the machine’s time zone', () => {
    const original = process.env['TZ'];
    process.env['TZ'] = 'Europe/Stockholm';
    expect(localToday(new Date('2026-11-25T23:30:00Z'))).toBe('2026-11-26');
    process.env['TZ'] = 'America/Los_Angeles';
    expect(localToday(new Date('2026-11-25T05:00:00Z'))).toBe('2026-11-24');
    process.env['TZ'] = original;
  });
});

describe('TERMS.md §9: money', () => {
  it('keeps amounts in minor units', () => {
    expect(money(29400, 'SEK')).toEqual({ minor: 29400, currency: 'SEK' });
  });
});
