/**
 * The partner's logo: a PNG or JPEG the user picks, checked by its bytes (the magic number and the
 * dimensions its header gives, never the file's name) and kept as a data: URL with the partner's
 * settings, so it syncs and backs up with them. The report's writers read it back from that URL.
 */

/** Larger logos are refused: the logo travels in every sync of the partner settings. */
export const MAX_LOGO_BYTES = 200 * 1024;
/** Smaller than this is unreadable on the page; larger is pointless at the logo's printed size. */
export const LOGO_SIDE = { min: 16, max: 4096 };
/** Wider than this ratio is a banner, not a logo: it would be a sliver at the logo's height. */
const MAX_ASPECT = 10;

export type LogoType = 'png' | 'jpeg';
export type LogoProblem = 'tooLarge' | 'notImage' | 'badSize';

export interface Logo {
  type: LogoType;
  width: number;
  height: number;
  /** data:image/png;base64,… */
  dataUrl: string;
}

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  magic.every((byte, i) => bytes[i] === byte);

/** The image's type from its magic number; null when it is neither a PNG nor a JPEG. */
export function logoType(bytes: Uint8Array): LogoType | null {
  if (bytes.length > 24 && startsWith(bytes, PNG_MAGIC)) return 'png';
  if (bytes.length > 4 && startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  return null;
}

/** Width and height from a PNG's IHDR or a JPEG's start-of-frame marker; null when not found. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = logoType(bytes);
  if (type === 'png')
    return String.fromCharCode(...bytes.subarray(12, 16)) === 'IHDR'
      ? { width: view.getUint32(16), height: view.getUint32(20) }
      : null;
  if (type !== 'jpeg') return null;
  for (let i = 2; i + 9 < bytes.length;) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1] ?? 0;
    // SOF0–SOF15 carry the frame's size; C4 (tables), C8 and CC are not frames.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker))
      return { width: view.getUint16(i + 7), height: view.getUint16(i + 5) };
    i += 2 + view.getUint16(i + 2);
  }
  return null;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    text += BASE64[(n >> 18) & 63]! + BASE64[(n >> 12) & 63]!;
    text += i + 1 < bytes.length ? BASE64[(n >> 6) & 63]! : '=';
    text += i + 2 < bytes.length ? BASE64[n & 63]! : '=';
  }
  return text;
}

/** A picked file as the partner's logo, or what is wrong with it. */
export function readLogo(bytes: Uint8Array): Logo | { problem: LogoProblem } {
  if (bytes.byteLength > MAX_LOGO_BYTES) return { problem: 'tooLarge' };
  const type = logoType(bytes);
  const size = imageSize(bytes);
  if (!type || !size) return { problem: 'notImage' };
  const { width, height } = size;
  const sides = [width, height];
  if (
    sides.some((side) => side < LOGO_SIDE.min || side > LOGO_SIDE.max) ||
    Math.max(width / height, height / width) > MAX_ASPECT
  )
    return { problem: 'badSize' };
  return { type, width, height, dataUrl: `data:image/${type};base64,${base64(bytes)}` };
}

/** A stored logo's type and base64 text; null for '' or anything that is not a PNG or JPEG URL. */
export function logoOfDataUrl(url: string | undefined): { type: LogoType; base64: string } | null {
  const match = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/=]+)$/.exec(url ?? '');
  return match ? { type: match[1] === 'png' ? 'png' : 'jpeg', base64: match[2] ?? '' } : null;
}
