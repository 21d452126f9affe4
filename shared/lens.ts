/**
 * Lens API connections as the renderer sees them (never a secret), what a connection is saved from,
 * and where a pulled import came from (FORMATS.md §4).
 */
import { z } from 'zod';
import { lensEndpointProblem } from './lens-endpoint';

export { allowsLoopback, lensEndpointProblem, LOOPBACK_SETTING } from './lens-endpoint';

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

/** Addresses as the form and the IPC check them (main refuses loopback unless its setting allows it). */
const endpoint = z
  .string()
  .max(500)
  .refine(
    (value) => lensEndpointProblem(value, true) === null,
    'an https:// address of Poly Lens (….lens.poly.com)',
  );

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

/** A credential to list tenants with: typed, or an existing connection's (its secret kept by main). */
export const lensCredentialsSchema = lensConnectionInputSchema
  .pick({ id: true, clientId: true, clientSecret: true, tokenUrl: true, apiUrl: true })
  .strict();
export type LensCredentials = z.infer<typeof lensCredentialsSchema>;

/** A tenant a credential reaches, as Lens lists it (FORMATS.md §4). */
export interface ListedLensTenant {
  id: string;
  name: string;
  /** Lens's data region (US-1, EU-1), or '' where Lens does not say. */
  region: string;
}

/** Where an import's devices came from, when not from a file. */
export interface ImportSource {
  kind: 'lens-api';
  tenantId: string;
  tenant: string;
  /** When the pull finished. */
  pulledAt: string;
}
