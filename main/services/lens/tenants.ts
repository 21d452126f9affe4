/**
 * The tenants a Lens credential reaches, with their data region (FORMATS.md §4), so Settings can map
 * them to customers in one step. A credential that may not list them gets a LensError, and its
 * tenant IDs are typed by hand as before.
 */
import type { ListedLensTenant } from '../../../shared/lens';
import { LensClient, LensError, settingsOf, type LensAccess, type PullOptions } from './connector';

export const TENANTS_QUERY = 'query Tenants { tenants { id name region { id } } }';

const textOf = (value: unknown) => (typeof value === 'string' ? value : '');

/** Every tenant the credential reaches, by name. */
export async function listTenants(
  access: LensAccess,
  options: PullOptions = {},
): Promise<ListedLensTenant[]> {
  const client = new LensClient(access, settingsOf(options));
  const data = (await client.query(TENANTS_QUERY, {}, 'listing the tenants')) as {
    tenants?: unknown;
  };
  if (!Array.isArray(data.tenants))
    throw new LensError('listing the tenants: Lens answered no list; type the tenant IDs instead');
  return data.tenants
    .map((t: unknown) => {
      const tenant = (t ?? {}) as { id?: unknown; name?: unknown; region?: { id?: unknown } };
      return {
        id: textOf(tenant.id),
        name: textOf(tenant.name),
        region: textOf(tenant.region?.id),
      };
    })
    .filter((t) => t.id !== '')
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
