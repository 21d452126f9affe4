// The schema (zod) is imported from './schema' by what validates; reading files needs only the types.
export * from './catalog';
export * from './classes';
export * from './eol-register';
export type { CatalogEntry } from './schema';
export * from './eol-lines';
