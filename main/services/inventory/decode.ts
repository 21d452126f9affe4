/**
 * What kind of file the bytes are (by their first bytes, not their name) and, for text, its encoding:
 * UTF-8 with or without BOM, UTF-16 with or without BOM, else Windows-1252 (Excel "CSV" on Swedish
 * Windows). A file that is partly UTF-8 and partly something else is refused, not guessed at: read as
 * Windows-1252 its "Öresund" rows would split into two accounts.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { UnusableFileError } from './errors';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

const startsWith = (bytes: Uint8Array, ...signature: number[]) =>
  signature.every((b, i) => bytes[i] === b);

const SAVE_AS =
  'export the inventory from Poly Lens as CSV or Excel, or save it in Excel as "Excel Workbook (.xlsx)"';

/** Text formats that are not a table of rows, recognised by how they start. */
function markupKind(bytes: Uint8Array): string | null {
  const head = new TextDecoder('utf-8')
    .decode(bytes.subarray(0, 1024))
    .replace(/^\ufeff/, '')
    .trimStart()
    .toLowerCase();
  if (/^<(!doctype html|html|head|body|table|meta)\b/.test(head))
    return 'an HTML page (a web page saved under a spreadsheet’s name)';
  if (head.startsWith('<?xml') && head.includes('urn:schemas-microsoft-com:office:spreadsheet'))
    return 'an "XML Spreadsheet 2003" file';
  return null;
}

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
      throw new UnusableFileError(`this is ${kind}, not a spreadsheet: ${SAVE_AS}`);
  }
  const markup = markupKind(bytes);
  if (markup) throw new UnusableFileError(`this is ${markup}, not a spreadsheet: ${SAVE_AS}`);
  return 'text';
}

/** UTF-16 without a BOM: text in it has a zero in every other byte. */
function utf16WithoutBom(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 2) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/** The length of the valid UTF-8 multi-byte sequence at `i`, or 0. */
function utf8Sequence(bytes: Uint8Array, i: number): number {
  const lead = bytes[i] ?? 0;
  const length =
    lead >= 0xc2 && lead <= 0xdf
      ? 2
      : lead >= 0xe0 && lead <= 0xef
        ? 3
        : lead >= 0xf0 && lead <= 0xf4
          ? 4
          : 0;
  for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return 0;
  return length;
}

/** Where a file that is not valid UTF-8 has UTF-8 in it too: the line of each kind, or null. */
function mixedEncoding(
  bytes: Uint8Array,
): { utf8Line: number; otherLine: number; byte: number } | null {
  let line = 1;
  let utf8Line = 0;
  let other: { line: number; byte: number } | null = null;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    if (byte === 0x0a) line++;
    if (byte < 0x80) continue;
    const length = utf8Sequence(bytes, i);
    if (length > 0) {
      utf8Line ||= line;
      i += length - 1;
    } else other ??= { line, byte };
    if (utf8Line && other) return { utf8Line, otherLine: other.line, byte: other.byte };
  }
  return null;
}

const hexByte = (byte: number) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;

export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
  if (startsWith(bytes, 0xef, 0xbb, 0xbf))
    return { text: utf8Text(bytes.subarray(3)), encoding: 'utf-8-bom' };
  if (startsWith(bytes, 0xff, 0xfe))
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16le'), encoding: 'utf-16le' };
  if (startsWith(bytes, 0xfe, 0xff))
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16be'), encoding: 'utf-16be' };
  const sample = bytes.subarray(0, 65536);
  if (sample.includes(0)) {
    const utf16 = utf16WithoutBom(sample);
    if (utf16)
      return { text: iconv.decode(Buffer.from(bytes), utf16.replace('-', '')), encoding: utf16 };
    throw new UnusableFileError(
      'the file contains NUL bytes and is not UTF-16 text: it is not a text (CSV) file',
    );
  }
  if (isUtf8(bytes)) return { text: utf8Text(bytes), encoding: 'utf-8' };
  const mixed = mixedEncoding(bytes);
  if (mixed)
    throw new UnusableFileError(
      `the file mixes two text encodings: line ${mixed.utf8Line} is UTF-8 but line ${mixed.otherLine} is not (byte ${hexByte(mixed.byte)}), so names like "Öresund" would read two ways. Save it again as "CSV UTF-8"`,
    );
  return { text: iconv.decode(Buffer.from(bytes), 'win1252'), encoding: 'windows-1252' };
}

/** UTF-8 bytes as text, without a copy of the bytes (invalid sequences become U+FFFD). */
const utf8Text = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
