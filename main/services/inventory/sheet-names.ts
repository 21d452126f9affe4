/**
 * Sheet names by worksheet file, read from the workbook part before streaming. exceljs's streaming reader
 * only knows a sheet's name once it has read xl/workbook.xml, which many writers (exceljs among them)
 * put last in the package; this map names the sheets whatever the order.
 */
import { entryText, readEntries } from '../zip-entries';

const PARTS = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels'];

async function readParts(bytes: Uint8Array): Promise<Map<string, string>> {
  const entries = await readEntries(
    bytes,
    (name, size) => PARTS.includes(name) && size <= 8 * 2 ** 20,
  );
  return new Map(entries.map((entry) => [entry.name, entryText(entry)]));
}

const decode = (text: string) =>
  text.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] ?? '',
  );

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** Worksheet file number ("2" for xl/worksheets/sheet2.xml) → the sheet's name. */
export async function sheetNames(bytes: Uint8Array): Promise<Map<string, string>> {
  const parts = await readParts(bytes);
  const targets = new Map<string, string>();
  for (const [tag] of (parts.get('xl/_rels/workbook.xml.rels') ?? '').matchAll(
    /<Relationship\b[^>]*>/g,
  )) {
    const file = /worksheets\/sheet(\d+)\.xml$/.exec(attribute(tag, 'Target') ?? '')?.[1];
    const id = attribute(tag, 'Id');
    if (file && id) targets.set(id, file);
  }
  const names = new Map<string, string>();
  for (const [tag] of (parts.get('xl/workbook.xml') ?? '').matchAll(/<sheet\b[^>]*>/g)) {
    const file = targets.get(attribute(tag, 'r:id') ?? '');
    const name = attribute(tag, 'name');
    if (file && name !== undefined) names.set(file, decode(name));
  }
  return names;
}
