import { describe, expect, it } from 'vitest';
import {
  parseDateText,
  parseDateTimeText,
  parseDurationText,
  parseTimeText,
} from '../../../shared/i18n/parse-input';
import { formatters } from '../../../shared/i18n/format';

describe('typed dates', () => {
  it('reads ISO, day-first numbers and month names in both languages', () => {
    for (const text of [
      '2026-12-01',
      '2026/12/1',
      '20261201',
      '1/12/2026',
      '01.12.2026',
      '1 dec 2026',
      '1 dec. 2026',
      '1 December 2026',
      'Dec 1, 2026',
      '1 december 2026',
    ])
      expect([text, parseDateText(text)]).toEqual([text, '2026-12-01']);
    expect(parseDateText('3 maj 2026')).toBe('2026-05-03');
    expect(parseDateText('3 okt 2026')).toBe('2026-10-03');
  });

  it('reads back what the app shows, in either language', () => {
    for (const language of ['sv', 'en'] as const)
      for (const date of ['2026-01-31', '2026-05-03', '2026-10-09', '2028-02-29'])
        expect(parseDateText(formatters(language).date(date))).toBe(date);
  });

  it('refuses what is no calendar date', () => {
    for (const text of ['2026-02-30', '31/4/2026', '1 foo 2026', '12/2026', '', 'tomorrow'])
      expect([text, parseDateText(text)]).toEqual([text, null]);
  });

  it('reads a moment as shown and as typed, to the minute', () => {
    expect(parseDateTimeText('2026-12-01 17:18')).toBe('2026-12-01 17:18:00');
    expect(parseDateTimeText('2026-12-01T09:05')).toBe('2026-12-01 09:05:00');
    expect(parseDateTimeText('1 dec. 2026 17:18')).toBe('2026-12-01 17:18:00');
    expect(parseDateTimeText('1 Dec 2026, 17:18')).toBe('2026-12-01 17:18:00');
    expect(parseDateTimeText('1 Dec 2026')).toBe('2026-12-01 00:00:00');
    expect(parseDateTimeText('1 Dec 2026 25:00')).toBeNull();
    expect(parseTimeText('7.30')).toBe('07:30');
  });
});

describe('typed durations', () => {
  it('reads hours and minutes as people write them', () => {
    const cases: [string, number][] = [
      ['0:45', 45],
      ['45 min', 45],
      ['45min', 45],
      ['45 m', 45],
      ['1 h 30 min', 90],
      ['1h30m', 90],
      ['1,5 h', 90],
      ['1.5', 90],
      ['2', 120],
      ['45', 45],
      ['90', 90],
      ['1 timme', 60],
      ['2 tim 15 min', 135],
      ['7:30', 450],
    ];
    for (const [text, minutes] of cases)
      expect([text, parseDurationText(text)]).toEqual([text, minutes]);
  });

  it('refuses what is no duration, so the field can say so instead of keeping the old value', () => {
    for (const text of ['', 'abc', '1:75', '-1', '45 sec', '12.5.1'])
      expect([text, parseDurationText(text)]).toEqual([text, null]);
  });
});
