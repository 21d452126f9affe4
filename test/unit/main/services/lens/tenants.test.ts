import { afterEach, describe, expect, it } from 'vitest';
import { listTenants } from '../../../../../main/services/lens/tenants';
import { startFakeLens, type FakeLens } from '../../../../support/fake-lens';

let lens: FakeLens | null = null;
afterEach(() => lens?.close());

const accessOf = (fake: FakeLens) => ({
  tokenUrl: fake.tokenUrl,
  apiUrl: fake.apiUrl,
  clientId: fake.clientId,
  clientSecret: fake.clientSecret,
});

const tenants = [
  { id: 't-eu', name: 'Nordbank AB', region: 'EU-1', devices: [] },
  { id: 't-us', name: 'Contoso Inc', region: 'US-1', devices: [] },
  { id: 't-x', name: 'Kvarnen & Co', devices: [] },
];

describe('tenants a Lens credential reaches', () => {
  it('lists each with its region, by name', async () => {
    lens = await startFakeLens({ tenants });
    expect(await listTenants(accessOf(lens))).toEqual([
      { id: 't-us', name: 'Contoso Inc', region: 'US-1' },
      { id: 't-x', name: 'Kvarnen & Co', region: '' },
      { id: 't-eu', name: 'Nordbank AB', region: 'EU-1' },
    ]);
  });

  it('says so when the credential may not list them, with Lens’s message', async () => {
    lens = await startFakeLens({ tenants, cannotList: true });
    await expect(listTenants(accessOf(lens))).rejects.toThrow(
      'listing the tenants: Lens answered with an error: "Forbidden: tenants"',
    );
  });
});
