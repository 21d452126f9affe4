/**
 * The browser host's wire (shared/api-wire.ts): bytes at any depth of a request or an answer come
 * back as the same bytes in the same place, never as a JSON object of numbered keys (issue 21: a
 * team book's device list reached a joiner as {"0":123,…} and the device list showed nothing).
 */
import { describe, expect, it } from 'vitest';
import { carriesBytes, decodeFramed, framedParts } from '../../../shared/api-wire';

const frame = (value: unknown) => {
  const parts = framedParts(value);
  const whole = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    whole.set(part, at);
    at += part.byteLength;
  }
  return whole;
};

describe('the framed wire', () => {
  const list = new TextEncoder().encode('{"devices":[["A1","Malmö"]]}');

  it('carries a sync answer whose value is bytes, as those bytes', () => {
    const answer = { ok: true, value: { ok: true, value: list } };
    expect(carriesBytes(answer)).toBe(true);
    const back = decodeFramed(frame(answer)) as {
      ok: true;
      value: { ok: true; value: Uint8Array };
    };
    expect(back.value.value).toBeInstanceOf(Uint8Array);
    expect(Array.from(back.value.value)).toEqual(Array.from(list));
    expect(back).toEqual({ ok: true, value: { ok: true, value: back.value.value } });
    // Four bytes of length, the JSON with a mark, the bytes themselves: no numbered keys.
    const sent = frame(answer);
    expect(new TextDecoder().decode(sent.subarray(4, sent.length - list.length))).toBe(
      '{"ok":true,"value":{"ok":true,"value":{"$bytes":true}}}',
    );
  });

  it('is what the desktop gets too: IPC carries the same answer by structured clone, bytes as bytes', () => {
    const answer = { ok: true, value: list };
    const cloned = structuredClone(answer);
    expect(cloned.value).toBeInstanceOf(Uint8Array);
    expect(cloned).toEqual(decodeFramed(frame(answer)));
  });

  it('carries a request with its file bytes, and a top-level answer of bytes', () => {
    const request = { fileName: 'lens.csv', bytes: list, options: { asOf: null } };
    expect(decodeFramed(frame(request))).toEqual(request);
    expect(decodeFramed(frame({ ok: true, value: list }))).toEqual({ ok: true, value: list });
    expect(decodeFramed(frame([1, { nested: [list] }]))).toEqual([1, { nested: [list] }]);
  });

  it('carries a message without bytes as it is, and says when there are none', () => {
    const plain = { ok: true, value: { hash: 'abc', count: 3, empty: null, list: [] } };
    expect(carriesBytes(plain)).toBe(false);
    expect(decodeFramed(frame(plain))).toEqual(plain);
    expect(carriesBytes({ ok: true, value: null })).toBe(false);
  });

  it('refuses two byte arrays in one message, and a frame cut short', () => {
    expect(() => framedParts({ a: list, b: list })).toThrow(
      'a framed message carries one byte array at most',
    );
    expect(() => decodeFramed(new Uint8Array([0, 0]))).toThrow('framed message too short');
    expect(() => decodeFramed(new Uint8Array([0, 0, 0, 200, 123]))).toThrow(
      'framed message truncated',
    );
  });
});
