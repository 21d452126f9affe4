/** One device of a Lens inventory, as normalised from any export dialect (FORMATS.md §1). */
export interface Device {
  /** Identity key: the trimmed, upper-cased serial, else `id:` + the Lens device ID (TERMS.md §2). */
  id: string;
  serial: string;
  deviceId: string;
  model: string;
  name: string;
  site: string;
  room: string;
  softwareVersion: string;
  /** true online, false offline, null not reported. */
  online: boolean | null;
  /** ISO 8601 instant ('2026-07-31T08:21:07Z') or null when never detected. */
  lastDetected: string | null;
  account: string;
  accountId: string;
  mac: string;
  hardwareFamily: string;
  /** What Lens marks the device as, where it does: deleted or archived, never counted (TERMS.md §12). */
  lensState?: LensState;
}

/** The marks Lens and its exports give a device that is no longer in service (FORMATS.md §4). */
export const LENS_STATES = ['deleted', 'archived'] as const;
export type LensState = (typeof LENS_STATES)[number];

/** The inventory fields a Lens export may hold (FORMATS.md §1). */
export const DEVICE_FIELDS = [
  'model',
  'serial',
  'deviceId',
  'name',
  'site',
  'room',
  'softwareVersion',
  'status',
  'lastDetected',
  'account',
  'accountId',
  'mac',
  'hardwareFamily',
  'deleted',
  'archived',
  'state',
] as const;
export type DeviceField = (typeof DEVICE_FIELDS)[number];
