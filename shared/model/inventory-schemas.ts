/**
 * The shapes of what an import keeps, as zod schemas: devices, inventory snapshots with their
 * figures, device lists and import records (TABLE_SCHEMAS in ./schemas gathers every table's).
 */
import { z } from 'zod';
import { CATEGORIES, EXCLUDED_CLASSES } from './category';
import type { ImportRecord, InventoryChunk, InventorySnapshot } from './entities';
import { LENS_STATES, type Device } from './device';
import { TEXT_FIELDS } from '../inventory/device-columns';
import type { DeviceList, DeviceListRecord } from '../inventory/device-list';
import { firstIssue } from '../errors';
import {
  count,
  date,
  hash,
  id,
  instant,
  month,
  perCategory,
  perExcluded,
  text,
} from './schema-parts';

export const deviceSchema = z.object({
  id,
  serial: text,
  deviceId: text,
  model: text,
  name: text,
  site: text,
  room: text,
  softwareVersion: text,
  online: z.boolean().nullable(),
  lastDetected: instant.nullable(),
  account: text,
  accountId: text,
  mac: text,
  hardwareFamily: text,
  lensState: z.enum(LENS_STATES).optional(),
}) satisfies z.ZodType<Device>;

export const inventoryChunkSchema = z.object({
  customerId: id,
  chunk: count,
  devices: z.array(deviceSchema),
}) satisfies z.ZodType<InventoryChunk>;

const firmware = z.object({ onNewest: count, total: count });
const summarySchema = z.object({
  counts: perCategory(count),
  excluded: perExcluded,
  unknownModels: z.array(z.object({ model: text, devices: count })),
  devices: count,
  online: count,
  offline: count,
  statusUnknown: count,
  notDetectedRecently: count,
  staleDays: z.number().int().min(1).nullable().optional(),
  eolByCategory: perCategory(count),
  sites: z.array(
    z.object({
      site: text,
      counts: perCategory(count),
      excluded: count,
      online: count,
      firmware,
    }),
  ),
  models: z.array(
    z.object({
      model: text,
      cls: z.enum([...CATEGORIES, ...EXCLUDED_CLASSES]),
      devices: count,
      newestVersion: text,
      onNewest: count,
    }),
  ),
  firmware: perCategory(firmware),
});

export const snapshotSchema = z.object({
  id,
  customerId: id,
  importId: id.nullable(),
  asOf: date,
  month,
  summary: summarySchema,
  added: count,
  removed: count,
  deviceList: hash.nullable().optional(),
  changes: z.object({ addedIds: z.array(text), removed: z.array(deviceSchema) }).optional(),
}) satisfies z.ZodType<InventorySnapshot>;

const column = z.union([z.array(text), z.object({ values: z.array(text), index: z.array(count) })]);
const seenColumns = z.object({
  online: z.string().regex(/^[012]*$/),
  detectedUnit: z.union([z.literal(1), z.literal(1000)]),
  detectedBase: z.number().int(),
  detectedBefore: z.array(z.number().int().min(-1)),
});

/** A device list as its JSON holds it (shared/inventory/device-list.ts). */
export const deviceListContentSchema = z.object({
  version: z.literal(1),
  base: hash.nullable(),
  depth: count,
  removed: z.array(text),
  devices: seenColumns.extend({
    ids: z.array(text),
    text: z.record(z.enum(TEXT_FIELDS), column),
    states: z
      .string()
      .regex(/^[-da]*$/)
      .optional(),
  }),
  seen: seenColumns.nullable(),
}) satisfies z.ZodType<DeviceList>;

/** A kept list: its JSON must be a list, and say the base and depth the record does. */
export const deviceListSchema = z
  .object({
    hash,
    customerId: id,
    devices: count,
    base: hash.nullable(),
    depth: count,
    json: z.string(),
  })
  .superRefine((record, context) => {
    let content: unknown;
    try {
      content = JSON.parse(record.json);
    } catch {
      context.addIssue({ code: 'custom', path: ['json'], message: 'the list is not JSON' });
      return;
    }
    const list = deviceListContentSchema.safeParse(content);
    if (!list.success) {
      const issue = firstIssue(list.error, 'not a device list');
      context.addIssue({
        code: 'custom',
        path: ['json', ...issue.path] as (string | number)[],
        message: issue.message,
      });
    } else if (list.data.base !== record.base || list.data.depth !== record.depth)
      context.addIssue({
        code: 'custom',
        path: ['json'],
        message: 'the list names another base or depth than its record',
      });
  }) satisfies z.ZodType<DeviceListRecord>;

export const importSchema = z.object({
  id,
  customerId: id,
  fileName: text,
  contentHash: hash,
  importedAt: instant,
  importedBy: text,
  asOf: date,
  rows: count,
  devices: count,
  report: z.object({
    format: z.enum(['csv', 'xlsx']),
    encoding: text.nullable(),
    delimiter: text.nullable(),
    sheet: text.nullable(),
    counts: perCategory(count),
    excluded: perExcluded,
    unknownModels: z.array(z.object({ model: text, devices: count })),
    rejected: z.array(z.object({ row: count, reason: text })),
    rejectedCount: count,
    duplicates: z.array(z.object({ id: text, rows: z.array(count) })),
    duplicateCount: count,
    added: count,
    removed: count,
    addedSample: z.array(text),
    removedSample: z.array(text),
    previousAsOf: date.nullable(),
    isHistorical: z.boolean(),
  }),
  source: z
    .object({ kind: z.literal('lens-api'), tenantId: id, tenant: text, pulledAt: instant })
    .optional(),
}) satisfies z.ZodType<ImportRecord>;
