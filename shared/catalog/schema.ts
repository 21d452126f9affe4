/** The product catalog's shape: shipped entries (catalog.json) and the user's overrides share it. */
import { z } from 'zod';
import { CURRENCY_CODES } from '../terms/money';
import { isCalendarDate } from '../terms/dates';
import { CATALOG_CLASSES } from './classes';

const calendarDate = z.string().refine(isCalendarDate, 'expected a date YYYY-MM-DD');

export const catalogEntrySchema = z.object({
  /** Model name pattern: words matched from the start of the model; a trailing * matches a word prefix. */
  pattern: z.string().trim().min(1).max(120),
  /** `exact`: the whole model must equal the pattern; `prefix` (default): the model starts with it. */
  match: z.enum(['prefix', 'exact']).optional(),
  class: z.enum(CATALOG_CLASSES),
  endOfSale: calendarDate.optional(),
  endOfService: calendarDate.optional(),
  listPrice: z
    .object({
      currency: z.enum(CURRENCY_CODES as [string, ...string[]]),
      amount: z.string().regex(/^\d+(\.\d+)?$/),
    })
    .optional(),
  verified: z.boolean(),
  source: z.string().max(500),
});

export type CatalogEntry = z.infer<typeof catalogEntrySchema>;

export const catalogFileSchema = z.object({
  version: z.literal(1),
  entries: z.array(catalogEntrySchema),
});
