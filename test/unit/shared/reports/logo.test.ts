import { describe, expect, it } from 'vitest';
import {
  imageSize,
  logoOfDataUrl,
  MAX_LOGO_BYTES,
  readLogo,
} from '../../../../shared/reports/logo';

/** The first bytes of a PNG of `width` × `height`: signature and IHDR, as a picker hands them over. */
function png(width: number, height: number, length = 64): Uint8Array {
  const bytes = new Uint8Array(length);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return bytes;
}

/** A JPEG: SOI, an APP0 segment, then a baseline frame (SOF0) of `width` × `height`. */
function jpeg(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array([
    0xff, 0xd8, 0xff, 0xe0, 0, 6, 0x4a, 0x46, 0x49, 0x46, 0xff, 0xc0, 0, 11, 8, 0, 0, 0, 0, 1, 1,
    0x11, 0,
  ]);
  const view = new DataView(bytes.buffer);
  view.setUint16(15, height);
  view.setUint16(17, width);
  return bytes;
}

describe('the partner’s logo', () => {
  it('is a PNG or JPEG by its bytes, with the size its header gives, kept as a data: URL', () => {
    expect(imageSize(png(300, 100))).toEqual({ width: 300, height: 100 });
    expect(imageSize(jpeg(640, 200))).toEqual({ width: 640, height: 200 });
    const logo = readLogo(png(300, 100));
    expect(logo).toMatchObject({ type: 'png', width: 300, height: 100 });
    expect('dataUrl' in logo && logoOfDataUrl(logo.dataUrl)).toMatchObject({ type: 'png' });
    // The data: URL holds the very bytes.
    const url = 'dataUrl' in logo ? logo.dataUrl : '';
    expect(Buffer.from(url.split(',')[1]!, 'base64').equals(Buffer.from(png(300, 100)))).toBe(true);
    expect(readLogo(jpeg(640, 200))).toMatchObject({ type: 'jpeg' });
  });

  it('refuses what is not a picture, whatever its name, and a size no page can use', () => {
    expect(readLogo(new TextEncoder().encode('GIF89a but not a logo at all, just text'))).toEqual({
      problem: 'notImage',
    });
    expect(readLogo(png(300, 100, MAX_LOGO_BYTES + 1))).toEqual({ problem: 'tooLarge' });
    expect(readLogo(png(8, 8))).toEqual({ problem: 'badSize' });
    expect(readLogo(png(5000, 1000))).toEqual({ problem: 'badSize' });
    expect(readLogo(png(1100, 100))).toEqual({ problem: 'badSize' });
    expect(logoOfDataUrl('file:///C:/logo.png')).toBeNull();
    expect(logoOfDataUrl('')).toBeNull();
  });
});
