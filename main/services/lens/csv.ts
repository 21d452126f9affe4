/**
 * A pull as a Lens API-dialect CSV (FORMATS.md §1 and §4): the file `csm lens-pull --out` writes and the
 * bytes the app's import reads, so a pulled inventory goes through the same parse, preview, content
 * hash and storage as an exported one. Rows are in device-ID order: pulling an unchanged tenant again
 * gives the same bytes, and the import recognises them.
 */
import { csvFileOfLines, csvLine } from '../../../shared/csv';
import { safeFileName } from '../../../shared/files';
import type { LensNode, LensTenant } from './query';
import type { DeviceSink, LensPull } from './tenant-pull';

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
 * A pull's CSV built page by page (a `DeviceSink`): each device kept as its finished line, not as a
 * node, then sorted by device ID. A `deleted` column only where Lens gave the mark, so a tenant whose
 * API has none gives the same bytes as before marks were read.
 */
export class LensCsvLines implements DeviceSink {
  private ids: string[] = [];
  private lines: string[] = [];
  private marks: string[] = [];
  private marked = false;

  add(nodes: readonly LensNode[], tenant: LensTenant): void {
    for (const d of nodes) {
      this.ids.push(d.id ?? '');
      this.lines.push(csvLine(cellsOf(d, tenant), ','));
      this.marks.push(d.deleted === null ? '' : String(d.deleted));
      if (d.deleted !== null) this.marked = true;
    }
  }

  clear(): void {
    this.ids = [];
    this.lines = [];
    this.marks = [];
    this.marked = false;
  }

  /** The file, sorted by device ID. */
  bytes(): Uint8Array {
    const { ids, lines, marks, marked } = this;
    const order = ids.map((_, i) => i);
    order.sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
    const header = csvLine(marked ? [...HEADERS, 'deleted'] : HEADERS, ',');
    const body = order.map((i) => (marked ? `${lines[i]},${marks[i]}` : lines[i]!));
    return csvFileOfLines([header, ...body]);
  }
}

function cellsOf(d: LensNode, tenant: LensTenant): string[] {
  return [
    d.id ?? '',
    d.serialNumber ?? '',
    d.hardwareModel ?? '',
    d.hardwareFamily ?? '',
    d.displayName || d.name || '',
    d.softwareVersion ?? '',
    d.connected === null ? '' : String(d.connected),
    d.lastDetected ?? '',
    d.macAddress ?? '',
    d.tenantId || tenant.id,
    tenant.name,
    d.site?.name ?? '',
    d.room?.name ?? '',
  ];
}

/** A pull already held as nodes, as CSV. */
export function lensCsv(pull: Pick<LensPull, 'tenant' | 'devices'>): Uint8Array {
  const lines = new LensCsvLines();
  lines.add(pull.devices, pull.tenant);
  return lines.bytes();
}

/** The name a pull's import carries: the tenant, made safe as any name from outside text is. */
export function pullFileName(pull: Pick<LensPull, 'tenant'>): string {
  return safeFileName(`Lens API – ${pull.tenant.name || pull.tenant.id}`);
}
