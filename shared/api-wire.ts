/**
 * How the browser host carries a request with file bytes over HTTP: a 4-byte big-endian length, the
 * request as JSON with the bytes field marked, then the raw bytes. No base64, no copies of large files.
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

/** The request in its three parts (length, JSON, bytes): a Blob of them is the body, with no copy. */
export function framedParts(
  input: Record<string, unknown>,
): [Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>, Uint8Array] {
  const entry = Object.entries(input).find(([, value]) => value instanceof Uint8Array);
  const json = new TextEncoder().encode(
    JSON.stringify(entry ? { ...input, [entry[0]]: { [BYTES_MARK]: true } } : input),
  );
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, json.length);
  return [length, json, entry ? (entry[1] as Uint8Array) : new Uint8Array()];
}

export function decodeFramed(framed: Uint8Array): unknown {
  if (framed.length < 4) throw new Error('framed request too short');
  const length = new DataView(framed.buffer, framed.byteOffset, framed.byteLength).getUint32(0);
  if (length > framed.length - 4) throw new Error('framed request truncated');
  const input = JSON.parse(new TextDecoder().decode(framed.subarray(4, 4 + length))) as unknown;
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new Error('framed request is not an object');
  const bytes = framed.subarray(4 + length);
  for (const [key, value] of Object.entries(input)) {
    if (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<string, unknown>)[BYTES_MARK] === true
    ) {
      return { ...input, [key]: bytes };
    }
  }
  return input;
}
