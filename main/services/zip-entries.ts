/**
 * The entries of a zip package (an .xlsx) read as they are stored, and a package written from entries:
 * an entry that does not change is copied still compressed. Only what is asked for is read.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';

export interface Entry {
  name: string;
  method: number;
  crc: number;
  size: number;
  data: Buffer;
}

/** The entries `wanted` keeps (all by default), their data as stored. */
export function readEntries(
  bytes: Uint8Array,
  wanted: (name: string, size: number) => boolean = () => true,
): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      { lazyEntries: true },
      (error, zip) => {
        if (error) return reject(error);
        const entries: Entry[] = [];
        zip.on('entry', (entry: yauzl.Entry) => {
          if (!wanted(entry.fileName, entry.uncompressedSize)) return zip.readEntry();
          zip.openReadStream(
            entry,
            entry.compressionMethod === 8 ? { decompress: false } : {},
            (streamError, stream) => {
              if (streamError) return reject(streamError);
              const chunks: Buffer[] = [];
              stream.on('data', (chunk: Buffer) => chunks.push(chunk));
              stream.on('error', reject);
              stream.on('end', () => {
                entries.push({
                  name: entry.fileName,
                  method: entry.compressionMethod,
                  crc: entry.crc32,
                  size: entry.uncompressedSize,
                  data: Buffer.concat(chunks),
                });
                zip.readEntry();
              });
            },
          );
        });
        zip.on('end', () => resolve(entries));
        zip.on('error', reject);
        zip.readEntry();
      },
    );
  });
}

/** A new entry, deflated. */
export function deflated(name: string, content: Buffer | string): Entry {
  const raw = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { name, method: 8, crc: crc32(raw) >>> 0, size: raw.length, data: deflateRawSync(raw) };
}

/** An entry's content as text. */
export function entryText(entry: Entry): string {
  return (entry.method === 0 ? entry.data : inflateRawSync(entry.data)).toString('utf8');
}

export function writeZip(entries: readonly Entry[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(0x00210000, 10);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, e.data);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(e.method, 10);
    dir.writeUInt32LE(0x00210000, 12);
    dir.writeUInt32LE(e.crc, 16);
    dir.writeUInt32LE(e.data.length, 20);
    dir.writeUInt32LE(e.size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += local.length + name.length + e.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, directory, end]));
}
