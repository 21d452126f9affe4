/**
 * What the report's pages and pictures share: the PDFKit document type and the palette (text, the
 * muted and secondary greys, rules, grid lines, table stripes), so the PDF, its first page and the
 * workbook's chart pictures look like one report.
 */
import type PDFDocument from 'pdfkit';

export type Pdf = InstanceType<typeof PDFDocument>;

export const INK = {
  text: '#212529',
  /** Labels and captions beside the figures. */
  secondary: '#495057',
  /** Page numbers, axis labels, what is said in passing. */
  muted: '#6c757d',
  rule: '#dee2e6',
  grid: '#e9ecef',
  stripe: '#f5f6f7',
} as const;
