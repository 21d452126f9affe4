import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addMoney,
  CurrencyMismatchError,
  formatMoney,
  money,
  moneyToDecimal,
  parseMoney,
  rmaExposure,
  sumMoney,
} from '../../../../shared/terms';

describe('money', () => {
  it.each([
    ['1234.50', 123450],
    ['1 234,50', 123450],
    ['1\u00a0234,50', 123450],
    ['1,234.50', 123450],
    ['1.234,50', 123450],
    ['99,9', 9990],
    ['49', 4900],
    ['-12.5', -1250],
  ])('reads %s', (text, minor) => {
    expect(parseMoney(text, 'SEK').minor).toBe(minor);
  });

  it.each(['', 'abc', '12.345', '1,2,3.4.5', '12..3'])('refuses %j', (text) => {
    expect(() => parseMoney(text, 'SEK')).toThrow();
  });

  it('never adds two currencies', () => {
    expect(() => addMoney(money(100, 'SEK'), money(100, 'EUR'))).toThrow(CurrencyMismatchError);
    expect(() => sumMoney([money(1, 'NOK')], 'SEK')).toThrow(/NOK/);
  });

  it('formats per locale without float drift', () => {
    expect(formatMoney(money(123450, 'SEK'), 'sv-SE').replace(/\s/g, ' ')).toBe('1 234,50 kr');
    expect(formatMoney(money(123450, 'EUR'), 'en-GB')).toBe('€1,234.50');
    expect(formatMoney(money(900719925474099, 'USD'), 'en-US')).toBe('$9,007,199,254,740.99');
  });

  it('round-trips decimal text for any amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (minor) => {
        expect(parseMoney(moneyToDecimal(money(minor, 'EUR')), 'EUR').minor).toBe(minor);
      }),
    );
  });

  it('prices RMA exposure from the last excess RMAs of the year in date order', () => {
    const rmas = [
      { approvedOn: '2026-03-01', listPrice: money(10000, 'EUR') },
      { approvedOn: '2026-11-01', listPrice: money(30000, 'EUR') },
      { approvedOn: '2026-06-01', listPrice: null },
    ];
    expect(rmaExposure(rmas, 2, 'EUR')).toEqual({ amount: money(30000, 'EUR'), unpriced: 1 });
    expect(rmaExposure(rmas, 0, 'EUR')).toEqual({ amount: money(0, 'EUR'), unpriced: 0 });
  });
});
