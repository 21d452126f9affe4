/**
 * The shape every stored row must have, as zod schemas, one per table. A restore checks each row of a
 * backup against these before anything is replaced, and the sync service checks each change with the
 * same schemas. Each is typed against its entity, so the two cannot drift apart.
 */
import { z } from 'zod';
import { catalogEntrySchema } from '../catalog/schema';
import { CATEGORIES, EXCLUDED_CLASSES } from './category';
import {
  CASE_PRIORITIES,
  CASE_STATUSES,
  CLOUD_PARTNERS,
  TIME_ACTIVITIES,
  TRUE_UP_STATES,
  type CatalogOverride,
  type ChangeRecord,
  type Contract,
  type Customer,
  type EcpsIncident,
  type ImportRecord,
  type InventoryChunk,
  type InventorySnapshot,
  type ReportRecord,
  type Rma,
  type SettingRecord,
  type Site,
  type SupportCase,
  type TimeEntry,
  type TrueUp,
} from './entities';
import type { Device } from './device';
import { TEXT_FIELDS, type DeviceList, type DeviceListRecord } from '../inventory/device-list';
import { COUNTRY_CODES, type CountryCode } from '../terms/holidays';
import { CURRENCY_CODES, type CurrencyCode } from '../terms/money';
import { isCalendarDate, isCalendarMonth } from '../terms/dates';
import { firstIssue } from '../errors';

const text = z.string().max(1_000_000);
const id = z.string().min(1).max(200);
const date = z.string().refine(isCalendarDate, 'a date YYYY-MM-DD');
const month = z.string().refine(isCalendarMonth, 'a month YYYY-MM');
const instant = z.string().min(10).max(40);
const count = z.number().int().min(0);
const currency = z.enum(CURRENCY_CODES as [CurrencyCode, ...CurrencyCode[]]);
const category = z.enum(CATEGORIES);
const perCategory = <T extends z.ZodType>(value: T) =>
  z.object({ headsets: value, video: value, voice: value });
const perExcluded = z.object({ eol: count, quote: count, software: count, unknown: count });

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
}) satisfies z.ZodType<Device>;

export const customerSchema = z.object({
  id,
  name: z.string().min(1).max(1_000_000),
  masterAccountId: text,
  country: z.enum(COUNTRY_CODES as [CountryCode, ...CountryCode[]]),
  lensAccounts: z.array(text),
  csm: text,
  accountManager: text,
  isArchived: z.boolean(),
  ecpsAuthorisation: z
    .object({ signedOn: date, signer: text, documentRef: text })
    .nullable()
    .optional(),
  cloudAgreements: z
    .array(z.object({ partner: z.enum(CLOUD_PARTNERS), validUntil: date }))
    .optional(),
}) satisfies z.ZodType<Customer>;

export const siteSchema = z.object({
  id,
  customerId: id,
  name: text,
  siteId: text,
  city: text,
}) satisfies z.ZodType<Site>;

const contractCategory = z.object({
  category,
  installedAtStart: count,
  agreedGrowth: count,
  unitPriceMinor: count,
});

const contractSettings = z.object({
  baselinePct: z.number().min(0).max(1000),
  rmaPct: z.number().min(0).max(100),
  rmaWarnPct: z.number().min(0).max(100),
  blockHours: z.number().min(0).max(744),
  blocksPerMonth: z.number().min(0).max(1000),
  carryOverHours: z.boolean(),
  termMonths: z.number().int().min(1).max(120),
  returnBusinessDays: z.number().int().min(0).max(365),
});

export const contractSchema = z.object({
  id,
  customerId: id,
  number: z.string().min(1).max(200),
  termStart: date,
  currency,
  categories: z.array(contractCategory),
  adjustmentMonth: month.nullable(),
  settings: contractSettings,
  tam: z.boolean(),
  professionalServicesDiscountPct: z.number().min(0).max(100),
  isEcps: z.boolean(),
  isArchived: z.boolean(),
  previousTerms: z
    .array(
      z.object({
        termStart: date,
        termMonths: z.number().int().min(1),
        adjustmentMonth: month.nullable(),
        categories: z.array(contractCategory),
        renewedAt: instant,
        renewedBy: text,
      }),
    )
    .optional(),
}) satisfies z.ZodType<Contract>;

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
  deviceList: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable()
    .optional(),
  changes: z.object({ addedIds: z.array(text), removed: z.array(deviceSchema) }).optional(),
}) satisfies z.ZodType<InventorySnapshot>;

const column = z.union([z.array(text), z.object({ values: z.array(text), index: z.array(count) })]);
const seenColumns = z.object({
  online: z.string().regex(/^[012]*$/),
  detectedUnit: z.union([z.literal(1), z.literal(1000)]),
  detectedBase: z.number().int(),
  detectedBefore: z.array(z.number().int().min(-1)),
});
const hash = z.string().regex(/^[0-9a-f]{64}$/);

/** A device list as its JSON holds it (shared/inventory/device-list.ts). */
export const deviceListContentSchema = z.object({
  version: z.literal(1),
  base: hash.nullable(),
  depth: count,
  removed: z.array(text),
  devices: seenColumns.extend({
    ids: z.array(text),
    text: z.record(z.enum(TEXT_FIELDS), column),
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
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
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

const actorEvent = z.object({ state: z.enum(TRUE_UP_STATES), at: instant, user: text });

export const trueUpSchema = z.object({
  id,
  contractId: id,
  category,
  termStart: date,
  adjustmentMonth: month,
  state: z.enum(TRUE_UP_STATES),
  asOf: date,
  count,
  ordered: count,
  added: count,
  unitPriceMinor: count,
  currency,
  monthsWhole: count,
  monthsPartial: z.tuple([count, z.number().int().min(1)]),
  amountMinor: count,
  quoteNumber: text,
  poNumber: text,
  events: z.array(actorEvent),
}) satisfies z.ZodType<TrueUp>;

export const rmaSchema = z.object({
  id,
  customerId: id,
  serial: z.string().min(1).max(200),
  model: text,
  category: category.nullable(),
  siteId: text,
  requestedOn: date,
  approvedOn: date.nullable(),
  shipBy: date.nullable(),
  shippedOn: date.nullable(),
  trackingNumber: text,
  returnBy: date.nullable(),
  returnedOn: date.nullable(),
  reason: text,
  caseId: id.nullable(),
}) satisfies z.ZodType<Rma>;

export const timeEntrySchema = z.object({
  id,
  customerId: id,
  date,
  minutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  activity: z.enum(TIME_ACTIVITIES),
  note: text,
  isBillable: z.boolean(),
  user: text,
}) satisfies z.ZodType<TimeEntry>;

export const caseSchema = z.object({
  id,
  customerId: id,
  siteId: text,
  title: text,
  priority: z.enum(CASE_PRIORITIES),
  openedAt: instant,
  resolvedAt: instant.nullable(),
  polyCaseNumber: text,
  escalations: z.array(z.object({ level: count, engaged: text, at: instant })),
  status: z.enum(CASE_STATUSES),
}) satisfies z.ZodType<SupportCase>;

export const incidentSchema = z.object({
  id,
  customerId: id,
  cloudPartner: z.enum(CLOUD_PARTNERS),
  trackingNumber: text,
  title: text,
  status: z.enum(['open', 'resolved']),
  openedAt: instant,
  resolvedAt: instant.nullable(),
  updates: z.array(z.object({ at: instant, text, user: text })),
  jointCalls: z.array(z.object({ at: instant, note: text })),
  rooms: z.array(text),
  devices: z.array(text),
  override: z.object({ reason: text, warnings: z.array(text), user: text, at: instant }).nullable(),
}) satisfies z.ZodType<EcpsIncident>;

export const reportSchema = z.object({
  id,
  customerId: id,
  month,
  exportedAt: instant,
  exportedBy: text,
  figures: z.unknown(),
}) satisfies z.ZodType<ReportRecord>;

export const catalogOverrideSchema = catalogEntrySchema.extend({
  id,
}) satisfies z.ZodType<CatalogOverride>;

export const settingSchema = z.object({
  key: id,
  value: z.unknown(),
}) satisfies z.ZodType<SettingRecord>;

export const changeSchema = z.object({
  id: z.number().int().min(1).optional(),
  at: instant,
  user: text,
  entity: text,
  entityId: text,
  action: z.enum(['create', 'update', 'delete', 'import', 'restore']),
  before: z.unknown(),
  after: z.unknown(),
}) satisfies z.ZodType<ChangeRecord>;

export const metaSchema = z.object({ key: id, value: z.unknown() });

/** Every table's row schema, by table name. */
export const TABLE_SCHEMAS = {
  customers: customerSchema,
  sites: siteSchema,
  contracts: contractSchema,
  snapshots: snapshotSchema,
  deviceLists: deviceListSchema,
  imports: importSchema,
  trueUps: trueUpSchema,
  rmas: rmaSchema,
  timeEntries: timeEntrySchema,
  cases: caseSchema,
  ecpsIncidents: incidentSchema,
  reports: reportSchema,
  catalogOverrides: catalogOverrideSchema,
  settings: settingSchema,
  changes: changeSchema,
  meta: metaSchema,
} as const;

export type TableName = keyof typeof TABLE_SCHEMAS;

/**
 * Tables older schemas had and this one has not, with the schema version that dropped them: an older
 * backup's rows of them are checked and handed to the migrations that bring them forward, never written.
 */
export const RETIRED_TABLES = {
  inventoryChunks: { schema: inventoryChunkSchema, droppedIn: 4 },
} as const;
