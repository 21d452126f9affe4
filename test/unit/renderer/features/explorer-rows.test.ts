import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../../../shared/catalog';
import type { Device } from '../../../../shared/model/device';
import {
  deviceListSegment,
  deviceListTarget,
  explorerFilters,
  explorerRows,
  matchesFilters,
} from '../../../../renderer/features/customers/explorer-rows';

const device = (serial: string, model: string, site: string, online: boolean | null): Device => ({
  id: serial,
  serial,
  deviceId: `id-${serial}`,
  model,
  name: `Room ${serial}`,
  site,
  room: '',
  softwareVersion: '1.0',
  online,
  lastDetected: null,
  account: '',
  accountId: '',
  mac: '',
  hardwareFamily: '',
});

const rows = explorerRows(
  [
    device('AB1', 'Poly Studio X50', 'Malmö', true),
    device('CD2', 'Polycom VVX 310', 'Lund', false),
    device('EF3', 'Poly Studio X50', 'Lund', null),
  ],
  shippedCatalog(),
  '2026-11-01',
);
const serials = (filters: ReturnType<typeof explorerFilters>) =>
  rows.filter((r) => !filters || matchesFilters(r, filters)).map((r) => r.device.serial);
const none = { cls: null, site: null, model: null, online: null };

describe('device explorer filters', () => {
  it('filters nothing when nothing is set', () => {
    expect(explorerFilters('  ', none)).toBeUndefined();
  });

  it('searches serial, name and model, ignoring case and surrounding spaces', () => {
    expect(serials(explorerFilters(' ab1 ', none))).toEqual(['AB1']);
    expect(serials(explorerFilters('studio x50', none))).toEqual(['AB1', 'EF3']);
    expect(serials(explorerFilters('ROOM CD2', none))).toEqual(['CD2']);
  });

  it('filters by class on the as-of date, site, model and online state, together', () => {
    expect(serials(explorerFilters('', { ...none, cls: 'eol' }))).toEqual(['CD2']);
    expect(
      serials(explorerFilters('', { ...none, site: 'Lund', model: 'Poly Studio X50' })),
    ).toEqual(['EF3']);
    expect(serials(explorerFilters('', { ...none, online: 'unknown' }))).toEqual(['EF3']);
    expect(serials(explorerFilters('x50', { ...none, online: 'yes' }))).toEqual(['AB1']);
  });
});

describe('the stale filter (TERMS.md §12)', () => {
  it('filters to the devices stale under the rule the inventory was counted with', () => {
    const seen = {
      ...device('GH4', 'Poly Studio X50', 'Lund', true),
      lastDetected: '2026-10-02T08:00:00Z',
    };
    const gone = {
      ...device('IJ5', 'Poly Studio X50', 'Lund', false),
      lastDetected: '2026-09-30T08:00:00Z',
    };
    const ruled = explorerRows([seen, gone], shippedCatalog(), '2026-11-01', 30);
    const stale = explorerFilters('', { ...none, cls: 'stale' });
    expect(
      ruled.filter((r) => stale && matchesFilters(r, stale)).map((r) => r.device.serial),
    ).toEqual(['IJ5']);
    expect(explorerRows([gone], shippedCatalog(), '2026-11-01').map((r) => r.cls)).toEqual([
      'video',
    ]);
  });

  it('is what the "Not counted" panel’s link opens; any other segment is a search', () => {
    expect(deviceListTarget(deviceListSegment('stale'))).toEqual({ cls: 'stale', query: '' });
    expect(deviceListTarget('8L1000')).toEqual({ cls: null, query: '8L1000' });
    expect(deviceListTarget('class:nonsense')).toEqual({ cls: null, query: 'class:nonsense' });
  });
});
