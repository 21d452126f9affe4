/**
 * The monthly report's first page, the one a customer reads in a minute (issue 22): the partner's
 * brand, the customer and month in words, one line per chosen category with what its status means for
 * the customer (TERMS.md §4, "What the status means"), the month's service against what was bought, the
 * CSM's note and what happens next. Layout-neutral (labelled values and lines of text, in the report's
 * language), so the workbook, the PDF and the app's preview lay out the same page.
 */
import { archivedAction } from '../contracts/action-text';
import { EXCLUDED_CLASSES } from '../model/category';
import { dictionary, fill, type Language } from '../i18n';
import { formatters } from '../i18n/format';
import { hoursText } from '../service/time';
import { monthOf } from '../terms/dates';
import { parseMoney } from '../terms/money';
import type { z } from 'zod';
import type { firstPageSchema } from '../workbook-spec';
import type { MonthlyReport, ReportCategory } from './monthly';

/** The page (its schema: shared/workbook-spec.ts, so it can travel with a workbook to its PDF). */
export type FirstPage = z.infer<typeof firstPageSchema>;
/** One chosen category: count, ordered, baseline, the status in words and what it means. */
export type FirstPageLine = FirstPage['lines'][number];
/** A labelled value of the month's service. */
export type FirstPageFact = FirstPage['service'][number];

type Words = ReturnType<typeof dictionary>;

/** What a category's status means for the customer, and how it reads at a glance. */
function meaningOf(
  k: ReportCategory,
  report: MonthlyReport,
  d: Words,
  language: Language,
): Pick<FirstPageLine, 'status' | 'meaning' | 'tone'> {
  const m = d.firstPage.meaning;
  const action = archivedAction(k);
  if (k.count === null) return { status: d.status.none, meaning: m.noCount, tone: 'calm' };
  if (k.status === null) return { status: '–', meaning: m.noContract, tone: 'calm' };
  if (!action)
    return {
      status: d.status[k.status],
      meaning: m[k.status === 'under' ? 'under' : 'within'],
      tone: 'calm',
    };
  const format = formatters(language);
  const currency = report.contract?.currency ?? 'SEK';
  const t = k.trueUp;
  const month = report.contract ? format.month(report.contract.adjustmentMonth) : '';
  const values = {
    month,
    amount: t ? format.money(parseMoney(t.amount, currency)) : '',
    quote: t?.quoteNumber ?? '',
    po: t?.poNumber ?? '',
    units: format.number(k.unitsAtRenewal ?? k.count - (k.ordered ?? 0)),
  };
  const template =
    action === 'inProgress'
      ? t?.state === 'ordered'
        ? m.ordered
        : m.quoted
      : action === 'due' && k.isOverdue
        ? m.overdue
        : m[action];
  return {
    status: d.trueUps.actions[action],
    meaning: fill(template, values),
    tone: action === 'atRenewal' ? 'watch' : 'action',
  };
}

function lineOf(
  k: ReportCategory,
  report: MonthlyReport,
  d: Words,
  language: Language,
): FirstPageLine {
  return {
    category: d.categories[k.category],
    count: k.count,
    ordered: k.ordered,
    baseline: k.baseline === null ? null : Number(k.baseline),
    ...meaningOf(k, report, d, language),
  };
}

/** The month's RMAs, hours, cases, incidents and devices not counted, as labelled values. */
function serviceFacts(report: MonthlyReport, d: Words, language: Language): FirstPageFact[] {
  const f = d.firstPage.facts;
  const format = formatters(language);
  const facts: FirstPageFact[] = [];
  const { rma, hours } = report;
  const n = (value: number) => format.number(value);
  if (rma) {
    const month = report.rmaRows.filter((r) => monthOf(r.requestedOn) === report.month).length;
    const values = {
      month: n(month),
      used: n(rma.used),
      allowed: n(rma.allowed),
      year: rma.year,
      excess: n(rma.excess),
    };
    facts.push({ label: f.rmas, value: fill(rma.exceeded ? f.rmasOver : f.rmasValue, values) });
  }
  if (hours && hours.allowedMinutes > 0) {
    const values = {
      used: hoursText(hours.usedMinutes),
      allowed: hoursText(hours.allowedMinutes),
      overage: hoursText(hours.overageMinutes),
    };
    facts.push({
      label: f.hours,
      value: fill(hours.overageMinutes > 0 ? f.hoursOver : f.hoursValue, values),
    });
  }
  const open = (s: { openAtMonthEnd: number; opened: number; resolved: number }) =>
    fill(f.openValue, { open: n(s.openAtMonthEnd), opened: n(s.opened), resolved: n(s.resolved) });
  facts.push({ label: f.cases, value: open(report.cases) });
  facts.push({ label: f.incidents, value: open(report.incidents) });
  const excluded = EXCLUDED_CLASSES.filter((k) => report.excluded[k] > 0);
  if (excluded.length > 0)
    facts.push({
      label: f.notCounted,
      value: excluded.map((k) => `${d.classes[k]} ${n(report.excluded[k])}`).join(' · '),
    });
  return facts;
}

/** The adjustment month (ahead, now or past) and the renewal, in words. */
function nextSteps(report: MonthlyReport, d: Words, language: Language): string[] {
  const n = d.firstPage.next;
  const c = report.contract;
  if (!c) return [n.noContract];
  const format = formatters(language);
  const month = format.month(c.adjustmentMonth);
  const adjustment =
    report.month < c.adjustmentMonth
      ? n.adjustmentAhead
      : report.month === c.adjustmentMonth
        ? n.adjustmentNow
        : n.adjustmentDone;
  return [fill(adjustment, { month }), fill(n.renewal, { date: format.date(c.renewalDate) })];
}

function contextLines(report: MonthlyReport, d: Words, language: Language): string[] {
  const p = d.firstPage;
  const format = formatters(language);
  const c = report.contract;
  return [
    c
      ? fill(p.contract, {
          number: c.number,
          start: format.date(c.termStart),
          end: format.date(c.termEnd),
        })
      : d.report.noContract,
    report.asOf ? fill(p.asOf, { date: format.date(report.asOf) }) : d.report.noInventory,
    ...(report.customer.csm ? [fill(p.csm, { name: report.customer.csm })] : []),
  ];
}

/** The line above the title: the partner's name where there is one. */
export function firstPageKicker(partner: string, language: Language): string {
  const d = dictionary(language);
  return partner.trim()
    ? fill(d.firstPage.reportFrom, { partner: partner.trim() })
    : d.report.title;
}

/** The report's first page in `language`, from the report model alone. */
export function firstPage(report: MonthlyReport, language: Language): FirstPage {
  const d = dictionary(language);
  const p = d.firstPage;
  const format = formatters(language);
  const partner = report.brand.name.trim();
  const unknown = report.excluded.unknown;
  return {
    brand: { name: partner, logo: report.brand.logo ?? '', color: report.brand.primaryColor },
    kicker: firstPageKicker(partner, language),
    title: `${report.customer.name} · ${format.month(report.month)}`,
    context: contextLines(report, d, language),
    warnings: unknown > 0 ? [fill(d.report.unknownWarning, { count: unknown }, language)] : [],
    devicesHeading: p.devicesHeading,
    columns: p.columns,
    lines: report.categories.map((k) => lineOf(k, report, d, language)),
    serviceHeading: p.serviceHeading,
    service: serviceFacts(report, d, language),
    noteHeading: d.report.blocks.note,
    note: report.note.trim() ? report.note.trim().split(/\r?\n/) : [],
    nextHeading: p.nextHeading,
    next: nextSteps(report, d, language),
  };
}
