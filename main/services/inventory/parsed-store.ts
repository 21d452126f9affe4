/**
 * Devices of finished parses, held in main until the window has fetched them page by page: a 200,000-
 * device answer in one piece would stall the window while it is decoded. Entries expire.
 */
import type { Device } from '../../../shared/model/device';

export const DEVICE_PAGE_SIZE = 20_000;
const EXPIRY_MS = 10 * 60_000;

const held = new Map<string, { devices: Device[]; timer: ReturnType<typeof setTimeout> }>();

export function forgetDevices(taskId: string): boolean {
  const entry = held.get(taskId);
  if (entry) clearTimeout(entry.timer);
  return held.delete(taskId);
}

/** Holds the devices; returns how many pages they make. */
export function holdDevices(taskId: string, devices: Device[]): number {
  forgetDevices(taskId);
  const timer = setTimeout(() => held.delete(taskId), EXPIRY_MS);
  timer.unref?.();
  held.set(taskId, { devices, timer });
  return Math.ceil(devices.length / DEVICE_PAGE_SIZE);
}

/** One page; the last page releases the devices. */
export function devicePage(taskId: string, page: number): Device[] {
  const entry = held.get(taskId);
  if (!entry) throw new Error('those devices are no longer held: read the file again');
  const start = page * DEVICE_PAGE_SIZE;
  if (start + DEVICE_PAGE_SIZE >= entry.devices.length) forgetDevices(taskId);
  return entry.devices.slice(start, start + DEVICE_PAGE_SIZE);
}
