/**
 * Exact non-negative rational numbers over bigint, for money and month fractions (TERMS.md §4:
 * "computed without floating-point error").
 */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}

export function fraction(num: bigint | number, den: bigint | number = 1n): Fraction {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new RangeError('fraction with a zero denominator');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return { num: n / g, den: d / g };
}

export function addFractions(a: Fraction, b: Fraction): Fraction {
  return fraction(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function multiplyFractions(a: Fraction, b: Fraction): Fraction {
  return fraction(a.num * b.num, a.den * b.den);
}

export function compareFractions(a: Fraction, b: Fraction): number {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Rounds half away from zero to an integer. */
export function roundHalfAwayFromZero(value: Fraction): bigint {
  const negative = value.num < 0n;
  const abs = negative ? -value.num : value.num;
  const rounded = (2n * abs + value.den) / (2n * value.den);
  return negative ? -rounded : rounded;
}

/** The smallest integer ≥ value. */
export function ceilFraction(value: Fraction): bigint {
  const q = value.num / value.den;
  return value.num % value.den === 0n || value.num < 0n ? q : q + 1n;
}

/** The largest integer ≤ value. */
export function floorFraction(value: Fraction): bigint {
  const q = value.num / value.den;
  return value.num % value.den === 0n || value.num >= 0n ? q : q - 1n;
}

/** Exact decimal text when the denominator divides a power of ten, else rounded to `maxDigits`. */
export function fractionToDecimal(value: Fraction, maxDigits = 6): string {
  for (let digits = 0; digits <= maxDigits; digits++) {
    const scale = 10n ** BigInt(digits);
    if ((value.num * scale) % value.den === 0n)
      return scaledToDecimal((value.num * scale) / value.den, digits);
  }
  const scale = 10n ** BigInt(maxDigits);
  return scaledToDecimal(roundHalfAwayFromZero(fraction(value.num * scale, value.den)), maxDigits);
}

/** Formats an integer scaled by 10^digits as plain decimal text ("-12.30"). */
export function scaledToDecimal(scaled: bigint, digits: number): string {
  const negative = scaled < 0n;
  const text = (negative ? -scaled : scaled).toString().padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits);
  const decimals = digits > 0 ? `.${text.slice(text.length - digits)}` : '';
  return `${negative ? '-' : ''}${whole}${decimals}`;
}
