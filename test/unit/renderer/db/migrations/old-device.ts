/** A device and a snapshot as the older versions' rows held them, for the migration tests. */
import type { Device } from '../../../../../shared/model/device';

export const oldDevice = (serial: string): Device => ({
  id: serial,
  serial,
  deviceId: '',
  model: 'Poly CCX 400',
  name: '',
  site: 'HQ',
  room: '',
  softwareVersion: '1',
  online: true,
  lastDetected: '2026-07-30T10:00:00Z',
  account: 'Contoso AB',
  accountId: '',
  mac: '',
  hardwareFamily: '',
});

export const oldSnapshot = (customerId: string, asOf: string, deviceList?: string) => ({
  id: `${customerId}:${asOf}`,
  customerId,
  importId: null,
  asOf,
  month: asOf.slice(0, 7),
  summary: { counts: { headsets: 0, video: 0, voice: 2 } },
  added: 0,
  removed: 0,
  ...(deviceList ? { deviceList } : {}),
});
