/**
 * Lens API connections as the renderer sees them (never a secret), what a connection is saved from,
 * and where a pulled import came from (FORMATS.md §4).
 */
import { z } from 'zod';

export const LENS_ENDPOINTS = {
  tokenUrl: 'https://login.lens.poly.com/oauth/token',
  apiUrl: 'https://api.silica-prod01.io.lens.poly.com/graphql',
} as const;

export interface LensTenantInfo {
  id: string;
  name: string;
  /** Devices Lens counted when the tenant was last reached. */
  devices: number;
}

export interface LensConnection {
  id: string;
  label: string;
  clientId: string;
  tokenUrl: string;
  apiUrl: string;
  tenants: LensTenantInfo[];
  createdAt: string;
}

const ENDPOINT = /^(https?):\/\/([a-z0-9.-]+|\[::1\])(:\d{1,5})?(\/[\x21-\x7e]*)?$/i;
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/i;

/** An endpoint: HTTPS, or plain HTTP to this machine only (a proxy or a test's fake Lens). */
export function isLensEndpoint(value: string): boolean {
  const [, scheme, host] = ENDPOINT.exec(value) ?? [];
  if (!scheme || !host) return false;
  return scheme.toLowerCase() === 'https' || LOOPBACK.test(host);
}

const endpoint = z
  .string()
  .max(500)
  .refine(isLensEndpoint, 'an https:// address (http:// only to this machine)');

export const lensConnectionInputSchema = z
  .object({
    id: z.string().uuid().optional(),
    label: z.string().trim().min(1).max(100),
    clientId: z.string().trim().min(1).max(200),
    /** Empty when an edit keeps the stored secret. */
    clientSecret: z.string().max(1000),
    tokenUrl: endpoint,
    apiUrl: endpoint,
    tenantIds: z
      .array(z.string().trim().min(1).max(200))
      .min(1)
      .max(500)
      .refine((ids) => new Set(ids).size === ids.length, 'each tenant once'),
  })
  .strict();

export type LensConnectionInput = z.infer<typeof lensConnectionInputSchema>;

/** Where an import's devices came from, when not from a file. */
export interface ImportSource {
  kind: 'lens-api';
  tenantId: string;
  tenant: string;
  /** When the pull finished. */
  pulledAt: string;
}
