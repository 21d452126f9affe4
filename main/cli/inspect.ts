/**
 * `csm inspect FILE [--as-of DATE] [--stale-days N] [--json]`: what a Lens inventory holds (FORMATS.md
 * §3), with devices not seen for more than N days before the as-of date not counted (TERMS.md §12).
 */
import { basename } from 'node:path';
import { createCatalog, SHIPPED_CATALOG_ENTRIES } from '../../shared/catalog';
import { classifyDevices, countDevices, notCountedDevices } from '../../shared/inventory';
import type { ReadInventory } from '../../shared/inventory/parsed';
import { localToday } from '../../shared/terms/dates';
import { IMPORT_LIMITS, readInventory } from '../services/inventory/parse';
import { named, readInput } from './files';

/** The JSON document FORMATS.md §3 specifies. */
export function inspectDocument(parsed: ReadInventory, staleDays: number | null = null) {
  const catalog = createCatalog(SHIPPED_CATALOG_ENTRIES, []);
  const summary = countDevices(
    parsed.devices,
    classifyDevices(parsed.devices, catalog, parsed.asOf, staleDays),
  );
  return {
    file: parsed.file,
    format: parsed.format,
    encoding: parsed.encoding === null ? null : parsed.encoding.replace('-bom', ''),
    delimiter: parsed.delimiter,
    asOf: parsed.asOf,
    rows: parsed.rows,
    devices: parsed.devices.length,
    duplicates: parsed.duplicates.map(({ id, rows }) => ({ id, rows })),
    rejected: parsed.rejected,
    staleDays,
    counts: summary.counts,
    excluded: summary.excluded,
    unknownModels: summary.unknownModels,
    /** Devices Lens marks deleted or archived, or stale: listed with the reason and their last detection. */
    notCounted: notCountedDevices(parsed.devices, parsed.asOf, staleDays),
    accounts: parsed.accounts.map((a) => ({
      account: a.account || a.accountId,
      devices: a.devices,
    })),
  };
}

export function humanReport(doc: ReturnType<typeof inspectDocument>): string {
  const lines = [
    `${doc.file}: ${doc.format.toUpperCase()}${doc.encoding ? `, ${doc.encoding}` : ''}${doc.delimiter ? `, separator ${JSON.stringify(doc.delimiter)}` : ''}, as of ${doc.asOf}`,
    `${doc.rows} rows, ${doc.devices} devices`,
    `counts: headsets ${doc.counts.headsets}, video ${doc.counts.video}, voice ${doc.counts.voice}`,
    `excluded: end-of-life ${doc.excluded.eol}, quote ${doc.excluded.quote}, software ${doc.excluded.software}, unknown ${doc.excluded.unknown}, deleted ${doc.excluded.deleted}, archived ${doc.excluded.archived}, stale ${doc.excluded.stale}${doc.staleDays === null ? '' : ` (not seen for more than ${doc.staleDays} days)`}`,
    ...doc.unknownModels.map(
      (m) => `  unknown model ${JSON.stringify(m.model)}: ${m.devices} devices`,
    ),
    ...doc.notCounted
      .slice(0, 50)
      .map(
        (d) =>
          `  ${d.reason === 'stale' ? 'stale' : `${d.reason} in Lens`}: ${d.id} (${d.model}), last detected ${d.lastDetected ?? 'never'}`,
      ),
    ...doc.accounts.map((a) => `account ${JSON.stringify(a.account)}: ${a.devices} devices`),
    `${doc.duplicates.length} duplicates${doc.duplicates.length ? ':' : ''}`,
    ...doc.duplicates.slice(0, 50).map((d) => `  ${d.id}: rows ${d.rows.join(', ')}`),
    `${doc.rejected.length} rejected rows${doc.rejected.length ? ':' : ''}`,
    ...doc.rejected.slice(0, 50).map((r) => `  row ${r.row}: ${r.reason}`),
  ];
  if (doc.rejected.length > 50)
    lines.push(`  … and ${doc.rejected.length - 50} more (use --json for all)`);
  return `${lines.join('\n')}\n`;
}

export async function inspect(
  path: string,
  asOf: string | undefined,
  staleDays: number | null,
  asJson: boolean,
  write: (text: string) => void,
): Promise<void> {
  const parsed = await named(path, async () =>
    readInventory(await readInput(path, IMPORT_LIMITS.bytes), {
      fileName: basename(path),
      asOf,
      locale: Intl.DateTimeFormat().resolvedOptions().locale,
      today: localToday(),
    }),
  );
  const doc = inspectDocument(parsed, staleDays);
  write(asJson ? `${JSON.stringify(doc)}\n` : humanReport(doc));
}
