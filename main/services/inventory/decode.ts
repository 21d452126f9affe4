/**
 * What kind of file the bytes are (by their first bytes, not their name) and, for text, its encoding:
 * UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252 (Excel "CSV" on Swedish Windows).
 */
import iconv from 'iconv-lite';
import { UnusableFileError } from './errors';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

const startsWith = (bytes: Uint8Array, ...signature: number[]) =>
  signature.every((b, i) => bytes[i] === b);

/** 'xlsx' for a zip, 'text' for anything that may be CSV; refuses known non-spreadsheets by name. */
export function sniffFormat(bytes: Uint8Array): 'xlsx' | 'text' {
  if (bytes.length === 0) throw new UnusableFileError('the file is empty: no data');
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) || startsWith(bytes, 0x50, 0x4b, 0x05, 0x06))
    return 'xlsx';
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) {
    throw new UnusableFileError(
      'this is an encrypted (password-protected) workbook or a legacy .xls file: not supported. Save it in Excel as "Excel Workbook (.xlsx)" without a password, or as CSV',
    );
  }
  const kinds: [number[], string][] = [
    [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
    [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
    [[0xff, 0xd8, 0xff], 'a JPEG image'],
    [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
    [[0x1f, 0x8b], 'a gzip archive'],
    [[0x52, 0x61, 0x72, 0x21], 'a RAR archive'],
    [[0x37, 0x7a, 0xbc, 0xaf], 'a 7-Zip archive'],
  ];
  for (const [signature, kind] of kinds) {
    if (startsWith(bytes, ...signature))
      throw new UnusableFileError(
        `this is ${kind}, not a spreadsheet: export the inventory from Poly Lens as CSV or Excel`,
      );
  }
  return 'text';
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
  if (startsWith(bytes, 0xef, 0xbb, 0xbf))
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  if (startsWith(bytes, 0xff, 0xfe))
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16le'), encoding: 'utf-16le' };
  if (startsWith(bytes, 0xfe, 0xff))
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16be'), encoding: 'utf-16be' };
  const sample = bytes.subarray(0, 65536);
  if (sample.includes(0))
    throw new UnusableFileError('the file contains NUL bytes: it is not a text (CSV) file');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'win1252'), encoding: 'windows-1252' };
  }
}
