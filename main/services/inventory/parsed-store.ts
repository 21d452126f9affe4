/**
 * The device lists of finished parses (the complete list's JSON, made in the worker), held in main
 * until the window fetches them: the parse's answer stays small, and the devices travel as one compact
 * columnar body instead of 100,000 objects. Entries expire; fetching one releases it.
 */
const EXPIRY_MS = 10 * 60_000;

const held = new Map<string, { bytes: Uint8Array; timer: ReturnType<typeof setTimeout> }>();

export function forgetDeviceList(taskId: string): boolean {
  const entry = held.get(taskId);
  if (entry) clearTimeout(entry.timer);
  return held.delete(taskId);
}

export function holdDeviceList(taskId: string, bytes: Uint8Array): void {
  forgetDeviceList(taskId);
  const timer = setTimeout(() => held.delete(taskId), EXPIRY_MS);
  timer.unref?.();
  held.set(taskId, { bytes, timer });
}

/** The held list, released as it is handed out. */
export function takeDeviceList(taskId: string): Uint8Array {
  const entry = held.get(taskId);
  if (!entry) throw new Error('those devices are no longer held: read the file again');
  forgetDeviceList(taskId);
  return entry.bytes;
}
