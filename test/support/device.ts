/** A device as a Lens import gives it, for tests: a Poly Studio X50 (video) of Contoso AB, at HQ. */
import type { Device } from '../../shared/model/device';

export function videoDevice(
  serial: string,
  lastDetected: string | null,
  overrides: Partial<Device> = {},
): Device {
  return {
    id: serial,
    serial,
    deviceId: '',
    model: 'Poly Studio X50',
    name: '',
    site: 'HQ',
    room: '',
    softwareVersion: '1',
    online: null,
    lastDetected,
    account: 'Contoso AB',
    accountId: '',
    mac: '',
    hardwareFamily: '',
    ...overrides,
  };
}
