/**
 * The monthly report and the portfolio report as workbooks (shared/workbook-spec.ts): which sheets,
 * which columns and types, in the user's language. The figures come from the report model; this only
 * lays them out, so the app, the archive and `csm report` write the same workbook.
 */
import { CATEGORIES } from '../model/category';
import type { SheetSpec, WorkbookSpec } from '../workbook-spec';
import type { MonthlyReport, ReportLanguage } from './monthly';
import { reportLabels, type ReportLabels } from './report-labels';
import { col, print, table } from './layout-parts';
import { summarySheet } from './summary-sheet';
import { isInTerm, trendCharts } from './trend-chart';
import { logoOfDataUrl } from './logo';
import { firstPage } from './first-page';
import { firstPageSheet } from './first-page-sheet';

function trendSheet(report: MonthlyReport, l: ReportLabels, language: ReportLanguage): SheetSpec {
  const categories =
    report.categories.length > 0 ? report.categories.map((k) => k.category) : [...CATEGORIES];
  const ordered = new Map(report.categories.map((k) => [k.category, k]));
  return {
    name: l.sheets.trend,
    title: [`${l.sheets.trend} · ${report.customer.name}`],
    columns: [
      col(l.month, 'text', 10),
      ...categories.flatMap((k) => [
        col(l.categories[k], 'number', 16),
        col(`${l.columns.ordered} (${l.classes[k]})`, 'number', 14),
        col(`${l.columns.baseline} (${l.classes[k]})`, 'decimal', 14),
        col(`${l.columns.triggerAt} (${l.classes[k]})`, 'number', 14),
      ]),
    ],
    rows: report.trend.map((p) => [
      p.month,
      ...categories.flatMap((k) => {
        // A month before the term was under no contract: its count alone.
        const line = isInTerm(report, p.month) ? ordered.get(k) : undefined;
        return [
          p.counts[k],
          line?.ordered ?? null,
          line?.baseline ? Number(line.baseline) : null,
          line?.triggerAt ?? null,
        ];
      }),
    ]),
    charts: trendCharts(report, l, language, categories),
    print: print(report, l),
  };
}

/** The workbook's brand: the partner's colour and logo (a PNG or JPEG data: URL). */
export function workbookBrand(color: string, logo: string | undefined): WorkbookSpec['brand'] {
  return {
    color: /^#[0-9a-f]{6}$/i.test(color) ? color : '#1c4e80',
    logo: logoOfDataUrl(logo),
  };
}

export function monthlyWorkbook(report: MonthlyReport, language: ReportLanguage): WorkbookSpec {
  const l = reportLabels(language);
  const c = l.columns;
  const online = (value: boolean | null) =>
    value === null ? l.online.unknown : value ? l.online.yes : l.online.no;
  const devices = table(
    report,
    l,
    l.sheets.devices,
    [
      col(c.cls, 'text', 16),
      col(c.model, 'text', 28),
      col(c.serial, 'text', 18),
      col(c.deviceId, 'text', 16),
      col(c.site, 'text', 20),
      col(c.room, 'text', 14),
      col(c.softwareVersion, 'text', 16),
      col(c.online, 'text', 12),
      col(c.lastDetected, 'datetime', 18),
      col(c.change, 'text', 10),
    ],
    report.devices.map((d) => [
      l.classes[d.cls],
      d.model,
      d.serial,
      d.deviceId,
      d.site,
      d.room,
      d.softwareVersion,
      online(d.online),
      d.lastDetected,
      d.change ? l.changes[d.change] : null,
    ]),
  );
  if (report.isDeviceListKept === false) devices.title = [...(devices.title ?? []), l.noDeviceList];
  const page = firstPage(report, language);
  return {
    brand: workbookBrand(report.brand.primaryColor, report.brand.logo),
    language,
    // The PDF lays the first page out from its model (the logo travels once, in the brand).
    firstPage: { ...page, brand: { ...page.brand, logo: '' } },
    sheets: [
      firstPageSheet(page, report, l, language),
      { ...summarySheet(report, l, language), isInPdf: true },
      { ...trendSheet(report, l, language), isInPdf: true },
      devices,
      table(
        report,
        l,
        l.sheets.firmware,
        [
          col(c.cls, 'text', 14),
          col(c.model, 'text', 28),
          col(c.devices, 'number'),
          col(c.newestVersion, 'text', 16),
          col(c.onNewest, 'number'),
          col(c.share, 'percent'),
        ],
        report.firmware.map((m) => [
          l.classes[m.cls],
          m.model,
          m.devices,
          m.newestVersion,
          m.onNewest,
          m.devices ? Math.round((m.onNewest * 1000) / m.devices) / 10 : null,
        ]),
      ),
      table(
        report,
        l,
        l.sheets.rmas,
        [
          col(c.serial, 'text', 18),
          col(c.model, 'text', 26),
          col(c.category, 'text', 14),
          col(c.siteId, 'text', 12),
          col(c.requestedOn, 'date'),
          col(c.approvedOn, 'date'),
          col(c.shipBy, 'date'),
          col(c.shippedOn, 'date'),
          col(c.trackingNumber, 'text', 20),
          col(c.returnBy, 'date'),
          col(c.returnedOn, 'date'),
          col(c.reason, 'text', 30),
        ],
        report.rmaRows.map((r) => [
          r.serial,
          r.model,
          r.category ? l.classes[r.category] : null,
          r.siteId,
          r.requestedOn,
          r.approvedOn,
          r.shipBy,
          r.shippedOn,
          r.trackingNumber,
          r.returnBy,
          r.returnedOn,
          r.reason,
        ]),
      ),
      table(
        report,
        l,
        l.sheets.time,
        [
          col(c.date, 'date'),
          col(c.time, 'duration'),
          col(c.activity, 'text', 18),
          col(c.note, 'text', 40),
          col(c.billable, 'text', 10),
          col(c.user, 'text', 18),
        ],
        report.timeRows.map((e) => [
          e.date,
          e.minutes,
          l.activities[e.activity],
          e.note,
          e.isBillable ? l.yesNo.yes : l.yesNo.no,
          e.user,
        ]),
      ),
      table(
        report,
        l,
        l.sheets.cases,
        [
          col(c.siteId, 'text', 12),
          col(c.title, 'text', 34),
          col(c.priority, 'text', 8),
          col(c.openedAt, 'datetime', 17),
          col(c.resolvedAt, 'datetime', 17),
          col(c.timeToResolve, 'duration'),
          col(c.polyCaseNumber, 'text', 14),
          col(c.escalationLevel, 'number'),
          col(c.escalations, 'text', 40),
          col(c.status, 'text', 10),
        ],
        report.caseRows.map((k) => [
          k.siteId,
          k.title,
          k.priority,
          k.openedAt,
          k.resolvedAt,
          k.minutesToResolve,
          k.polyCaseNumber,
          k.escalationLevel,
          k.escalations,
          l.caseStatuses[k.status as keyof ReportLabels['caseStatuses']] ?? k.status,
        ]),
      ),
      table(
        report,
        l,
        l.sheets.incidents,
        [
          col(c.cloudPartner, 'text', 16),
          col(c.trackingNumber, 'text', 20),
          col(c.title, 'text', 30),
          col(c.status, 'text', 10),
          col(c.openedAt, 'datetime', 17),
          col(c.resolvedAt, 'datetime', 17),
          col(c.updates, 'number'),
          col(c.jointCalls, 'number'),
          col(c.rooms, 'text', 20),
          col(c.override, 'text', 30),
        ],
        report.incidentRows.map((i) => [
          l.partners[i.cloudPartner as keyof ReportLabels['partners']] ?? i.cloudPartner,
          i.trackingNumber,
          i.title,
          l.incidentStatuses[i.status as keyof ReportLabels['incidentStatuses']] ?? i.status,
          i.openedAt,
          i.resolvedAt,
          i.updates,
          i.jointCalls,
          i.rooms,
          i.override,
        ]),
      ),
    ],
  };
}
