/**
 * Model name → class. Matching ignores case, spacing, punctuation and the brand prefixes Poly, Polycom,
 * Plantronics and HP; the longest matching pattern wins, and any matching user override beats the
 * shipped catalog. Whether a model is end-of-life depends on its end-of-service date and the as-of date.
 */
import type { DeviceClass } from '../model/category';
import type { CalendarDate } from '../terms/dates';
import shipped from './catalog.json';
import { isPastEndOfLife, mergeDates, type EolRecord, type ModelDates } from './eol-register';
import type { CatalogEntry } from './schema';

const BRANDS = new Set(['poly', 'polycom', 'plantronics', 'hp']);

/** Model text as comparable words: "HP Poly Studio X50-M" → ["studio", "x", "50", "m"]. */
export function modelWords(model: string): string[] {
  const words = model
    .normalize('NFKC')
    .toLowerCase()
    .replace(/([a-z])(\d)/g, '$1 $2')
    .replace(/(\d)([a-z])/g, '$1 $2')
    .split(/[^a-z0-9*åäöæøü]+/)
    .filter(Boolean);
  while (words.length > 1 && BRANDS.has(words[0] ?? '')) words.shift();
  return words;
}

/** A model or pattern as its words run together, with the offsets where one word ends and the next begins. */
interface Joined {
  text: string;
  boundaries: Set<number>;
}

function joinWords(words: readonly string[]): Joined {
  const boundaries = new Set<number>();
  let text = '';
  for (const word of words) {
    text += word;
    boundaries.add(text.length);
  }
  return { text, boundaries };
}

/** What a pattern is matched by: a catalog entry's pattern, or a register line's model. */
interface Pattern {
  pattern: string;
  match?: 'prefix' | 'exact';
}

interface CompiledEntry<T extends Pattern = CatalogEntry> {
  entry: T;
  text: string;
  /** The pattern ended with *: its last word may be the start of a longer word. */
  isWordPrefix: boolean;
  weight: number;
}

function compile<T extends Pattern>(entry: T): CompiledEntry<T> {
  const isWordPrefix = entry.pattern.trim().endsWith('*');
  const { text } = joinWords(modelWords(entry.pattern.replace(/\*\s*$/, '')));
  return { entry, text, isWordPrefix, weight: text.length * 2 - (isWordPrefix ? 1 : 0) };
}

/**
 * The pattern matches when the model starts with it and it ends where a model word ends, so spacing
 * does not matter ("StudioX50" = "Studio X50") but "VVX 150" never matches "VVX 1500".
 */
function matches(compiled: CompiledEntry<Pattern>, model: Joined): boolean {
  const { text, isWordPrefix, entry } = compiled;
  if (text.length === 0 || !model.text.startsWith(text)) return false;
  if (entry.match === 'exact') return text.length === model.text.length;
  return isWordPrefix || model.boundaries.has(text.length);
}

function longestMatch<T extends Pattern>(
  entries: readonly CompiledEntry<T>[],
  model: Joined,
): T | null {
  let best: CompiledEntry<T> | null = null;
  for (const candidate of entries) {
    if ((best === null || candidate.weight > best.weight) && matches(candidate, model))
      best = candidate;
  }
  return best?.entry ?? null;
}

export interface Catalog {
  /** The entry a model matches, or null for an unknown model. */
  lookup(model: string): CatalogEntry | null;
  /** The model's lifecycle dates: the EOL register's where it has the model, else the catalog's. */
  datesOf(model: string): ModelDates | null;
  /** The model's class on the as-of date: its category, eol, quote, software or unknown. */
  classify(model: string, asOf: CalendarDate): DeviceClass;
  readonly entries: readonly CatalogEntry[];
}

/** A model's catalog entry and lifecycle dates, found once per model text. */
interface Found {
  entry: CatalogEntry | null;
  dates: ModelDates | null;
}

/**
 * A catalog from shipped entries, the user's overrides (which win) and the partner's EOL register
 * (whose dates win over both, TERMS.md §12). Lookups are memoised.
 */
export function createCatalog(
  entries: readonly CatalogEntry[],
  overrides: readonly CatalogEntry[] = [],
  register: readonly EolRecord[] = [],
): Catalog {
  const compiledOverrides = overrides.map(compile);
  const compiledEntries = entries.map(compile);
  const compiledRegister = register.map((record) => compile({ ...record, pattern: record.model }));
  const memo = new Map<string, Found>();
  const find = (model: string): Found => {
    let found = memo.get(model);
    if (found === undefined) {
      const joined = joinWords(modelWords(model));
      const entry =
        longestMatch(compiledOverrides, joined) ?? longestMatch(compiledEntries, joined);
      const line = compiledRegister.length > 0 ? longestMatch(compiledRegister, joined) : null;
      const dates = mergeDates(line, entry);
      found = { entry, dates };
      memo.set(model, found);
    }
    return found;
  };
  return {
    entries,
    lookup: (model) => find(model).entry,
    datesOf: (model) => find(model).dates,
    classify(model, asOf) {
      const { entry, dates } = find(model);
      if (!entry) return 'unknown';
      if (entry.class === 'eol' || (dates && isPastEndOfLife(dates, asOf))) return 'eol';
      return entry.class;
    },
  };
}

/**
 * The catalog shipped with the app. Its shape is checked by the tests against catalogFileSchema, not
 * at every start (which would load the schema library into every process that reads a file).
 */
export const SHIPPED_CATALOG_ENTRIES = shipped.entries as readonly CatalogEntry[];

export function shippedCatalog(
  overrides: readonly CatalogEntry[] = [],
  register: readonly EolRecord[] = [],
): Catalog {
  return createCatalog(SHIPPED_CATALOG_ENTRIES, overrides, register);
}
