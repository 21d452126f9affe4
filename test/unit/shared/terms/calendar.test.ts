import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addMonths,
  businessDaysBetween,
  easterSunday,
  fromDayNumber,
  holidays,
  isBusinessDay,
  nextBusinessDay,
  parseDate,
  toDayNumber,
  weekday,
} from '../../../../shared/terms';

describe('calendar dates', () => {
  it('round-trips day numbers and knows weekdays', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(toDayNumber('2024-02-29'))).toBe('2024-02-29');
    expect(weekday('2026-11-25')).toBe(3);
  });

  it('clamps month arithmetic to the end of the month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-03-15', 12)).toBe('2027-03-15');
  });

  it('refuses impossible dates', () => {
    expect(() => parseDate('2026-02-30')).toThrow(/not a calendar date/);
    expect(() => parseDate('2026-13-01')).toThrow();
    expect(() => parseDate('26-01-01')).toThrow();
  });
});

describe('Swedish public holidays, computed', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('Easter Sunday %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it.each([
    [2025, '2025-06-20', '2025-06-21'],
    [2026, '2026-06-19', '2026-06-20'],
    [2027, '2027-06-25', '2027-06-26'],
  ])('Midsummer %i: eve %s, day %s', (year, eve, day) => {
    const days = holidays('SE', year);
    expect(days.get(eve)?.name).toBe('Midsommarafton');
    expect(days.get(day)?.name).toBe('Midsommardagen');
  });

  it('knows the 2026 calendar', () => {
    const names = [...holidays('SE', 2026).values()].map((h) => `${h.date} ${h.name}`).sort();
    expect(names).toEqual([
      '2026-01-01 Nyårsdagen',
      '2026-01-06 Trettondedag jul',
      '2026-04-03 Långfredagen',
      '2026-04-05 Påskdagen',
      '2026-04-06 Annandag påsk',
      '2026-05-01 Första maj',
      '2026-05-14 Kristi himmelsfärdsdag',
      '2026-05-24 Pingstdagen',
      '2026-06-06 Sveriges nationaldag',
      '2026-06-19 Midsommarafton',
      '2026-06-20 Midsommardagen',
      '2026-10-31 Alla helgons dag',
      '2026-12-24 Julafton',
      '2026-12-25 Juldagen',
      '2026-12-26 Annandag jul',
      '2026-12-31 Nyårsafton',
    ]);
  });
});

describe('advance replacement business days (SE)', () => {
  it('ships Maundy Thursday approvals on the Tuesday after Easter', () => {
    expect(nextBusinessDay('2026-04-02', 'SE')).toBe('2026-04-07');
  });

  it('skips Midsummer Eve', () => {
    expect(nextBusinessDay('2026-06-18', 'SE')).toBe('2026-06-22');
  });

  it('crosses a weekend + Christmas run', () => {
    expect(nextBusinessDay('2026-12-23', 'SE')).toBe('2026-12-28');
    expect(nextBusinessDay('2027-12-23', 'SE')).toBe('2027-12-27');
    expect(isBusinessDay('2026-12-24', 'SE')).toBe(false);
  });

  it('ships Friday approvals on Monday, and New Year runs into January 7th', () => {
    expect(nextBusinessDay('2026-11-27', 'SE')).toBe('2026-11-30');
    expect(nextBusinessDay('2026-12-30', 'SE')).toBe('2027-01-04');
    expect(nextBusinessDay('2027-01-05', 'SE')).toBe('2027-01-07');
  });

  it('gives 10 business days to return the defective unit', () => {
    expect(addBusinessDays('2026-12-18', 10, 'SE')).toBe('2027-01-08');
    expect(businessDaysBetween('2026-12-18', '2027-01-08', 'SE')).toBe(10);
  });

  it('uses the customer country’s calendar', () => {
    expect(isBusinessDay('2026-05-17', 'NO')).toBe(false);
    expect(isBusinessDay('2026-05-18', 'NO')).toBe(true);
    expect(isBusinessDay('2026-06-05', 'DK')).toBe(false);
    expect(isBusinessDay('2026-06-05', 'SE')).toBe(true);
  });
});
