/**
 * One inventory row → a device, or the reason it cannot be used (FORMATS.md §1, TERMS.md §2). Text is
 * NFC-normalised; identities lose invisible characters (zero-width, bidi controls) so a pasted serial
 * matches the real one; control characters in an identity or model reject the row.
 */
import type { Device, DeviceField } from '../model/device';
import { deviceIdentity } from './identity';
import type { HeaderMapping } from './aliases';
import { excelDateInstant, parseLastDetected, type DateOrder } from './dates';

/** A cell as read: text, or an Excel date. */
export type CellValue = string | Date | null;

export interface Rejection {
  row: number;
  reason: string;
}

const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;
const CONTROL_ALL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

const ONLINE = new Set(['online', 'true', 'ansluten', 'connected', 'yes', 'ja', '1']);
const OFFLINE = new Set([
  'offline',
  'false',
  'frånkopplad',
  'frankopplad',
  'disconnected',
  'no',
  'nej',
  '0',
]);

export function parseStatus(text: string): boolean | null | 'invalid' {
  const value = text.trim().toLowerCase();
  if (!value) return null;
  if (ONLINE.has(value)) return true;
  if (OFFLINE.has(value)) return false;
  return 'invalid';
}

function text(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString();
  return cell.normalize('NFC');
}

export interface NormaliseContext {
  mapping: HeaderMapping;
  dateOrder: DateOrder;
}

export type NormalisedRow = { device: Device } | { rejection: string };

/** Normalises one row; `row` is its number as a spreadsheet shows it. */
export function normaliseRow(
  cells: readonly CellValue[],
  { mapping, dateOrder }: NormaliseContext,
): NormalisedRow {
  const field = (name: DeviceField) => {
    const column = mapping[name];
    return column === undefined ? '' : text(cells[column]);
  };
  const clean = (value: string) => value.replace(CONTROL_ALL, '').trim();
  const model = field('model').replace(INVISIBLE, '').trim();
  if (!model) return { rejection: 'no model' };
  if (CONTROL.test(model)) return { rejection: 'the model contains control characters' };
  const serial = field('serial').replace(INVISIBLE, '');
  const deviceId = field('deviceId').replace(INVISIBLE, '');
  if (CONTROL.test(serial) || CONTROL.test(deviceId))
    return { rejection: 'the serial number or device ID contains control characters' };
  const id = deviceIdentity(serial, deviceId);
  if (id === null) return { rejection: 'no serial number or device ID' };

  const rawStatus = field('status');
  const online = parseStatus(rawStatus);
  if (online === 'invalid')
    return {
      rejection: `status ${JSON.stringify(rawStatus.trim())} is not Online/Offline, true/false or Ansluten/Frånkopplad`,
    };

  const detectedColumn = mapping.lastDetected;
  const detectedCell = detectedColumn === undefined ? null : cells[detectedColumn];
  let lastDetected: string | null = null;
  if (detectedCell instanceof Date) lastDetected = excelDateInstant(detectedCell);
  else if (detectedCell && detectedCell.trim()) {
    lastDetected = parseLastDetected(detectedCell, dateOrder);
    if (lastDetected === null)
      return { rejection: `Last Detected ${JSON.stringify(detectedCell.trim())} is not a date` };
  }

  const room = clean(field('room'));
  return {
    device: {
      id,
      serial: serial.trim(),
      deviceId: deviceId.trim(),
      model,
      name: clean(field('name')),
      site: clean(field('site')),
      room: room === '-' ? '' : room,
      softwareVersion: clean(field('softwareVersion')),
      online,
      lastDetected,
      account: clean(field('account')),
      accountId: clean(field('accountId')),
      mac: clean(field('mac')),
      hardwareFamily: clean(field('hardwareFamily')),
    },
  };
}
