/** The classes a catalog entry puts a model in; zod-free so that importing a file never loads a schema. */
export const CATALOG_CLASSES = ['headsets', 'video', 'voice', 'eol', 'quote', 'software'] as const;
export type CatalogClass = (typeof CATALOG_CLASSES)[number];
