/**
 * A pull as a Lens API-dialect CSV (FORMATS.md §1 and §4): the file `csm lens-pull --out` writes and the
 * bytes the app's import reads, so a pulled inventory goes through the same parse, preview, content
 * hash and storage as an exported one. Rows are in device-ID order: pulling an unchanged tenant again
 * gives the same bytes, and the import recognises them.
 */
import { csvFile } from '../../../shared/csv';
import { safeFileName } from '../../../shared/files';
import type { LensPull } from './tenant-pull';

const HEADERS = [
  'id',
  'serialNumber',
  'hardwareModel',
  'hardwareFamily',
  'displayName',
  'softwareVersion',
  'connected',
  'lastDetected',
  'macAddress',
  'tenantId',
  'tenant',
  'site.name',
  'room.name',
];

/**
 * The pull as CSV; a `deleted` column only where Lens gave the mark (so a tenant whose API has none
 * gives the same bytes as before marks were read).
 */
export function lensCsv(pull: Pick<LensPull, 'tenant' | 'devices'>): Uint8Array {
  const marked = pull.devices.some((d) => d.deleted !== null);
  const rows = pull.devices.map((d) => [
    d.id ?? '',
    d.serialNumber ?? '',
    d.hardwareModel ?? '',
    d.hardwareFamily ?? '',
    d.displayName || d.name || '',
    d.softwareVersion ?? '',
    d.connected === null ? '' : String(d.connected),
    d.lastDetected ?? '',
    d.macAddress ?? '',
    d.tenantId || pull.tenant.id,
    pull.tenant.name,
    d.site?.name ?? '',
    d.room?.name ?? '',
    ...(marked ? [d.deleted === null ? '' : String(d.deleted)] : []),
  ]);
  rows.sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
  return csvFile([marked ? [...HEADERS, 'deleted'] : HEADERS, ...rows]);
}

/** The name a pull's import carries: the tenant, made safe as any name from outside text is. */
export function pullFileName(pull: Pick<LensPull, 'tenant'>): string {
  return safeFileName(`Lens API – ${pull.tenant.name || pull.tenant.id}`);
}
