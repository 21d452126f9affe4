/**
 * The one way users' zip packages (.xlsx) are opened. The central directory is checked first, before
 * anything is inflated: zip bombs by their declared sizes, path tricks, duplicate names, too many
 * parts. Then each part is inflated as a stream that counts the bytes it really produces and stops at
 * the limit, because the directory may lie. Everything stays in memory: no temporary files.
 */
import yauzl from 'yauzl';
import { UnusableFileError } from './errors';
import { messageOf } from '../../../shared/errors';

export const ZIP_LIMITS = {
  entries: 10_000,
  entryBytes: 256 * 2 ** 20,
  totalBytes: 1024 * 2 ** 20,
  /** Uncompressed ÷ compressed above this, for an entry over 1 MiB, is a bomb, not a spreadsheet. */
  ratio: 200,
};

/** An opened, checked package: its parts by name, each readable once as a counted stream. */
export interface CheckedZip {
  names: ReadonlySet<string>;
  /** The part's bytes as they inflate, chunk by chunk; refused once it passes `limit` bytes. */
  inflate(name: string, limit?: number): AsyncIterable<Buffer>;
  /** How many bytes all parts read so far really inflated to. */
  readonly inflatedBytes: number;
  close(): void;
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

const megabytes = (bytes: number) => Math.round(bytes / 2 ** 20);

function checkEntry(entry: yauzl.Entry, name: string, totalBytes: number): void {
  const size = entry.uncompressedSize;
  if (size > ZIP_LIMITS.entryBytes)
    throw new UnusableFileError(
      `the workbook part ${name} would inflate to ${megabytes(size)} MB: refused as a zip bomb`,
    );
  if (size > 2 ** 20 && size / Math.max(1, entry.compressedSize) > ZIP_LIMITS.ratio) {
    throw new UnusableFileError(
      `the workbook part ${name} compresses ${Math.round(size / Math.max(1, entry.compressedSize))}:1, which no real spreadsheet does: refused as a zip bomb`,
    );
  }
  if (totalBytes > ZIP_LIMITS.totalBytes)
    throw new UnusableFileError(
      `the workbook would inflate to more than ${megabytes(ZIP_LIMITS.totalBytes)} MB: refused`,
    );
}

async function readDirectory(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  if (zip.entryCount > ZIP_LIMITS.entries)
    throw new UnusableFileError(
      `the workbook has ${zip.entryCount.toLocaleString('en')} parts, more than a spreadsheet has (limit ${ZIP_LIMITS.entries.toLocaleString('en')}): refused`,
    );
  const entries = new Map<string, yauzl.Entry>();
  let totalBytes = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      try {
        const name = checkName(
          entry.fileName as unknown as Buffer,
          (entry.generalPurposeBitFlag & 0x800) !== 0,
        );
        if (entries.has(name))
          throw new UnusableFileError(
            `the workbook contains ${JSON.stringify(name)} twice: refused`,
          );
        entries.set(name, entry);
        totalBytes += entry.uncompressedSize;
        checkEntry(entry, name, totalBytes);
        zip.readEntry();
      } catch (error) {
        reject(error instanceof Error ? error : new UnusableFileError(String(error)));
      }
    });
    zip.on('end', () => resolve());
    zip.on('error', (error: Error) =>
      reject(new UnusableFileError(`the file is not a readable Excel workbook (${error.message})`)),
    );
    zip.readEntry();
  });
  if (!entries.has('xl/workbook.xml'))
    throw new UnusableFileError(
      'the file is a zip archive but not an Excel workbook (it has no xl/workbook.xml)',
    );
  return entries;
}

function openStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (error, stream) =>
      error || !stream ? reject(error ?? new Error('no stream')) : resolve(stream),
    ),
  );
}

/** Opens and checks a package; the caller closes it. Refusals are UnusableFileErrors that say why. */
export async function openZip(bytes: Uint8Array): Promise<CheckedZip> {
  let zip: yauzl.ZipFile;
  try {
    zip = await fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw new UnusableFileError(
      `the file is not a readable Excel workbook (damaged or truncated zip: ${messageOf(error)})`,
    );
  }
  let entries: Map<string, yauzl.Entry>;
  try {
    entries = await readDirectory(zip);
  } catch (error) {
    zip.close();
    throw error;
  }
  let inflatedBytes = 0;
  return {
    names: new Set(entries.keys()),
    get inflatedBytes() {
      return inflatedBytes;
    },
    close: () => zip.close(),
    async *inflate(name: string, limit = ZIP_LIMITS.entryBytes) {
      const entry = entries.get(name);
      if (!entry) return;
      let stream: NodeJS.ReadableStream;
      try {
        stream = await openStream(zip, entry);
      } catch (error) {
        throw new UnusableFileError(
          `the workbook part ${name} cannot be read (${messageOf(error)})`,
        );
      }
      let partBytes = 0;
      let isDone = false;
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          partBytes += chunk.length;
          inflatedBytes += chunk.length;
          if (partBytes > limit || partBytes > entry.uncompressedSize)
            throw new UnusableFileError(
              `the workbook part ${name} inflates to more than ${partBytes > limit ? `${megabytes(limit)} MB` : `the ${entry.uncompressedSize.toLocaleString('en')} bytes its directory declares`}: refused as a zip bomb`,
            );
          if (inflatedBytes > ZIP_LIMITS.totalBytes)
            throw new UnusableFileError(
              `the workbook inflates to more than ${megabytes(ZIP_LIMITS.totalBytes)} MB: refused`,
            );
          yield chunk;
        }
        isDone = true;
      } catch (error) {
        if (error instanceof UnusableFileError) throw error;
        const message = messageOf(error);
        throw new UnusableFileError(
          /too many bytes/i.test(message)
            ? `the workbook part ${name} inflates to more than the ${entry.uncompressedSize.toLocaleString('en')} bytes its directory declares: refused as a zip bomb`
            : `the workbook part ${name} is damaged (${message}); open the file in Excel and save it again`,
        );
      } finally {
        // Stopped early (a header search that gave up, a refusal): release the inflater.
        if (!isDone) (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      }
    },
  };
}
