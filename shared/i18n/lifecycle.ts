/**
 * The lifecycle view's and the replacement list's words (issue 24, TERMS.md §12), in English and
 * Swedish; en.ts and sv.ts hold them under `lifecycle`.
 */
export const lifecycleEn = {
  title: 'Lifecycle',
  tab: 'Lifecycle',
  intro:
    'Devices counted today whose model reaches end of support or end of life within the window, by site and model: what to quote replacements for.',
  portfolioIntro:
    'Every customer’s devices counted today whose model reaches end of support or end of life within the window, per model.',
  window: 'Reaching an end within',
  months: '{{count}} months',
  until: 'Until {{date}}',
  reachingCount_one: '{{count}} device reaches an end by {{date}}',
  reachingCount_other: '{{count}} devices reach an end by {{date}}',
  empty:
    'No device counted today reaches end of support or end of life in the next {{count}} months.',
  noInventory: 'No inventory yet: import one to see its lifecycle.',
  noSite: 'No site',
  asOfToday: 'The lifecycle is as of today ({{date}}), whichever month the dashboard shows.',
  past: 'Support already ended',
  pastHint: 'End of support has passed for these; their end of life is not within the window.',
  totals: 'Total per model',
  chart: 'Devices reaching an end per month',
  export: 'Export replacement list',
  exported: 'Replacement list saved: {{path}}',
  fileName: '{{name}} – replacement list {{date}}.xlsx',
  notice: 'Notice',
  passed: 'passed',
  columns: {
    customer: 'Customer',
    site: 'Site',
    model: 'Model',
    quantity: 'Quantity',
    endOfSupport: 'End of support',
    endOfLife: 'End of life',
    source: 'Source',
    note: 'Note',
    notice: 'Notice link',
    reaching: 'Reaches',
  },
  milestones: { endOfSupport: 'End of support', endOfLife: 'End of life' },
  sources: { register: 'EOL register', catalog: 'Catalog' },
  sourceEach: '{{milestone}}: {{source}}',
  workbook: {
    sheet: 'Replacement list',
    title: 'Replacement list · {{name}}',
    window:
      'Devices counted on {{asOf}} reaching end of support or end of life by {{until}} ({{months}} months)',
    portfolio: 'Portfolio',
  },
};

export type LifecycleMessages = typeof lifecycleEn;

export const lifecycleSv: LifecycleMessages = {
  title: 'Livscykel',
  tab: 'Livscykel',
  intro:
    'Enheter som räknas i dag vars modell når slut på support eller slut på livslängd inom perioden, per plats och modell: det som ska offereras ersättning för.',
  portfolioIntro:
    'Alla kunders enheter som räknas i dag vars modell når slut på support eller slut på livslängd inom perioden, per modell.',
  window: 'Når sitt slut inom',
  months: '{{count}} månader',
  until: 'Till och med {{date}}',
  reachingCount_one: '{{count}} enhet når sitt slut senast {{date}}',
  reachingCount_other: '{{count}} enheter når sitt slut senast {{date}}',
  empty:
    'Ingen enhet som räknas i dag når slut på support eller slut på livslängd de närmaste {{count}} månaderna.',
  noInventory: 'Ingen inventering än: importera en för att se livscykeln.',
  noSite: 'Ingen plats',
  asOfToday: 'Livscykeln gäller i dag ({{date}}), vilken månad översikten än visar.',
  past: 'Supporten har redan upphört',
  pastHint: 'Supporten har upphört för dessa; slutet på livslängden ligger inte inom perioden.',
  totals: 'Summa per modell',
  chart: 'Enheter som når sitt slut per månad',
  export: 'Exportera ersättningslista',
  exported: 'Ersättningslistan sparades: {{path}}',
  fileName: '{{name}} – ersättningslista {{date}}.xlsx',
  notice: 'Meddelande',
  passed: 'passerat',
  columns: {
    customer: 'Kund',
    site: 'Plats',
    model: 'Modell',
    quantity: 'Antal',
    endOfSupport: 'Slut på support',
    endOfLife: 'Slut på livslängd',
    source: 'Källa',
    note: 'Anteckning',
    notice: 'Länk till meddelandet',
    reaching: 'Når',
  },
  milestones: { endOfSupport: 'Slut på support', endOfLife: 'Slut på livslängd' },
  sources: { register: 'EOL-registret', catalog: 'Katalogen' },
  sourceEach: '{{milestone}}: {{source}}',
  workbook: {
    sheet: 'Ersättningslista',
    title: 'Ersättningslista · {{name}}',
    window:
      'Enheter som räknas {{asOf}} och når slut på support eller slut på livslängd senast {{until}} ({{months}} månader)',
    portfolio: 'Portfölj',
  },
};
