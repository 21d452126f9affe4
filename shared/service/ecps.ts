/**
 * Cloud partner system support (TERMS.md §8): an incident with a cloud provider needs the customer's
 * signed authorisation to act on its behalf and a current support agreement with that partner. Opening
 * one without either warns; going ahead is an override that the incident records.
 */
import type { CloudPartner, Customer } from '../model/entities';
import { compareDates, isCalendarDate, type CalendarDate } from '../terms/dates';

export type EcpsWarning =
  | { kind: 'noAuthorisation' }
  | { kind: 'noAgreement'; partner: CloudPartner }
  | { kind: 'agreementExpired'; partner: CloudPartner; validUntil: CalendarDate };

/** What stands in the way of opening an incident with `partner` on `date`; empty when nothing does. */
export function ecpsWarnings(
  customer: Pick<Customer, 'ecpsAuthorisation' | 'cloudAgreements'>,
  partner: CloudPartner,
  date: CalendarDate,
): EcpsWarning[] {
  const warnings: EcpsWarning[] = [];
  const authorisation = customer.ecpsAuthorisation;
  if (
    !authorisation ||
    !authorisation.signer.trim() ||
    !isCalendarDate(authorisation.signedOn) ||
    compareDates(authorisation.signedOn, date) > 0
  )
    warnings.push({ kind: 'noAuthorisation' });
  const agreement = (customer.cloudAgreements ?? []).find((a) => a.partner === partner);
  if (!agreement) warnings.push({ kind: 'noAgreement', partner });
  else if (compareDates(agreement.validUntil, date) < 0)
    warnings.push({ kind: 'agreementExpired', partner, validUntil: agreement.validUntil });
  return warnings;
}
