/** A device as the older versions' rows held it, for the migration tests. */
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
