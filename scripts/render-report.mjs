#!/usr/bin/env node
// Renders the demo's monthly report as a customer sees it, to read every page before a release
// (issue 22): the demo files (`csm demo`), each customer's report workbook and its PDF in English and
// Swedish (`csm report --pdf`, with a partner name and a logo), each workbook printed to PDF by
// LibreOffice headless (into workbook/), and every page of both as a PNG (pdftoppm, 60 dpi): the
// report's own PDF as NAME-N.png, the workbook's print as workbook/NAME-N.png. Prints the page counts.
//
//   node scripts/render-report.mjs OUT-DIR [--customer "Contoso AB"] [--month 2026-11]
//
// Without --customer it renders Contoso AB (about 30 s); --customer all renders every demo customer
// (LibreOffice takes minutes over the large device sheets). Page 1 of each PDF is the first page, the
// one a customer reads; test/unit/main/services/first-page-workbook.test.ts checks it stays one page.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const out = args[0] && !args[0].startsWith('--') ? resolve(args[0]) : null;
if (!out) {
  process.stderr.write(
    'usage: node scripts/render-report.mjs OUT-DIR [--customer NAME|all] [--month YYYY-MM]\n',
  );
  process.exit(2);
}
const month = option('month', '2026-11');
const customer = option('customer', 'Contoso AB');
const root = resolve(import.meta.dirname, '..');
const run = (command, argv) => execFileSync(command, argv, { cwd: root, encoding: 'utf8' });
const csm = (...argv) => run(process.execPath, ['bin/csm.mjs', ...argv]);

/** A PNG of RGB rows (filter 0 on each), as a logo: written here so the script needs no picture. */
function png(width, height, pixel) {
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), y * (width * 3 + 1) + 1 + x * 3);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// A partner's mark: three rising bars in the partner's blue and teal on white, 3:1.
const logo = png(180, 60, (x, y) => {
  const bar = Math.floor((x - 8) / 18);
  const top = 44 - bar * 14;
  if (x >= 8 && bar < 3 && (x - 8) % 18 < 14 && y >= top && y < 52)
    return bar === 2 ? [0x00, 0x91, 0xd5] : [0x1c, 0x4e, 0x80];
  if (x >= 66 && x < 172 && y >= 22 && y < 30) return [0x1c, 0x4e, 0x80];
  if (x >= 66 && x < 140 && y >= 36 && y < 42) return [0x86, 0x8e, 0x96];
  return [0xff, 0xff, 0xff];
});

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const logoFile = join(out, 'partner-logo.png');
writeFileSync(logoFile, logo);
const demo = JSON.parse(
  csm('demo', '--out', join(out, 'demo'), '--as-of', `${month}-20`, '--json'),
);
const [register, ...inventories] = demo.files;

for (const language of ['en', 'sv']) {
  const dir = join(out, language);
  const written = JSON.parse(
    csm(
      'report',
      '--contracts',
      register,
      ...inventories.flatMap((f) => ['--inventory', f]),
      '--month',
      month,
      '--out',
      dir,
      '--language',
      language,
      '--partner',
      'Nordic AV Partner AB',
      '--logo',
      logoFile,
      '--pdf',
      '--json',
    ),
  ).files;
  const chosen = written.filter(
    (f) =>
      f.endsWith('.xlsx') &&
      !/portfolio [\d-]+\.xlsx$/.test(f) &&
      (customer === 'all' || f.includes(customer)),
  );
  const printed = join(dir, 'workbook');
  mkdirSync(printed, { recursive: true });
  run('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', printed, ...chosen]);
  for (const file of chosen) {
    const name = basename(file, '.xlsx');
    for (const pdf of [join(dir, `${name}.pdf`), join(printed, `${name}.pdf`)]) {
      const pages = /Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))?.[1];
      run('pdftoppm', ['-png', '-r', '60', pdf, pdf.replace(/\.pdf$/, '')]);
      process.stdout.write(`${language} ${pdf} (${pages} pages)\n`);
    }
  }
  const images = [dir, printed].flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.png')));
  process.stdout.write(`${language}: ${images.length} page images in ${dir}\n`);
}
