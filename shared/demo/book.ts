/** The demo partner book: who the customers are and how their contracts and inventories behave. */
import type { Category } from '../model/category';
import type { CountryCode } from '../terms/holidays';
import type { CurrencyCode } from '../terms/money';

export interface DemoCategoryPlan {
  category: Category;
  installedAtStart: number;
  agreedGrowth: number;
  /** Annual price per device, in the contract currency's major unit. */
  unitPrice: number;
  /** Count at the latest month as a share of ordered units (1.12 = 12 % above ordered). */
  endRatio: number;
}

export interface DemoCustomerPlan {
  name: string;
  country: CountryCode;
  currency: CurrencyCode;
  city: string;
  sites: number;
  /** The term starts this many months before the as-of month, on this day: terms stay current. */
  termStart: { monthsBefore: number; day: number };
  historyMonths: number;
  blocksPerMonth: number;
  categories: DemoCategoryPlan[];
  /** Extra devices of models the catalog does not know. */
  unknownModels?: { model: string; devices: number }[];
  /** Devices of end-of-life models. */
  eolDevices?: number;
  /** A category whose due true-up the demo has already quoted (a true-up in progress). */
  quotedTrueUp?: Category;
}

export const DEMO_CSM = 'Karin Lindqvist';
export const DEMO_ACCOUNT_MANAGER = 'Jonas Berg';

const h = (
  installedAtStart: number,
  agreedGrowth: number,
  unitPrice: number,
  endRatio: number,
) => ({ installedAtStart, agreedGrowth, unitPrice, endRatio });

export const DEMO_BOOK: readonly DemoCustomerPlan[] = [
  {
    name: 'Contoso AB',
    country: 'SE',
    currency: 'SEK',
    city: 'Stockholm',
    sites: 4,
    termStart: { monthsBefore: 10, day: 1 },
    historyMonths: 18,
    blocksPerMonth: 2,
    categories: [
      { category: 'video', ...h(90, 10, 4900, 1.12) },
      { category: 'headsets', ...h(380, 20, 490, 1.01) },
    ],
  },
  {
    name: 'Nordlys Energi AS',
    country: 'NO',
    currency: 'NOK',
    city: 'Oslo',
    sites: 3,
    termStart: { monthsBefore: 8, day: 15 },
    historyMonths: 14,
    blocksPerMonth: 1,
    categories: [
      { category: 'voice', ...h(36, 4, 1200, 1.125) },
      { category: 'video', ...h(18, 2, 5200, 0.95) },
    ],
    quotedTrueUp: 'voice',
  },
  {
    name: 'Fabrikam Logistics GmbH',
    country: 'DE',
    currency: 'EUR',
    city: 'Hamburg',
    sites: 5,
    termStart: { monthsBefore: 1, day: 1 },
    historyMonths: 24,
    blocksPerMonth: 2,
    categories: [
      { category: 'voice', ...h(28, 2, 99.9, 1.07) },
      { category: 'headsets', ...h(220, 30, 45, 1.0) },
    ],
  },
  {
    name: 'Skärgårdens Vård AB',
    country: 'SE',
    currency: 'SEK',
    city: 'Norrtälje',
    sites: 3,
    termStart: { monthsBefore: 9, day: 1 },
    historyMonths: 12,
    blocksPerMonth: 1,
    categories: [
      { category: 'headsets', ...h(150, 10, 520, 1.03) },
      { category: 'voice', ...h(60, 0, 690, 0.98) },
    ],
    unknownModels: [
      { model: 'Poly Mystery 9', devices: 4 },
      { model: 'Plantronics Nova X2', devices: 2 },
    ],
  },
  {
    name: 'Göta Kanal Logistik AB',
    country: 'SE',
    currency: 'SEK',
    city: 'Göteborg',
    sites: 2,
    termStart: { monthsBefore: 11, day: 1 },
    historyMonths: 20,
    blocksPerMonth: 0,
    categories: [{ category: 'video', ...h(24, 2, 5100, 1.2) }],
  },
  {
    name: 'Helsinki Design Oy',
    country: 'FI',
    currency: 'EUR',
    city: 'Helsinki',
    sites: 2,
    termStart: { monthsBefore: 7, day: 1 },
    historyMonths: 12,
    blocksPerMonth: 1,
    categories: [
      { category: 'video', ...h(30, 5, 470, 0.9) },
      { category: 'headsets', ...h(120, 10, 48, 1.06) },
    ],
  },
  {
    name: 'Aurora Sparebank ASA',
    country: 'NO',
    currency: 'NOK',
    city: 'Bergen',
    sites: 6,
    termStart: { monthsBefore: 0, day: 1 },
    historyMonths: 22,
    blocksPerMonth: 2,
    categories: [
      { category: 'headsets', ...h(600, 40, 560, 1.09) },
      { category: 'voice', ...h(140, 10, 1250, 1.02) },
    ],
  },
  {
    name: 'Öresund Media AB',
    country: 'SE',
    currency: 'SEK',
    city: 'Malmö',
    sites: 2,
    termStart: { monthsBefore: 6, day: 1 },
    historyMonths: 12,
    blocksPerMonth: 1,
    categories: [
      { category: 'video', ...h(12, 2, 4800, 1.0) },
      { category: 'voice', ...h(40, 5, 700, 1.04) },
    ],
  },
  {
    name: 'Northwind Traders A/S',
    country: 'DK',
    currency: 'EUR',
    city: 'København',
    sites: 3,
    termStart: { monthsBefore: 10, day: 15 },
    historyMonths: 16,
    blocksPerMonth: 1,
    categories: [{ category: 'headsets', ...h(300, 20, 44, 1.06) }],
  },
  {
    name: 'Kungsholmens Advokatbyrå KB',
    country: 'SE',
    currency: 'SEK',
    city: 'Stockholm',
    sites: 1,
    termStart: { monthsBefore: 5, day: 1 },
    historyMonths: 12,
    blocksPerMonth: 0,
    categories: [
      { category: 'voice', ...h(45, 0, 650, 0.96) },
      { category: 'video', ...h(6, 0, 4700, 1.0) },
    ],
    eolDevices: 38,
  },
  {
    name: 'Vasa Försäkring AB',
    country: 'SE',
    currency: 'SEK',
    city: 'Stockholm',
    sites: 8,
    termStart: { monthsBefore: 2, day: 1 },
    historyMonths: 24,
    blocksPerMonth: 4,
    categories: [
      { category: 'headsets', ...h(34000, 1500, 450, 1.08) },
      { category: 'video', ...h(2600, 200, 4600, 1.03) },
      { category: 'voice', ...h(8400, 600, 640, 1.01) },
    ],
  },
  {
    name: 'Adatum Konsult AB',
    country: 'SE',
    currency: 'SEK',
    city: 'Uppsala',
    sites: 2,
    termStart: { monthsBefore: 4, day: 1 },
    historyMonths: 12,
    blocksPerMonth: 1,
    categories: [{ category: 'headsets', ...h(80, 10, 500, 0.92) }],
  },
];
