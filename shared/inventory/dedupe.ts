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

/** A later Last Detected wins; a known one beats none; on a tie the later row wins. */
function isNewer(candidate: RowDevice, current: RowDevice): boolean {
  const a = candidate.device.lastDetected;
  const b = current.device.lastDetected;
  if (a === b) return candidate.row > current.row;
  if (a === null) return false;
  if (b === null) return true;
  return (
    Date.parse(a) > Date.parse(b) ||
    (Date.parse(a) === Date.parse(b) && candidate.row > current.row)
  );
}

export function dedupeDevices(
  rows: readonly RowDevice[],
  display: (id: string) => string,
): DedupeResult {
  const kept = new Map<string, RowDevice>();
  const seenRows = new Map<string, number[]>();
  for (const row of rows) {
    const id = row.device.id;
    const current = kept.get(id);
    if (!current) {
      kept.set(id, row);
      seenRows.set(id, [row.row]);
      continue;
    }
    seenRows.get(id)?.push(row.row);
    if (isNewer(row, current)) kept.set(id, row);
  }
  const duplicates: Duplicate[] = [];
  for (const [id, rowNumbers] of seenRows) {
    if (rowNumbers.length > 1)
      duplicates.push({ id: display(id), rows: rowNumbers, keptRow: kept.get(id)?.row ?? 0 });
  }
  return { devices: [...kept.values()].sort((a, b) => a.row - b.row), duplicates };
}
