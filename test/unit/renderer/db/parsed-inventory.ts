/** A parse as main's worker answers it, for the import tests: a CSV with the devices given. */
import { shippedCatalog } from '../../../../shared/catalog';
import { accountsOf, summarizeInventory, type ParsedInventory } from '../../../../shared/inventory';
import type { Device } from '../../../../shared/model/device';

export function parsedInventory(
  devices: Device[],
  asOf: string,
  file: { name: string; contentHash: string; rejected?: ParsedInventory['rejected'] },
): ParsedInventory {
  return {
    file: file.name,
    format: 'csv',
    encoding: 'utf-8',
    delimiter: ',',
    sheet: null,
    headerRow: 1,
    headers: ['Model', 'Serial', 'Account'],
    mapping: { model: 0, serial: 1, account: 2 },
    dateOrder: 'dmy',
    asOf,
    isAsOfGiven: true,
    rows: devices.length,
    devices,
    duplicates: [],
    rejected: file.rejected ?? [],
    summary: summarizeInventory(devices, shippedCatalog(), asOf),
    accounts: accountsOf(devices),
    contentHash: file.contentHash,
  };
}
