import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../../../shared/catalog';
import type { Device } from '../../../../shared/model/device';
import {
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
