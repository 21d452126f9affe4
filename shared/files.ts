/**
 * File names made from user text (customer names, quote numbers): no folders, no path tricks, no control
 * or bidi characters (a right-to-left override can make "fdp.xlsx" read as "xslx.pdf"), no Windows
 * stream separator, none of the names Windows reserves (with or without an extension, and with the
 * trailing spaces Windows ignores), and not longer than file systems take.
 */
const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const MAX_LENGTH = 150;

export function safeFileName(name: string, fallback = 'export'): string {
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && /^\.[A-Za-z0-9]{1,8}$/.test(name.slice(dot)) ? name.slice(dot) : '';
  let stem = (extension ? name.slice(0, dot) : name)
    .normalize('NFC')
    .replace(BIDI, '')
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"/\\|?*]/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\-\s]+|[.\s]+$/g, '');
  if (RESERVED.test(stem.replace(/[\s.]+(?=\.|$)/, ''))) stem = `_${stem}`;
  stem = [...stem]
    .slice(0, MAX_LENGTH - extension.length)
    .join('')
    .trim();
  return `${stem || fallback}${extension}`;
}

/** True for a name safeFileName would leave as it is: what a save request may carry. */
export function isSafeFileName(name: string): boolean {
  return name.length > 0 && safeFileName(name) === name;
}

/** The PDF's name beside a workbook's: the same name, .pdf for .xlsx. */
export const pdfNameBeside = (name: string) => `${name.replace(/\.xlsx$/i, '')}.pdf`;
