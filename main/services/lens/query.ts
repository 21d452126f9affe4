/**
 * The part of the Poly Lens GraphQL API the connector uses (FORMATS.md §4): the token endpoint, one
 * tenant's devices page by page, and the query-cost budget. Nothing else of the API is assumed.
 */

/** Devices per page: Lens allows 1 to 5,000; FORMATS.md §4 asks for 1,000. */
export const LENS_PAGE_SIZE = 1000;

/**
 * The devices query, with only the fields the import reads. `withMark` asks for Lens's deleted mark
 * too (FORMATS.md §4); an API that does not know the field refuses the whole query, and the pull asks
 * again without it.
 */
export function devicesQuery(withMark: boolean): string {
  return `query Devices($tenantId: String!, $params: DeviceFindArgs) {
  tenant(id: $tenantId) {
    id
    name
    inventory {
      deviceSearch(params: $params) {
        edges { node { id name displayName serialNumber macAddress hardwareModel hardwareFamily
          softwareVersion connected lastDetected tenantId site { id name } room { id name }${withMark ? ' deleted' : ''} } }
        pageInfo { totalCount countOnPage nextToken hasNextPage }
      }
    }
  }
  calculateQueryCost { costRemaining secondsToReset }
}`;
}

/** One device as Lens answers it; every field may be null. */
export interface LensNode {
  id: string | null;
  name: string | null;
  displayName: string | null;
  serialNumber: string | null;
  macAddress: string | null;
  hardwareModel: string | null;
  hardwareFamily: string | null;
  softwareVersion: string | null;
  connected: boolean | null;
  lastDetected: string | null;
  tenantId: string | null;
  site: { id: string | null; name: string | null } | null;
  room: { id: string | null; name: string | null } | null;
  /** Lens's deleted mark; null where the API does not give it. */
  deleted: boolean | null;
}

export interface LensPageInfo {
  totalCount: number;
  countOnPage: number;
  nextToken: string | null;
  hasNextPage: boolean;
}

export interface LensTenant {
  id: string;
  name: string;
}
