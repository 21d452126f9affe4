/** One device per identity: the row with the latest Last Detected wins (TERMS.md §2). */
import type { Device } from '../model/device';

export interface RowDevice {
  /** The row's number as a spreadsheet shows it. */
  row: number;
  device: Device;
}

export interface Duplicate {
  /** The identity as shown: serial or device ID. */
  id: string;
  /** Row numbers of every row with this identity, in file order. */
  rows: number[];
  /** The row kept. */
  keptRow: number;
}

export interface DedupeResult {
  devices: RowDevice[];
  duplicates: Duplicate[];
}

/**
 * A later Last Detected wins; a known one beats none; on a tie the later row wins. Instants are UTC in
 * one form ('…T08:21:07Z', milliseconds only where the file had them), so they compare as text, except
 * where one has milliseconds and the other not.
 */
function isNewer(candidate: RowDevice, current: RowDevice): boolean {
  const a = candidate.device.lastDetected;
  const b = current.device.lastDetected;
  if (a === b) return candidate.row > current.row;
  if (a === null) return false;
  if (b === null) return true;
  if (a.length !== b.length) {
    const diff = Date.parse(a) - Date.parse(b);
    return diff > 0 || (diff === 0 && candidate.row > current.row);
  }
  return a > b;
}

export function dedupeDevices(
  rows: readonly RowDevice[],
  display: (id: string) => string,
): DedupeResult {
  const kept = new Map<string, RowDevice>();
  // Rows of the identities seen twice or more only: most files have few or none.
  const repeated = new Map<string, number[]>();
  let isReordered = false;
  for (const row of rows) {
    const id = row.device.id;
    const current = kept.get(id);
    if (!current) {
      kept.set(id, row);
      continue;
    }
    const seen = repeated.get(id);
    if (seen) seen.push(row.row);
    else repeated.set(id, [current.row, row.row]);
    if (isNewer(row, current)) {
      // The later row takes the earlier one's place: Map order no longer is row order.
      kept.delete(id);
      kept.set(id, row);
      isReordered = true;
    }
  }
  const duplicates: Duplicate[] = [];
  for (const [id, rowNumbers] of repeated)
    duplicates.push({ id: display(id), rows: rowNumbers, keptRow: kept.get(id)?.row ?? 0 });
  const devices = [...kept.values()];
  return { devices: isReordered ? devices.sort((a, b) => a.row - b.row) : devices, duplicates };
}
