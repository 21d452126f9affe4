/**
 * Pictures in a streamed workbook. exceljs's streaming writer cannot place images, so the finished
 * .xlsx is opened, each picture added as a drawing on its sheet, and the package written again: the
 * entries that do not change (the big device sheet among them) are copied as they are, still compressed.
 */
import { crc32 } from 'node:zlib';
import { xmlSafe } from '../../shared/xml-text';
import { deflated, entryText, readEntries, writeZip, type Entry } from './zip-entries';

export interface SheetImage {
  /** 1-based sheet number (the order sheets were added). */
  sheet: number;
  bytes: Uint8Array;
  extension: 'png' | 'jpeg';
  /** Top-left cell, 0-based. */
  column: number;
  row: number;
  width: number;
  height: number;
  description: string;
}

const EMU_PER_PIXEL = 9525;

const xmlAttribute = (text: string) =>
  xmlSafe(text).replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

function drawingXml(images: readonly SheetImage[], firstRel: number): string {
  const anchors = images.map((image, i) => {
    const cx = image.width * EMU_PER_PIXEL;
    const cy = image.height * EMU_PER_PIXEL;
    return `<xdr:oneCellAnchor><xdr:from><xdr:col>${image.column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${image.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="${cx}" cy="${cy}"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${i + 2}" name="Picture ${i + 1}" descr="${xmlAttribute(image.description)}"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId${firstRel + i}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${anchors.join('')}</xdr:wsDr>`;
}

const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export async function addImages(
  workbook: Uint8Array,
  images: readonly SheetImage[],
): Promise<Uint8Array> {
  if (images.length === 0) return workbook;
  const entries = await readEntries(workbook);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const added: Entry[] = [];
  const sheets = [...new Set(images.map((i) => i.sheet))];
  let media = 0;
  const overrides: string[] = [];
  for (const [d, sheet] of sheets.entries()) {
    const mine = images.filter((i) => i.sheet === sheet);
    const drawing = `xl/drawings/drawing${d + 1}.xml`;
    const rels = mine.map((image, i) => {
      media++;
      const target = `media/image${media}.${image.extension === 'png' ? 'png' : 'jpeg'}`;
      added.push({
        name: `xl/${target}`,
        method: 0,
        crc: crc32(image.bytes) >>> 0,
        size: image.bytes.length,
        data: Buffer.from(image.bytes),
      });
      return `<Relationship Id="rId${i + 1}" Type="${RELS}/image" Target="../${target}"/>`;
    });
    added.push(deflated(drawing, drawingXml(mine, 1)));
    added.push(
      deflated(
        `xl/drawings/_rels/drawing${d + 1}.xml.rels`,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
      ),
    );
    overrides.push(
      `<Override PartName="/${drawing}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`,
    );
    const sheetName = `xl/worksheets/sheet${sheet}.xml`;
    const sheetEntry = byName.get(sheetName);
    if (!sheetEntry) throw new Error(`the workbook has no sheet ${sheet}`);
    const xml = entryText(sheetEntry);
    const at =
      ['<legacyDrawing', '<tableParts', '<extLst', '</worksheet>']
        .map((tag) => xml.indexOf(tag))
        .find((i) => i >= 0) ?? xml.length;
    byName.set(
      sheetName,
      deflated(sheetName, `${xml.slice(0, at)}<drawing r:id="rIdPictures"/>${xml.slice(at)}`),
    );
    const relsName = `xl/worksheets/_rels/sheet${sheet}.xml.rels`;
    const relation = `<Relationship Id="rIdPictures" Type="${RELS}/drawing" Target="../drawings/drawing${d + 1}.xml"/>`;
    const existing = byName.get(relsName);
    byName.set(
      relsName,
      deflated(
        relsName,
        existing
          ? entryText(existing).replace('</Relationships>', `${relation}</Relationships>`)
          : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relation}</Relationships>`,
      ),
    );
  }
  const types = byName.get('[Content_Types].xml');
  if (!types) throw new Error('the workbook has no content types');
  let typesXml = entryText(types);
  for (const [extension, type] of [
    ['png', 'image/png'],
    ['jpeg', 'image/jpeg'],
  ] as const)
    if (!typesXml.includes(`Extension="${extension}"`))
      typesXml = typesXml.replace(
        '<Default ',
        `<Default Extension="${extension}" ContentType="${type}"/><Default `,
      );
  typesXml = typesXml.replace('</Types>', `${overrides.join('')}</Types>`);
  byName.set('[Content_Types].xml', deflated('[Content_Types].xml', typesXml));
  return writeZip([...byName.values(), ...added]);
}
