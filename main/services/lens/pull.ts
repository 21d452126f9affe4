/**
 * A Lens pull on its way into the import: the connection's tenant pulled (progress, cancel), then
 * written as a Lens API-dialect CSV, which the import reads exactly as it reads an exported file.
 */
import type { ImportSource } from '../../../shared/lens';
import { IMPORT_LIMITS } from '../inventory/parse';
import type { LensAccess, PullOptions } from './connector';
import { pullTenantInto } from './tenant-pull';
import { LensCsvLines, pullFileName } from './csv';

export interface PulledFile {
  fileName: string;
  bytes: Uint8Array;
  source: ImportSource;
  devices: number;
}

export async function pullAsFile(
  access: LensAccess,
  tenantId: string,
  options: PullOptions = {},
): Promise<PulledFile> {
  const lines = new LensCsvLines();
  const pull = await pullTenantInto(access, tenantId, lines, {
    maxDevices: IMPORT_LIMITS.rows,
    ...options,
  });
  return {
    fileName: pullFileName(pull),
    bytes: lines.bytes(),
    source: {
      kind: 'lens-api',
      tenantId: pull.tenant.id,
      tenant: pull.tenant.name,
      pulledAt: pull.pulledAt,
    },
    devices: pull.count,
  };
}
