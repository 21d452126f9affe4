/**
 * What main's workbook writer takes: sheets of typed tables. Every Excel file the app and `csm` write
 * (device lists, registers, quotes, renewals, monthly and portfolio reports) is one of these, so they
 * share one writer and one look. Text is always written as text: no cell becomes a formula or a link.
 */
import { z } from 'zod';

export const COLUMN_TYPES = [
  'text',
  'number',
  'decimal',
  'money',
  'percent',
  'date',
  'datetime',
  'duration',
  'boolean',
] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

const column = z.object({
  header: z.string().max(255),
  /**
   * text; number (whole); decimal (up to two decimals); money (two decimals, the value in major units);
   * percent (5 means 5 %); date (YYYY-MM-DD); datetime (ISO instant); duration (minutes, shown [h]:mm).
   */
  type: z.enum(COLUMN_TYPES),
  width: z.number().int().min(4).max(100).optional(),
  /** Long text wraps inside the column, its row as tall as it needs (the first page's meanings). */
  wrap: z.boolean().optional(),
});

const plain = z.union([z.string().max(32_767), z.number(), z.boolean(), z.null()]);
/** A cell typed on its own, where one column holds values of several kinds (a quote's Field | Value). */
const typedCell = z.object({ value: plain, type: z.enum(COLUMN_TYPES) }).strict();
const cell = z.union([plain, typedCell]);
const rows = z.array(z.array(cell).max(200)).max(1_048_575);

const block = z.object({
  heading: z.string().max(255),
  columns: z.array(column).min(1).max(200),
  rows,
  /** False: the rows follow the heading with no header row (labelled values, lines of text). */
  hasHeader: z.boolean().optional(),
});

const line = z.string().max(1000);

export const sheetSchema = z.object({
  name: z.string().min(1).max(100),
  /** Lines above the table (the first one is the sheet's title). */
  title: z.array(line).max(30).optional(),
  columns: z.array(column).min(1).max(200),
  rows,
  /** Further small tables below the main one, each under its heading. */
  blocks: z.array(block).max(20).optional(),
  /**
   * Print setup: fit to the page's width, the header row repeated on every page, the page header and
   * footer text, and the page number in the sheet's language ("Page {page} of {pages}"). Landscape
   * when asked, else as wide as the columns need. `onePage`: a portrait page fitted 1 wide and 1 tall
   * with narrow margins (the report's first page).
   */
  print: z
    .object({
      landscape: z.boolean().optional(),
      onePage: z.boolean().optional(),
      header: line,
      footer: line,
      pageNumber: line.optional(),
    })
    .optional(),
  /** Whether the sheet is also a page of the workbook's PDF (the first page and the summary sheets). */
  isInPdf: z.boolean().optional(),
  /** Line charts drawn beside the table (in the PDF above it): categories along x, one line per series. */
  charts: z
    .array(
      z.object({
        title: line,
        categories: z.array(z.string().max(40)).max(240),
        series: z
          .array(
            z.object({
              name: z.string().max(100),
              values: z.array(z.number().nullable()).max(240),
              color: z.string().regex(/^#[0-9a-f]{6}$/i),
              /** line: points joined by straight segments; step: a level held until it changes
               * (ordered, triggerAt); forecast: dashed. */
              style: z.enum(['line', 'step', 'forecast']).optional(),
            }),
          )
          .max(12),
      }),
    )
    .max(6)
    .optional(),
});

const short = z.string().max(2000);

/**
 * The monthly report's first page as its model (shared/reports/first-page.ts), for the PDF to lay
 * out as a page of its own; the workbook writes it as its first sheet.
 */
export const firstPageSchema = z
  .object({
    brand: z.object({ name: short, logo: z.string().max(400_000), color: short }).strict(),
    kicker: short,
    title: short,
    context: z.array(short).max(20),
    warnings: z.array(short).max(20),
    devicesHeading: short,
    columns: z
      .object({
        category: short,
        count: short,
        ordered: short,
        baseline: short,
        status: short,
        meaning: short,
      })
      .strict(),
    lines: z
      .array(
        z
          .object({
            category: short,
            count: z.number().nullable(),
            ordered: z.number().nullable(),
            baseline: z.number().nullable(),
            status: short,
            meaning: short,
            tone: z.enum(['calm', 'watch', 'action']),
          })
          .strict(),
      )
      .max(10),
    serviceHeading: short,
    service: z.array(z.object({ label: short, value: short }).strict()).max(20),
    noteHeading: short,
    note: z.array(z.string().max(32_767)).max(500),
    nextHeading: short,
    next: z.array(short).max(20),
  })
  .strict();

export const workbookSchema = z
  .object({
    sheets: z.array(sheetSchema).min(1).max(100),
    /** The report's first page, laid out by the PDF as a page of its own. */
    firstPage: firstPageSchema.optional(),
    /** The language its PDF writes figures and page numbers in. */
    language: z.enum(['sv', 'en']).optional(),
    /** The partner's brand: its colour for titles and header lines, its logo at the top of the first sheet. */
    brand: z
      .object({
        color: z.string().regex(/^#[0-9a-f]{6}$/i),
        logo: z
          .object({
            type: z.enum(['png', 'jpeg']),
            base64: z
              .string()
              .max(400_000)
              .regex(/^[A-Za-z0-9+/=]*$/),
          })
          .nullable(),
      })
      .optional(),
  })
  .strict();

export type WorkbookSpec = z.infer<typeof workbookSchema>;
export type SheetSpec = WorkbookSpec['sheets'][number];
export type ColumnSpec = SheetSpec['columns'][number];
export type CellSpec = SheetSpec['rows'][number][number];
