/** Device identity (TERMS.md §2). */

/** Serial as identified: NFC, trimmed, upper-cased. */
export function normaliseSerial(serial: string): string {
  return serial.normalize('NFC').trim().toUpperCase();
}

/**
 * The identity key of a device: its normalised serial, else `id:` + its trimmed Lens device ID (kept
 * apart so a device ID can never collide with a serial), else null: the row is rejected.
 */
export function deviceIdentity(serial: string, deviceId: string): string | null {
  const s = normaliseSerial(serial);
  if (s) return s;
  const id = deviceId.normalize('NFC').trim();
  return id ? `id:${id}` : null;
}

/** The identity as shown to the user (without the internal `id:` marker). */
export function displayIdentity(identity: string): string {
  return identity.startsWith('id:') ? identity.slice(3) : identity;
}
