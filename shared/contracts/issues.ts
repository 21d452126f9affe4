/**
 * What can be wrong with a contract, as codes with the offending value. Forms and the register report
 * translate the codes (renderer i18n); the `csm` command prints the English messages below.
 */
export const CONTRACT_ISSUE_CODES = [
  'required',
  'notWholeNumber',
  'invalidDate',
  'invalidMonth',
  'invalidCurrency',
  'invalidCategory',
  'invalidAmount',
  'invalidPercent',
  'invalidTermMonths',
  'adjustmentOutsideTerm',
  'duplicateCategory',
  'duplicateNumber',
  'conflictingValue',
  'currencyMismatch',
  'noCategory',
  'notEligible',
  'numberOfOtherCustomer',
] as const;
export type ContractIssueCode = (typeof CONTRACT_ISSUE_CODES)[number];

export interface ContractIssue {
  code: ContractIssueCode;
  /** The field (register column name for the register, form field for the editor). */
  field: string;
  /** The value found, as text; '' when there was none. */
  value: string;
  /** A register conflict: the contract, the other value and the rows of both. */
  contract?: string;
  other?: string;
  otherRow?: number;
  row?: number;
}

const MESSAGES: Record<ContractIssueCode, (issue: ContractIssue) => string> = {
  required: (i) => `${i.field} is required`,
  notWholeNumber: (i) => `${i.field} must be a whole number of 0 or more, not ${q(i.value)}`,
  invalidDate: (i) => `${i.field} must be a date YYYY-MM-DD, not ${q(i.value)}`,
  invalidMonth: (i) => `${i.field} must be a month YYYY-MM, not ${q(i.value)}`,
  invalidCurrency: (i) => `${i.field} must be an ISO 4217 currency code, not ${q(i.value)}`,
  invalidCategory: (i) => `${i.field} must be headsets, video or voice, not ${q(i.value)}`,
  invalidAmount: (i) => `${i.field} must be an amount of 0 or more, not ${q(i.value)}`,
  invalidPercent: (i) =>
    `${i.field} must be a percentage of 0 or more with at most two decimals, not ${q(i.value)}`,
  invalidTermMonths: (i) =>
    `${i.field} must be a whole number of months from 1 to 120, not ${q(i.value)}`,
  adjustmentOutsideTerm: (i) => `${i.field} ${q(i.value)} is outside the term`,
  duplicateCategory: (i) => `category ${q(i.value)} appears twice in the contract`,
  duplicateNumber: (i) => `contract number ${q(i.value)} is already used by another contract`,
  conflictingValue: (i) =>
    i.contract
      ? `${i.contract}: ${i.field} is ${i.other ?? ''} on row ${i.otherRow ?? ''} and ${i.value} on row ${i.row ?? ''}`
      : `${i.field} ${q(i.value)} differs from the contract's earlier rows`,
  currencyMismatch: (i) =>
    i.contract
      ? `${i.contract}: the currency is ${i.other ?? ''} on row ${i.otherRow ?? ''} and ${i.value} on row ${i.row ?? ''}`
      : `the currency ${q(i.value)} differs from the contract's earlier rows or its true-ups`,
  noCategory: () => 'the contract needs at least one category',
  notEligible: (i) => `no chosen category meets the partner's eligibility minimum (${i.value})`,
  numberOfOtherCustomer: (i) =>
    `${i.contract ?? i.value} belongs to ${i.other ?? ''} in this workstation, not to ${i.value}: left out`,
};

const q = (value: string) => JSON.stringify(value);

/** The English message for an issue (the `csm` command and logs). */
export function issueMessage(issue: ContractIssue): string {
  return MESSAGES[issue.code](issue);
}
