/**
 * Advance hardware replacement (TERMS.md §6): the serial number is required; the replacement ships
 * the next business day in the customer's country; the defective unit is due back within the
 * contract's return business days after shipping. Late shipments and unreturned units are flagged.
 */
import type { Rma } from '../model/entities';
import { addBusinessDays, nextBusinessDay } from '../terms/business-days';
import { compareDates, isCalendarDate, type CalendarDate } from '../terms/dates';
import type { CountryCode } from '../terms/holidays';
import type { ServiceIssue } from './issues';

/** The dates the rules give an RMA: ship-by from approval, return-by from shipping. */
export function rmaDeadlines(
  rma: Pick<Rma, 'approvedOn' | 'shippedOn'>,
  country: CountryCode,
  returnBusinessDays: number,
): { shipBy: CalendarDate | null; returnBy: CalendarDate | null } {
  return {
    shipBy: rma.approvedOn ? nextBusinessDay(rma.approvedOn, country) : null,
    returnBy: rma.shippedOn ? addBusinessDays(rma.shippedOn, returnBusinessDays, country) : null,
  };
}

export interface RmaFlags {
  /** Shipped after the ship-by date, or not shipped and the ship-by date has passed. */
  isLateShipment: boolean;
  /** Not returned and the return-by date has passed. */
  isUnreturned: boolean;
}

export function rmaFlags(rma: Rma, today: CalendarDate): RmaFlags {
  const shipBy = rma.shipBy;
  return {
    isLateShipment:
      shipBy !== null &&
      (rma.shippedOn ? compareDates(rma.shippedOn, shipBy) > 0 : compareDates(today, shipBy) > 0),
    isUnreturned:
      rma.returnBy !== null && rma.returnedOn === null && compareDates(today, rma.returnBy) > 0,
  };
}

const optionalDate = (issues: ServiceIssue[], field: string, value: string | null): void => {
  if (value !== null && value !== '' && !isCalendarDate(value))
    issues.push({ code: 'invalidDate', field, value });
};

const notBefore = (
  issues: ServiceIssue[],
  field: string,
  value: string | null,
  earliest: string | null,
  earliestField: string,
) => {
  if (
    value &&
    earliest &&
    isCalendarDate(value) &&
    isCalendarDate(earliest) &&
    compareDates(value, earliest) < 0
  )
    issues.push({ code: 'beforeDate', field, value: earliestField });
};

/** An RMA's rule checks: serial required, dates real and in order (requested ≤ approved ≤ shipped ≤ returned). */
/** What is wrong with an RMA; `today` refuses a shipment or return dated in the future. */
export function rmaIssues(rma: Rma, today?: string): ServiceIssue[] {
  const issues: ServiceIssue[] = [];
  if (!rma.serial.trim()) issues.push({ code: 'serialRequired', field: 'serial', value: '' });
  if (!isCalendarDate(rma.requestedOn))
    issues.push({ code: 'invalidDate', field: 'requestedOn', value: rma.requestedOn });
  optionalDate(issues, 'approvedOn', rma.approvedOn);
  optionalDate(issues, 'shippedOn', rma.shippedOn);
  optionalDate(issues, 'returnedOn', rma.returnedOn);
  notBefore(issues, 'approvedOn', rma.approvedOn, rma.requestedOn, 'requestedOn');
  notBefore(
    issues,
    'shippedOn',
    rma.shippedOn,
    rma.approvedOn ?? rma.requestedOn,
    rma.approvedOn ? 'approvedOn' : 'requestedOn',
  );
  notBefore(issues, 'returnedOn', rma.returnedOn, rma.shippedOn, 'shippedOn');
  if (today)
    for (const field of ['shippedOn', 'returnedOn'] as const) {
      const value = rma[field];
      if (value && isCalendarDate(value) && value > today)
        issues.push({ code: 'inFuture', field, value: today });
    }
  return issues;
}
