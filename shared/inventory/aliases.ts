/** Header aliases (FORMATS.md §1): columns are found by name, never by position. */
import type { DeviceField } from '../model/device';

/** Accepted headers per field: English UI labels, Lens snake_case, Lens API camelCase, Swedish. */
export const FIELD_ALIASES: Readonly<Record<DeviceField, readonly string[]>> = {
  model: [
    'Device Model',
    'device_model',
    'hardwareModel',
    'Model',
    'Product',
    'Modell',
    'Enhetsmodell',
  ],
  serial: ['Serial Number', 'serial_number', 'serialNumber', 'Serial', 'Serienummer'],
  deviceId: ['Device ID', 'lens_device_id', 'Lens Device ID', 'id'],
  name: ['Device Name', 'name', 'displayName', 'Enhetsnamn'],
  site: ['Site', 'site_name', 'site.name', 'Plats'],
  room: ['Room', 'room_name', 'room.name', 'Rum'],
  softwareVersion: ['Software Version', 'softwareVersion', 'Firmware', 'Programvaruversion'],
  status: ['Status', 'connected'],
  lastDetected: ['Last Detected', 'lastDetected', 'Senast upptäckt'],
  account: ['Account', 'tenant', 'Konto'],
  accountId: ['Account ID', 'tenantId'],
  mac: ['MAC Address', 'mac_address', 'macAddress'],
  hardwareFamily: ['Hardware Family', 'hardwareFamily'],
  deleted: ['Deleted', 'isDeleted', 'Borttagen'],
  archived: ['Archived', 'isArchived', 'Arkiverad'],
  state: ['State', 'Device State', 'Lifecycle State', 'Tillstånd'],
};

/** Header text as compared: case, spaces, `_`, `-` and `.` ignored. */
export function headerKey(header: string): string {
  return header
    .normalize('NFC')
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[\s_\-.\u00a0]+/g, '');
}

const FIELD_BY_KEY = new Map<string, DeviceField>(
  Object.entries(FIELD_ALIASES).flatMap(([field, aliases]) =>
    aliases.map((alias) => [headerKey(alias), field as DeviceField] as const),
  ),
);

/** The field a header names, or null for a column that is kept but not interpreted. */
export function fieldForHeader(header: string): DeviceField | null {
  return FIELD_BY_KEY.get(headerKey(header)) ?? null;
}

export type HeaderMapping = Partial<Record<DeviceField, number>>;

export interface HeaderAnalysis {
  mapping: HeaderMapping;
  /** Headers that name a field already mapped by an earlier column. */
  duplicates: { field: DeviceField; column: number }[];
  /** What a usable inventory lacks: the model column, or both serial and device-ID columns. */
  missing: ('model' | 'serial or device ID')[];
}

/** Maps a header row to fields; the first column naming a field wins. */
export function analyseHeaders(headers: readonly string[]): HeaderAnalysis {
  const mapping: HeaderMapping = {};
  const duplicates: HeaderAnalysis['duplicates'] = [];
  headers.forEach((header, column) => {
    const field = fieldForHeader(header);
    if (field === null) return;
    if (mapping[field] === undefined) mapping[field] = column;
    else duplicates.push({ field, column });
  });
  return { mapping, duplicates, missing: missingFields(mapping) };
}

/** What a mapping lacks to be usable: the model column, or both serial and device-ID columns. */
export function missingFields(mapping: HeaderMapping): HeaderAnalysis['missing'] {
  const missing: HeaderAnalysis['missing'] = [];
  if (mapping.model === undefined) missing.push('model');
  if (mapping.serial === undefined && mapping.deviceId === undefined)
    missing.push('serial or device ID');
  return missing;
}
