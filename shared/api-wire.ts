/**
 * How the browser host carries a request or an answer with bytes over HTTP (IPC's structured clone
 * carries them as they are): a 4-byte big-endian length, the message as JSON with the byte array's
 * place marked, then the raw bytes. No base64, no copies of large files, and bytes never turn into a
 * JSON object of numbered keys.
 */
export const FRAMED_CONTENT_TYPE = 'application/x-csm-framed';

/**
 * The browser host's session key (main/host/sessions.ts): the page keeps it in its origin's own
 * storage and sends it with every call, as this header, or as this query parameter on the event
 * stream (which cannot carry a header).
 */
export const SESSION_KEY = {
  header: 'x-csm-session-key',
  storage: 'csm-session-key',
  param: 'key',
};

const BYTES_MARK = '$bytes';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The value with its one byte array (at any depth) replaced by the mark, and that array. */
function markBytes(value: unknown, found: { bytes: Uint8Array | null }): unknown {
  if (value instanceof Uint8Array) {
    if (found.bytes) throw new Error('a framed message carries one byte array at most');
    found.bytes = value;
    return { [BYTES_MARK]: true };
  }
  if (Array.isArray(value)) return value.map((item) => markBytes(item, found));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, markBytes(v, found)]));
  return value;
}

/** Whether a value holds a byte array anywhere, so that it must travel framed. */
export function carriesBytes(value: unknown): boolean {
  if (value instanceof Uint8Array) return true;
  if (Array.isArray(value)) return value.some(carriesBytes);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(carriesBytes);
  return false;
}

/**
 * A request or an answer in its three parts (length, JSON, bytes): a Blob of them is the body, with
 * no copy. The byte array may sit at any depth (an answer's `value`, a request's `bytes`).
 */
export function framedParts(
  value: unknown,
): [Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>, Uint8Array] {
  const found: { bytes: Uint8Array | null } = { bytes: null };
  const json = new TextEncoder().encode(JSON.stringify(markBytes(value, found)));
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, json.length);
  return [length, json, found.bytes ?? new Uint8Array()];
}

/** Puts the bytes back where the mark is. */
function revive(value: Json, bytes: Uint8Array): unknown {
  if (Array.isArray(value)) return value.map((item) => revive(item, bytes));
  if (typeof value !== 'object' || value === null) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && value[BYTES_MARK] === true) return bytes;
  return Object.fromEntries(keys.map((k) => [k, revive(value[k] ?? null, bytes)]));
}

export function decodeFramed(framed: Uint8Array): unknown {
  if (framed.length < 4) throw new Error('framed message too short');
  const length = new DataView(framed.buffer, framed.byteOffset, framed.byteLength).getUint32(0);
  if (length > framed.length - 4) throw new Error('framed message truncated');
  const value = JSON.parse(new TextDecoder().decode(framed.subarray(4, 4 + length))) as Json;
  return revive(value, framed.subarray(4 + length));
}
