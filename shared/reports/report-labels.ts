/**
 * The words of the report workbooks, taken from the app's one dictionary (shared/i18n): a category,
 * a class, a status or a field is called the same on the screen and in the file, in either language.
 * Only what exists in files alone (sheet names, figure labels) lives under the dictionary's `report`.
 */
import { dictionary, type Language } from '../i18n';
import { formatters } from '../i18n/format';

export function reportLabels(language: Language) {
  const d = dictionary(language);
  const s = d.service.fields;
  return {
    ...d.report,
    masterAccountId: d.customerForm.masterAccountId,
    columns: {
      ...d.report.columns,
      ordered: d.contract.ordered,
      baseline: d.contract.baseline,
      triggerAt: d.contract.triggerAt,
      count: d.contract.count,
      status: d.contract.status,
      trueUp: d.contract.trueUp,
      model: d.fields.model,
      serial: d.fields.serial,
      deviceId: d.fields.deviceId,
      site: d.fields.site,
      room: d.fields.room,
      softwareVersion: d.fields.softwareVersion,
      online: d.explorer.columns.online,
      lastDetected: d.fields.lastDetected,
      siteId: s.siteId,
      requestedOn: s.requestedOn,
      approvedOn: s.approvedOn,
      shipBy: s.shipBy,
      shippedOn: s.shippedOn,
      trackingNumber: s.trackingNumber,
      returnBy: s.returnBy,
      returnedOn: s.returnedOn,
      reason: s.reason,
      date: s.date,
      activity: s.activity,
      note: s.note,
      user: s.user,
      title: s.title,
      priority: s.priority,
      openedAt: s.openedAt,
      resolvedAt: s.resolvedAt,
      timeToResolve: s.timeToResolve,
      polyCaseNumber: s.polyCaseNumber,
      cloudPartner: s.cloudPartner,
      updates: s.updates,
      renewalDate: d.contract.renewalDate,
      alerts: d.alerts.column,
    },
    categories: d.categories,
    classes: d.classes,
    statuses: d.status,
    trueUpStates: d.trueUps.states,
    actions: d.trueUps.actions,
    online: { yes: d.explorer.yes, no: d.explorer.no, unknown: d.explorer.unknown },
    yesNo: { yes: d.common.yes, no: d.common.no },
    activities: d.service.activities,
    caseStatuses: d.service.case.statuses,
    incidentStatuses: d.service.ecps.statuses,
    partners: d.service.ecps.partners,
    growth: d.renewals.plan,
    /** Months and dates in the titles, headers and footers, in words: "November 2026". */
    format: formatters(language),
  };
}

export type ReportLabels = ReturnType<typeof reportLabels>;
