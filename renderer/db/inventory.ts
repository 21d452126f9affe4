/**
 * A customer's current inventory as chunk records of CHUNK_SIZE devices (DESIGN.md: ~20–30× faster to
 * write and ~50× faster to read than a row per device). Call inside a transaction over inventoryChunks.
 */
import Dexie from 'dexie';
import type { Device } from '../../shared/model/device';
import type { WorkstationDatabase } from './database';

export const CHUNK_SIZE = 5000;

export async function replaceInventory(
  db: WorkstationDatabase,
  customerId: string,
  devices: readonly Device[],
): Promise<void> {
  const chunks = [];
  for (let start = 0, chunk = 0; start < devices.length; start += CHUNK_SIZE, chunk++) {
    chunks.push({ customerId, chunk, devices: devices.slice(start, start + CHUNK_SIZE) });
  }
  await db.inventoryChunks
    .where('[customerId+chunk]')
    .between([customerId, chunks.length], [customerId, Dexie.maxKey])
    .delete();
  await db.inventoryChunks.bulkPut(chunks);
}

export async function readInventory(
  db: WorkstationDatabase,
  customerId: string,
): Promise<Device[]> {
  const chunks = await db.inventoryChunks.where('customerId').equals(customerId).sortBy('chunk');
  return chunks.flatMap((c) => c.devices);
}
