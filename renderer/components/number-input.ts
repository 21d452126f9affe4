/**
 * What a number field shows, as a number: Mantine's NumberInput hands over text ("05", "7,5") where the
 * typed value is not yet a plain number, and the figures must follow what the user sees, not fall back
 * to zero. Null when the text is no number at all.
 */
export function numberFrom(value: string | number): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = value.replace(/[\s\u00a0%]/g, '').replace(',', '.');
  if (!/^-?\d*\.?\d+$|^-?\d+\.?$/.test(text)) return null;
  return Number(text);
}
