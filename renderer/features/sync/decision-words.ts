/**
 * A decision in the user's words (issue 21): the record as users know it ("Contoso AB · PE-1006 ·
 * Video", a time entry's date, person, duration and customer, an RMA's serial), each field by the
 * label its form uses, each value as the app shows it (money with its currency, dates, durations,
 * states in words). Never JSON, never an ID.
 */
import { useTranslation } from 'react-i18next';
import { isCategory } from '../../../shared/model/category';
import { hoursText } from '../../../shared/service/time';
import { segmentsOf } from '../../../shared/sync/paths';
import type { CurrencyCode } from '../../../shared/terms/money';
import { useFormat } from '../../components/format';
import type { DecisionSubject } from '../../db/sync-subjects';
import type { SyncDecision } from '../../db/sync-rows';

type Row = Record<string, unknown>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T/;
const MONTH = /^\d{4}-\d{2}$/;
/** Ids are not words: a field that holds one is shown by what it names, or not at all. */
const ID_FIELDS = new Set(['id', 'customerId', 'contractId', 'caseId', 'importId']);

/** Where each field's label lives, first match wins. */
const FIELD_LABELS = [
  'contract.fields',
  'service.fields',
  'trueUps',
  'customerForm.fields',
  // The partner terms' own fields (their brand among them) as Settings labels them.
  'settings',
];

/** The partner brand's fields, labelled as Settings labels them. */
const BRAND_LABELS: Readonly<Record<string, string>> = {
  name: 'settings.brandName',
  logo: 'settings.brandLogo',
};

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

export function useDecisionWords() {
  const { t, i18n } = useTranslation();
  const format = useFormat();

  /** One field's label ("unitPriceMinor" as its form labels the amount: "Unit price"). */
  const label = (name: string): string => {
    const base = name.replace(/Minor$/, '');
    const prefix = FIELD_LABELS.find((p) => i18n.exists(`${p}.${base}`));
    if (prefix) return t(`${prefix}.${base}`);
    const brandLabel = BRAND_LABELS[base];
    return brandLabel ? t(brandLabel) : t('teamSync.decisions.otherField');
  };

  /**
   * A path (shared/sync/paths) in the form's words: the field, the line by its name (a category in
   * its word) and the line's field, as "Categories › Video › Unit price (annual)".
   */
  const field = (path: string): string => {
    const [name = path, line, sub] = segmentsOf(path);
    const lineWord =
      line === undefined
        ? []
        : [i18n.exists(`categories.${line}`) ? t(`categories.${line}`) : line];
    return [label(name), ...lineWord, ...(sub === undefined ? [] : [label(sub)])].join(' › ');
  };

  /** An enum's word, where the app has one. */
  const word = (name: string, value: string): string => {
    const keys: Record<string, string> = {
      state: `trueUps.states.${value}`,
      activity: `service.activities.${value}`,
      category: `categories.${value}`,
      status: `service.case.statuses.${value}`,
      role: `teamSync.roles.${value}`,
    };
    const key = keys[name];
    return key && i18n.exists(key) ? t(key) : value;
  };

  const value = (path: string, raw: unknown, currency?: CurrencyCode): string => {
    const last = segmentsOf(path).at(-1) ?? path;
    if (raw === null || raw === undefined || raw === '') return '–';
    if (typeof raw === 'boolean') return t(raw ? 'common.yes' : 'common.no');
    if (typeof raw === 'number') {
      if (last.endsWith('Minor') && currency) return format.money({ minor: raw, currency });
      if (last === 'minutes') return hoursText(raw);
      if (last.endsWith('Pct')) return `${format.number(raw)} %`;
      return format.number(raw);
    }
    if (typeof raw === 'string') {
      if (ID_FIELDS.has(last)) return '…';
      // A logo is a picture, not its bytes written out.
      if (raw.startsWith('data:image/')) return t('settings.brandLogo');
      if (INSTANT.test(raw)) return format.dateTime(raw);
      if (DATE.test(raw)) return format.date(raw);
      if (MONTH.test(raw)) return format.month(raw);
      return word(last, raw);
    }
    if (Array.isArray(raw)) {
      if (raw.length === 0) return '–';
      return raw.map((item) => value(last, item, currency)).join(', ');
    }
    // A line of a list (a contract's category): named by its category first, then its fields.
    const line = raw as Row;
    const category = str(line['category']);
    const head = isCategory(category) ? `${t(`categories.${category}`)}: ` : '';
    return (
      head +
      Object.entries(line)
        .filter(([k]) => !ID_FIELDS.has(k) && k !== 'category')
        .map(([k, v]) => `${label(k)} ${value(k, v, currency)}`)
        .join(', ')
    );
  };

  /** The record as users know it. */
  const subject = (decision: SyncDecision, about: DecisionSubject | undefined): string => {
    const record = about?.record ?? {};
    const customer = about?.customer;
    const contract = about?.contract?.number;
    const parts: (string | undefined)[] = (() => {
      switch (decision.entity) {
        case 'customers':
          return [str(record['name'])];
        case 'contracts':
          return [customer, str(record['number'])];
        case 'trueUps':
          return [
            customer,
            contract,
            isCategory(str(record['category'])) ? t(`categories.${str(record['category'])}`) : '',
            str(record['termStart']) ? format.date(str(record['termStart'])) : '',
          ];
        case 'timeEntries':
          return [
            str(record['date']) ? format.date(str(record['date'])) : '',
            str(record['user']),
            typeof record['minutes'] === 'number' ? hoursText(record['minutes']) : '',
            customer,
          ];
        case 'rmas':
          return [customer, str(record['serial'])];
        case 'cases':
        case 'ecpsIncidents':
          return [customer, str(record['title']) || str(record['trackingNumber'])];
        case 'sites':
          return [customer, str(record['name'])];
        case 'reports':
          return [customer, str(record['month']) ? format.month(str(record['month'])) : ''];
        case 'snapshots':
          return [customer, str(record['asOf']) ? format.date(str(record['asOf'])) : ''];
        case 'imports':
          return [customer, str(record['fileName'])];
        case 'catalogOverrides':
          return [str(record['pattern'])];
        case 'eolRegister':
          return [str(record['model'])];
        case 'partnerTerms':
          return [];
      }
    })();
    return parts.filter((part) => part).join(' · ');
  };

  return { field, value, subject };
}
