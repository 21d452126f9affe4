import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { csm } from './run-csm';

describe('csm demo', () => {
  it('writes the demo book as Lens exports in several dialects and a contract register', async () => {
    const out = await mkdtemp(join(tmpdir(), 'csm-demo-'));
    const result = await csm('demo', '--out', out, '--as-of', '2026-11-20', '--json');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const { files } = JSON.parse(result.stdout) as { files: string[] };
    expect(files).toHaveLength(13);
    const names = await readdir(out);
    expect(names.filter((n) => n.endsWith('.csv')).length).toBeGreaterThanOrEqual(5);

    const swedish = names.find((n) => n.includes('excel-sv')) ?? '';
    const swedishBytes = await readFile(join(out, swedish));
    expect(swedishBytes.includes(Buffer.from('Ã'))).toBe(false);
    const swedishText = iconv.decode(swedishBytes, 'win1252');
    expect(swedishText.startsWith('sep=;\r\nEnhetsnamn;Enhetsmodell;Serienummer')).toBe(true);
    expect(swedishText).toMatch(/Ansluten|Frånkopplad/);
    expect(swedishText).toMatch(/;\d{2}\.\d{2}\.2026 \d{2}:\d{2};/);

    const unicode = await readFile(join(out, names.find((n) => n.endsWith('.txt')) ?? ''));
    expect([unicode[0], unicode[1]]).toEqual([0xff, 0xfe]);
    expect(iconv.decode(unicode, 'utf16le')).toContain('device_model\tserial_number');

    const large = await readFile(join(out, names.find((n) => n.includes('vasa')) ?? ''), 'utf8');
    expect(large.split('\r\n').length - 2).toBeGreaterThan(50_000);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, names.find((n) => n.endsWith('.xlsx')) ?? ''));
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(4).getCell(2).value).toBe('Device Model');
    expect(sheet?.getRow(5).getCell(7).value).toBeInstanceOf(Date);

    const register = (await readFile(join(out, 'contract-register.csv'), 'utf8')).replace(
      /^\uFEFF/,
      '',
    );
    expect(register.split('\r\n')[0]).toBe(
      'Contract ID,Customer,Master Account ID,Lens Account,Term Start,Term Months,Currency,Category,Installed At Start,Agreed Growth,Unit Price,Baseline %,Adjustment Month,CSM Blocks Per Month,RMA %,Stale Days',
    );
    expect(register).toMatch(
      /PE-1001,Contoso AB,MA-\d+,Contoso AB,2026-01-01,12,SEK,video,90,10,"4 900,00",5,2026-07,2,5/,
    );
  });

  it.each([
    [['demo'], /needs --out/],
    [['demo', '--out', '/tmp/x', '--as-of', '2026-02-30'], /--as-of must be a date/],
    [['frobnicate'], /unknown command frobnicate/],
    [['demo', '--out'], /--out needs a value/],
  ])('exits 2 with one line on stderr for %j', async (argv, message) => {
    const { code, stderr } = await csm(...argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});
