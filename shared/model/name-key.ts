/**
 * How names, Lens accounts and contract numbers are compared: Unicode-normalised, trimmed, and without
 * regard to case (Swedish rules, so Å and å are one letter).
 */
export function nameKey(value: string): string {
  return value.normalize('NFC').trim().toLocaleLowerCase('sv');
}
