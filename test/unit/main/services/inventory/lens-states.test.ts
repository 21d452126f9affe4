/** Deleted and archived devices in every dialect that marks them (FORMATS.md §4, TERMS.md §12). */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseInventory, type ParseOptions } from '../../../../../main/services/inventory/parse';
import { humanReport, inspectDocument } from '../../../../../main/cli/inspect';

const options: ParseOptions = { fileName: 'lens.csv', locale: 'sv-SE', today: '2026-11-25' };
const utf8 = (text: string) => new TextEncoder().encode(text);
const parse = (bytes: Uint8Array, extra: Partial<ParseOptions> = {}) =>
  parseInventory(bytes, { ...options, ...extra });

/** Serial → mark, for every device of a parse. */
const marks = (devices: readonly { serial: string; lensState?: string }[]) =>
  Object.fromEntries(devices.map((d) => [d.serial, d.lensState ?? null]));

describe('deleted and archived devices are listed with their mark and counted nowhere', () => {
  it('reads the Status column of the Lens screens (Deleted, Archived beside Online/Offline)', async () => {
    const parsed = await parse(
      utf8(
        [
          'Device Model,Serial Number,Status,Last Detected',
          'Poly Studio X50,8L1,Online,2026-07-30T08:21:07Z',
          'Poly Studio X50,8L2,Deleted,2026-05-02T08:00:00Z',
          'Poly Studio X50,8L3,Archived,2026-03-01T08:00:00Z',
          'Poly CCX 400,CCX1,Offline,2026-07-30T08:00:00Z',
        ].join('\n'),
      ),
    );
    expect(parsed.rejected).toEqual([]);
    expect(marks(parsed.devices)).toEqual({
      '8L1': null,
      '8L2': 'deleted',
      '8L3': 'archived',
      CCX1: null,
    });
    expect(parsed.devices.find((d) => d.serial === '8L2')?.online).toBeNull();
    expect(parsed.summary.counts).toEqual({ headsets: 0, video: 1, voice: 1 });
    expect(parsed.summary.excluded).toEqual({
      eol: 0,
      quote: 0,
      software: 0,
      unknown: 0,
      deleted: 1,
      archived: 1,
      stale: 0,
    });
    // The model is still what the catalog says, whatever one of its devices is marked.
    expect(parsed.summary.models.find((m) => m.model === 'Poly Studio X50')).toMatchObject({
      cls: 'video',
      devices: 3,
    });
  });

  it('reads the snake_case export’s deleted and archived flags', async () => {
    const parsed = await parse(
      utf8(
        [
          'device_model,serial_number,connected,deleted,archived',
          'Poly CCX 400,A1,true,false,false',
          'Poly CCX 400,A2,false,true,false',
          'Poly CCX 400,A3,false,false,true',
          'Poly CCX 400,A4,false,true,true',
        ].join('\r\n'),
      ),
    );
    expect(marks(parsed.devices)).toEqual({
      A1: null,
      A2: 'deleted',
      A3: 'archived',
      A4: 'deleted',
    });
    expect(parsed.summary.counts.voice).toBe(1);
    expect(parsed.summary.excluded).toMatchObject({ deleted: 2, archived: 1 });
  });

  it('reads Swedish Excel’s Borttagen and Arkiverad columns (Windows-1252, semicolons, Ja/Nej)', async () => {
    const text = [
      'Enhetsmodell;Serienummer;Status;Borttagen;Arkiverad;Plats',
      'Poly Voyager Focus 2 UC;H1;Ansluten;Nej;Nej;Malmö',
      'Poly Voyager Focus 2 UC;H2;Frånkopplad;Ja;Nej;Malmö',
      'Poly Voyager Focus 2 UC;H3;Frånkopplad;;Ja;Göteborg',
    ].join('\r\n');
    const parsed = await parse(new Uint8Array(iconv.encode(text, 'win1252')));
    expect(marks(parsed.devices)).toEqual({ H1: null, H2: 'deleted', H3: 'archived' });
    expect(parsed.devices.map((d) => d.site)).toEqual(['Malmö', 'Malmö', 'Göteborg']);
    expect(parsed.summary.counts.headsets).toBe(1);
    // The site figures count only what is counted.
    expect(parsed.summary.sites.map((s) => [s.site, s.counts.headsets, s.excluded])).toEqual([
      ['Göteborg', 0, 1],
      ['Malmö', 1, 1],
    ]);
  });

  it('reads a workbook’s State column and boolean Deleted cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Devices');
    sheet.addRow(['Device Model', 'Serial Number', 'State', 'Deleted']);
    sheet.addRow(['Poly Studio X30', 'X1', 'Active', false]);
    sheet.addRow(['Poly Studio X30', 'X2', 'Archived', false]);
    sheet.addRow(['Poly Studio X30', 'X3', 'Active', true]);
    sheet.addRow(['Poly Studio X30', 'X4', 'In service', false]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const parsed = await parse(bytes, { fileName: 'lens.xlsx' });
    expect(marks(parsed.devices)).toEqual({ X1: null, X2: 'archived', X3: 'deleted', X4: null });
    expect(parsed.summary.counts.video).toBe(2);
  });

  it('rejects a row whose flag is neither yes nor no, naming the row and the value', async () => {
    const parsed = await parse(
      utf8(
        ['Device Model,Serial Number,Deleted', 'Poly CCX 400,A1,no', 'Poly CCX 400,A2,maybe'].join(
          '\n',
        ),
      ),
    );
    expect(parsed.devices.map((d) => d.serial)).toEqual(['A1']);
    expect(parsed.rejected).toEqual([
      { row: 3, reason: 'Deleted "maybe" is not yes/no, true/false or ja/nej' },
    ]);
  });

  it('shows the marked devices in what `csm inspect` prints', async () => {
    const parsed = await parse(
      utf8(
        [
          'Device Model,Serial Number,Status',
          'Poly CCX 400,A1,Online',
          'Poly CCX 400,A2,Deleted',
        ].join('\n'),
      ),
    );
    const doc = inspectDocument(parsed);
    expect(doc.notCounted).toEqual([
      { id: 'A2', model: 'Poly CCX 400', reason: 'deleted', lastDetected: null },
    ]);
    const human = humanReport(doc);
    expect(human).toContain('unknown 0, deleted 1, archived 0');
    expect(human).toContain('  deleted in Lens: A2 (Poly CCX 400), last detected never');
    expect(doc.excluded).toEqual({
      eol: 0,
      quote: 0,
      software: 0,
      unknown: 0,
      deleted: 1,
      archived: 0,
      stale: 0,
    });
  });
});
