/**
 * Text bound for an XML part of a file we write (a workbook's cells, sheet names, headers, drawings):
 * characters XML 1.0 cannot hold at all (C0 controls but tab, newline and return; lone surrogates;
 * U+FFFE and U+FFFF) are dropped, so no user text can make a file Excel offers to repair.
 */
const NOT_XML = /[^\t\n\r\u{20}-\u{d7ff}\u{e000}-\u{fffd}\u{10000}-\u{10ffff}]/gu;

/** Printable ASCII, tab and line breaks: nearly every cell, and nothing to drop. */
const PLAIN = /^[\t\n\r\x20-\x7e]*$/;

export function xmlSafe(text: string): string {
  return PLAIN.test(text) ? text : text.replace(NOT_XML, '');
}
