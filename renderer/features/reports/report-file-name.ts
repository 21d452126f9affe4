/** The file names of the monthly report workbooks, shared by the single and the batch export. */
import { safeFileName } from '../../../shared/files';
import type { MonthlyReport } from '../../../shared/reports/monthly';

/** A customer's report for a month: customer, contract number and month. */
export const reportFileName = (report: MonthlyReport) =>
  safeFileName(`${report.customer.name} ${report.contract?.number ?? ''} ${report.month}.xlsx`);

/** The portfolio workbook that goes into the batch export's folder with the customers' reports. */
export const portfolioFileName = (month: string) => safeFileName(`portfolio ${month}.xlsx`);
