/** The field shapes every row schema is built of: text, IDs, dates, counts, money, categories. */
import { z } from 'zod';
import { CATEGORIES } from './category';
import { CURRENCY_CODES, type CurrencyCode } from '../terms/money';
import { isCalendarDate, isCalendarMonth } from '../terms/dates';

export const text = z.string().max(1_000_000);
export const id = z.string().min(1).max(200);
export const date = z.string().refine(isCalendarDate, 'a date YYYY-MM-DD');
export const month = z.string().refine(isCalendarMonth, 'a month YYYY-MM');
export const instant = z.string().min(10).max(40);
export const count = z.number().int().min(0);
export const currency = z.enum(CURRENCY_CODES as [CurrencyCode, ...CurrencyCode[]]);
export const category = z.enum(CATEGORIES);
export const perCategory = <T extends z.ZodType>(value: T) =>
  z.object({ headsets: value, video: value, voice: value });
/** Devices per excluded class; deleted, archived and stale are absent from what older versions kept (0). */
export const perExcluded = z.object({
  eol: count,
  quote: count,
  software: count,
  unknown: count,
  deleted: count.default(0),
  archived: count.default(0),
  stale: count.default(0),
});
/** A SHA-256 content hash, as hex. */
export const hash = z.string().regex(/^[0-9a-f]{64}$/);
