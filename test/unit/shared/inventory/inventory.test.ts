import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../../../shared/catalog';
import {
  analyseHeaders,
  countDevices,
  classifyDevices,
  compareVersions,
  dedupeDevices,
  deviceIdentity,
  displayIdentity,
  summarizeInventory,
} from '../../../../shared/inventory';
import type { Device } from '../../../../shared/model/device';

function device(fields: Partial<Device>): Device {
  const base: Device = {
    id: '',
    serial: '',
    deviceId: '',
    model: 'Poly Studio X50',
    name: '',
    site: 'HQ',
    room: '',
    softwareVersion: '1.0',
    online: true,
    lastDetected: null,
    account: 'Contoso AB',
    accountId: '',
    mac: '',
    hardwareFamily: '',
  };
  const merged = { ...base, ...fields };
  return { ...merged, id: deviceIdentity(merged.serial, merged.deviceId) ?? '' };
}

describe('header aliases', () => {
  it.each([
    [['Device Model', 'Serial Number'], { model: 0, serial: 1 }],
    [['device_model', 'serial_number', 'lens_device_id'], { model: 0, serial: 1, deviceId: 2 }],
    [
      ['hardwareModel', 'serialNumber', 'site.name', 'connected'],
      { model: 0, serial: 1, site: 2, status: 3 },
    ],
    [
      ['Enhetsmodell', 'Serienummer', 'Plats', 'Senast upptäckt'],
      { model: 0, serial: 1, site: 2, lastDetected: 3 },
    ],
    [['\uFEFFDEVICE-MODEL ', 'serial.number'], { model: 0, serial: 1 }],
  ])('maps %j', (headers, mapping) => {
    expect(analyseHeaders(headers).mapping).toEqual(mapping);
  });

  it('names what a file lacks', () => {
    expect(analyseHeaders(['Name', 'Site']).missing).toEqual(['model', 'serial or device ID']);
    expect(analyseHeaders(['Model', 'id']).missing).toEqual([]);
  });
});

describe('identity and duplicates (TERMS.md §2)', () => {
  it('identifies by trimmed upper-case serial, else the Lens device ID, else nothing', () => {
    expect(deviceIdentity(' 8l10ab ', 'x')).toBe('8L10AB');
    expect(deviceIdentity('  ', '00e0db000001')).toBe('id:00e0db000001');
    expect(displayIdentity('id:00e0db000001')).toBe('00e0db000001');
    expect(deviceIdentity('', ' ')).toBeNull();
  });

  it('keeps the row with the latest Last Detected and reports both rows', () => {
    const rows = [
      {
        row: 2,
        device: device({ serial: 'A1', lastDetected: '2026-07-01T00:00:00Z', site: 'old' }),
      },
      { row: 3, device: device({ serial: 'B2' }) },
      {
        row: 4,
        device: device({ serial: 'a1 ', lastDetected: '2026-07-30T00:00:00Z', site: 'new' }),
      },
      { row: 5, device: device({ serial: 'A1', lastDetected: null, site: 'never' }) },
    ];
    const result = dedupeDevices(rows, displayIdentity);
    expect(result.devices.map((d) => d.device.site)).toEqual(['HQ', 'new']);
    expect(result.duplicates).toEqual([{ id: 'A1', rows: [2, 4, 5], keptRow: 4 }]);
  });
});

describe('counting', () => {
  const catalog = shippedCatalog();
  const devices = [
    device({ serial: '1', model: 'Poly Studio X50', softwareVersion: '4.2.0' }),
    device({ serial: '2', model: 'Poly Studio X50', softwareVersion: '4.10.1', site: 'Malmö' }),
    device({ serial: '3', model: 'Poly Voyager Focus 2 UC', online: false }),
    device({ serial: '4', model: 'Polycom VVX 310' }),
    device({ serial: '5', model: 'Lens Desktop', online: null }),
    device({ serial: '6', model: 'Poly Mystery 9' }),
    device({ serial: '7', model: 'Poly Mystery 9' }),
    device({ serial: '8', model: 'Polycom RMX 2000' }),
  ];

  it('counts per category and excluded class', () => {
    const counts = countDevices(devices, classifyDevices(devices, catalog, '2026-07-31'));
    expect(counts).toEqual({
      counts: { headsets: 1, video: 2, voice: 0 },
      excluded: { eol: 1, quote: 1, software: 1, unknown: 2, deleted: 0, archived: 0, stale: 0 },
      unknownModels: [{ model: 'Poly Mystery 9', devices: 2 }],
    });
  });

  it('summarises sites, models and firmware compliance', () => {
    const summary = summarizeInventory(devices, catalog, '2026-07-31');
    expect(summary.firmware.video).toEqual({ onNewest: 1, total: 2 });
    expect(summary.models.find((m) => m.model === 'Poly Studio X50')?.newestVersion).toBe('4.10.1');
    expect(summary.sites.map((s) => [s.site, s.counts.video])).toEqual([
      ['HQ', 1],
      ['Malmö', 1],
    ]);
    expect([summary.online, summary.offline, summary.statusUnknown]).toEqual([6, 1, 1]);
  });

  it('compares versions numerically', () => {
    expect(compareVersions('4.10.1', '4.2.0')).toBe(1);
    expect(compareVersions('1.0', '1.0')).toBe(0);
  });
});
