/**
 * The shape every stored row must have, as zod schemas, one per table. A restore checks each row of a
 * backup against these before anything is replaced, and the sync service checks each change with the
 * same schemas. Each is typed against its entity, so the two cannot drift apart.
 */
import { z } from 'zod';
import type { EolRecord } from '../catalog/eol-register';
import { catalogEntrySchema } from '../catalog/schema';
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
  type ReportRecord,
  type Rma,
  type SettingRecord,
  type Site,
  type SupportCase,
  type TimeEntry,
  type TrueUp,
} from './entities';
import {
  deviceListSchema,
  importSchema,
  inventoryChunkSchema,
  snapshotSchema,
} from './inventory-schemas';
import { category, count, currency, date, id, instant, month, text } from './schema-parts';
import { COUNTRY_CODES, type CountryCode } from '../terms/holidays';

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
  staleDays: z.number().int().min(1).nullable().optional(),
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

/** A bulletin's address: http or https only, so a notice link never runs anything. */
const notice = z
  .string()
  .max(2000)
  .regex(/^https?:\/\/[^\s]+$/i, 'expected an http or https address');

export const eolRecordSchema = z.object({
  id,
  model: z.string().trim().min(1).max(120),
  endOfSale: date.optional(),
  endOfSupport: date.optional(),
  endOfLife: date.optional(),
  notice: notice.optional(),
  note: z.string().max(2000).optional(),
  source: z.string().max(500),
}) satisfies z.ZodType<EolRecord>;

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
  eolRegister: eolRecordSchema,
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
