/**
 * The zip pre-scan every XLSX passes before exceljs sees it: it reads only the central directory
 * (nothing is inflated) and refuses zip bombs, path tricks and malformed archives in milliseconds.
 */
import yauzl from 'yauzl';
import { UnusableFileError } from './errors';

export const ZIP_LIMITS = {
  entries: 10_000,
  entryBytes: 256 * 2 ** 20,
  totalBytes: 1024 * 2 ** 20,
  /** Uncompressed ÷ compressed above this, for an entry over 1 MiB, is a bomb, not a spreadsheet. */
  ratio: 200,
};

export interface ZipScan {
  entries: number;
  totalBytes: number;
}

function fromBuffer(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      buffer,
      { lazyEntries: true, decodeStrings: false, validateEntrySizes: true },
      (error, zip) => (error || !zip ? reject(error ?? new Error('no zip')) : resolve(zip)),
    );
  });
}

function checkName(raw: Buffer, isUtf8: boolean): string {
  const name = raw.toString(isUtf8 ? 'utf8' : 'latin1');
  if (
    name.includes('\0') ||
    name.includes('\\') ||
    name.startsWith('/') ||
    /^[a-z]:/i.test(name) ||
    name.split('/').includes('..')
  ) {
    throw new UnusableFileError(
      `the workbook contains an entry named ${JSON.stringify(name)} that points outside the archive: refused`,
    );
  }
  return name;
}

export async function scanZip(bytes: Uint8Array): Promise<ZipScan> {
  let zip: yauzl.ZipFile;
  try {
    zip = await fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw new UnusableFileError(
      `the file is not a readable Excel workbook (damaged or truncated zip: ${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (zip.entryCount > ZIP_LIMITS.entries) {
    zip.close();
    throw new UnusableFileError(
      `the workbook has ${zip.entryCount.toLocaleString('en')} parts, more than a spreadsheet has (limit ${ZIP_LIMITS.entries.toLocaleString('en')}): refused`,
    );
  }
  const names = new Set<string>();
  let totalBytes = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      try {
        const name = checkName(
          entry.fileName as unknown as Buffer,
          (entry.generalPurposeBitFlag & 0x800) !== 0,
        );
        if (names.has(name))
          throw new UnusableFileError(
            `the workbook contains ${JSON.stringify(name)} twice: refused`,
          );
        names.add(name);
        const size = entry.uncompressedSize;
        totalBytes += size;
        if (size > ZIP_LIMITS.entryBytes)
          throw new UnusableFileError(
            `the workbook part ${name} would inflate to ${Math.round(size / 2 ** 20)} MB: refused as a zip bomb`,
          );
        if (size > 2 ** 20 && size / Math.max(1, entry.compressedSize) > ZIP_LIMITS.ratio) {
          throw new UnusableFileError(
            `the workbook part ${name} compresses ${Math.round(size / Math.max(1, entry.compressedSize))}:1, which no real spreadsheet does: refused as a zip bomb`,
          );
        }
        if (totalBytes > ZIP_LIMITS.totalBytes)
          throw new UnusableFileError(
            `the workbook would inflate to more than ${ZIP_LIMITS.totalBytes / 2 ** 20} MB: refused`,
          );
        zip.readEntry();
      } catch (error) {
        zip.close();
        reject(error instanceof Error ? error : new UnusableFileError(String(error)));
      }
    });
    zip.on('end', () => resolve());
    zip.on('error', (error: Error) =>
      reject(new UnusableFileError(`the file is not a readable Excel workbook (${error.message})`)),
    );
    zip.readEntry();
  });
  if (!names.has('xl/workbook.xml'))
    throw new UnusableFileError(
      'the file is a zip archive but not an Excel workbook (it has no xl/workbook.xml)',
    );
  return { entries: names.size, totalBytes };
}
