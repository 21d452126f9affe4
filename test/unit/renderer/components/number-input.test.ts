import { describe, expect, it } from 'vitest';
import { numberFrom } from '../../../../renderer/components/number-input';

describe('a number field’s value', () => {
  it.each([
    [5, 5],
    ['05', 5],
    ['05 %', 5],
    ['7,5', 7.5],
    ['7.5', 7.5],
    ['1 000', 1000],
    ['-2', -2],
    ['12.', 12],
  ])('%j reads as %j', (shown, value) => {
    expect(numberFrom(shown)).toBe(value);
  });

  it.each(['', 'abc', '1,2,3', '5 kr', Number.NaN])('%j is no number', (shown) => {
    expect(numberFrom(shown)).toBeNull();
  });
});
