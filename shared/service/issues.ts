/** What can be wrong with a service record, as codes with the field and value (translated in the UI). */
export const SERVICE_ISSUE_CODES = [
  'required',
  'serialRequired',
  'siteIdRequired',
  'siteIdIsSerial',
  'invalidDate',
  'invalidDateTime',
  'beforeDate',
  'inFuture',
  'notQuarterHours',
  'tooLong',
  'invalidChoice',
] as const;
export type ServiceIssueCode = (typeof SERVICE_ISSUE_CODES)[number];

export interface ServiceIssue {
  code: ServiceIssueCode;
  field: string;
  /** The value found, or for beforeDate the date it may not precede. */
  value: string;
}

const MESSAGES: Record<ServiceIssueCode, (i: ServiceIssue) => string> = {
  required: (i) => `${i.field} is required`,
  serialRequired: () => 'an RMA needs the product’s serial number',
  siteIdRequired: () => 'a support case needs the customer’s site ID (never a serial number)',
  siteIdIsSerial: (i) => `${i.value} is a device’s serial number, not the customer’s site ID`,
  invalidDate: (i) => `${i.field} must be a date YYYY-MM-DD, not ${JSON.stringify(i.value)}`,
  invalidDateTime: (i) => `${i.field} must be a date and time, not ${JSON.stringify(i.value)}`,
  beforeDate: (i) => `${i.field} may not be before ${i.value}`,
  inFuture: (i) => `${i.field} may not be after today (${i.value})`,
  notQuarterHours: (i) => `${i.field} must be in 15-minute steps, not ${JSON.stringify(i.value)}`,
  tooLong: (i) => `${i.field} may be at most 24 hours, not ${JSON.stringify(i.value)}`,
  invalidChoice: (i) => `${i.field} cannot be ${JSON.stringify(i.value)}`,
};

export function serviceIssueMessage(issue: ServiceIssue): string {
  return MESSAGES[issue.code](issue);
}

/** Thrown by repositories when a record breaks a rule; forms show each issue beside its field. */
export class ServiceIssuesError extends Error {
  constructor(readonly issues: ServiceIssue[]) {
    super(issues.map(serviceIssueMessage).join('; '));
    this.name = 'ServiceIssuesError';
  }
}
