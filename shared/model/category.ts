/** The Poly+ product categories a contract can choose (TERMS.md §1). */
export const CATEGORIES = ['headsets', 'video', 'voice'] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * Devices counted in no category, each listed separately in every view and report: by their model
 * (end of life, quote-required, software, unknown), or by what Lens says of the device itself
 * (deleted or archived), or by when Lens last saw it (stale under the contract's staleDays rule,
 * TERMS.md §12).
 */
export const EXCLUDED_CLASSES = [
  'eol',
  'quote',
  'software',
  'unknown',
  'deleted',
  'archived',
  'stale',
] as const;
export type ExcludedClass = (typeof EXCLUDED_CLASSES)[number];

/** What a device is on a given as-of date: a category, or the reason it is excluded. */
export type DeviceClass = Category | ExcludedClass;

export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

export function isExcludedClass(value: string): value is ExcludedClass {
  return (EXCLUDED_CLASSES as readonly string[]).includes(value);
}

export type CategoryRecord<T> = Record<Category, T>;
export type ExcludedRecord<T> = Record<ExcludedClass, T>;

export function perCategory<T>(make: (category: Category) => T): CategoryRecord<T> {
  return { headsets: make('headsets'), video: make('video'), voice: make('voice') };
}

export function perExcludedClass<T>(make: (cls: ExcludedClass) => T): ExcludedRecord<T> {
  return {
    eol: make('eol'),
    quote: make('quote'),
    software: make('software'),
    unknown: make('unknown'),
    deleted: make('deleted'),
    archived: make('archived'),
    stale: make('stale'),
  };
}
