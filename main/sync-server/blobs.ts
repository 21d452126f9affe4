/** Device lists in the team book: immutable gzip objects of their JSON, by content hash. */
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import type { Pool } from './pool';
import { Refusal } from './refusals';
import type { SyncUser } from './users';

/** The most a device list's JSON may grow to when unpacked. */
export const BLOB_UNPACKED_LIMIT = 512 * 1024 * 1024;

/** Stores a device list (gzip of its JSON) under its content hash, checked; storing it again is a no-op. */
export async function putBlob(
  pool: Pool,
  user: SyncUser,
  hash: string,
  gzipped: Buffer,
): Promise<void> {
  let json: Buffer;
  try {
    json = gunzipSync(gzipped, { maxOutputLength: BLOB_UNPACKED_LIMIT });
  } catch {
    throw new Refusal('the device list is not a gzip object (or unpacks beyond 512 MB)');
  }
  if (createHash('sha256').update(json).digest('hex') !== hash)
    throw new Refusal('the device list does not match its hash');
  await pool.query(
    'INSERT INTO sync_blobs (hash, bytes, created_by) VALUES ($1, $2, $3) ON CONFLICT (hash) DO NOTHING',
    [hash, gzipped, user.id],
  );
}

export async function getBlob(pool: Pool, hash: string): Promise<Buffer | null> {
  const result = await pool.query<{ bytes: Buffer }>(
    'SELECT bytes FROM sync_blobs WHERE hash = $1',
    [hash],
  );
  return result.rows[0]?.bytes ?? null;
}
