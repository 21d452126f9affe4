/**
 * Monthly reports: the inputs of a customer's report read from the database, and the archive. Exporting
 * freezes the report as sent (one record per customer and month, the latest export winning, its
 * earlier versions in the change log); re-exporting an archived month writes it from the frozen model.
 */
import { readCatalog } from './catalog';
import type { ReportRecord } from '../../shared/model/entities';
import {
  contractInForce,
  monthlyReport,
  reportInventories,
  type MonthlyReport,
} from '../../shared/reports/monthly';
import { lastDayOfMonth, localToday } from '../../shared/terms/dates';
import { creation, recordedWrite } from './changes';
import type { WorkstationDatabase } from './database';
import { snapshotDevices } from './device-lists';
import { readSettings } from './settings';

export const reportId = (customerId: string, month: string) => `${customerId}:${month}`;

/** The report of a customer's month from today's data; null when there is no such customer. */
export async function currentReport(
  db: WorkstationDatabase,
  customerId: string,
  month: string,
  note: string,
): Promise<MonthlyReport | null> {
  const customer = await db.customers.get(customerId);
  if (!customer) return null;
  const [contracts, snapshots, rmas, timeEntries, cases, incidents, catalog, settings] =
    await Promise.all([
      db.contracts.where('customerId').equals(customerId).toArray(),
      db.snapshots.where('customerId').equals(customerId).toArray(),
      db.rmas.where('customerId').equals(customerId).toArray(),
      db.timeEntries.where('customerId').equals(customerId).toArray(),
      db.cases.where('customerId').equals(customerId).toArray(),
      db.ecpsIncidents.where('customerId').equals(customerId).toArray(),
      readCatalog(db),
      readSettings(db),
    ]);
  const ids = contracts.map((c) => c.id);
  const [trueUps, changes] = await Promise.all([
    db.trueUps.where('contractId').anyOf(ids).toArray(),
    db.changes
      .where('[entity+entityId]')
      .anyOf(ids.map((id): [string, string] => ['contract', id]))
      .toArray(),
  ]);
  const contract = contractInForce(contracts, changes, lastDayOfMonth(month));
  const inventories = reportInventories(snapshots, month);
  const [devices, previousDevices] = await Promise.all([
    inventories.current ? snapshotDevices(db, inventories.current) : null,
    inventories.previous ? snapshotDevices(db, inventories.previous) : null,
  ]);
  return monthlyReport({
    month,
    generatedAt: new Date().toISOString(),
    brand: {
      name: settings.partner.brand.name,
      primaryColor: settings.partner.brand.primaryColor,
      logo: settings.partner.brand.logo,
    },
    customer,
    contract,
    trueUps: trueUps.filter((t) => t.contractId === contract?.id),
    snapshots,
    devices,
    previousDevices,
    catalog,
    rmas,
    timeEntries,
    cases,
    incidents,
    note,
    today: localToday(),
    acceptedAdjustmentRisk: settings.partner.acceptedAdjustmentRisk,
  });
}

/** Freezes a report as sent. */
export async function archiveReport(
  db: WorkstationDatabase,
  user: string,
  customerId: string,
  report: MonthlyReport,
): Promise<ReportRecord> {
  return recordedWrite(db, user, [db.reports], async (record) => {
    const id = reportId(customerId, report.month);
    const before = await db.reports.get(id);
    const archived: ReportRecord = {
      id,
      customerId,
      month: report.month,
      exportedAt: new Date().toISOString(),
      exportedBy: user,
      figures: report,
    };
    await db.reports.put(archived);
    // The change log keeps who sent what when, without the device list (that is in the record itself).
    const brief = {
      id,
      month: report.month,
      exportedAt: archived.exportedAt,
      categories: report.categories,
    };
    record(
      before
        ? {
            entity: 'report',
            entityId: id,
            action: 'update',
            before: { id, exportedAt: before.exportedAt },
            after: brief,
          }
        : creation('report', brief),
    );
    return archived;
  });
}
