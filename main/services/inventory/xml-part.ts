/**
 * One XML part of a package, parsed as it inflates (saxes, streaming): the handlers see element names
 * without their namespace prefix. Malformed XML is a refusal that names the part.
 */
import { SaxesParser } from 'saxes';
import { UnusableFileError } from './errors';
import type { CheckedZip } from './zip-scan';
import { messageOf } from '../../../shared/errors';

export interface XmlHandlers {
  open?: (name: string, attributes: Record<string, string>) => void;
  text?: (value: string) => void;
  close?: (name: string) => void;
}

/** "x:row" → "row". */
export const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** Parses `name` (a missing part is empty); stops early once `shouldStop` says so after a chunk. */
export async function readXmlPart(
  zip: CheckedZip,
  name: string,
  limit: number | undefined,
  handlers: XmlHandlers,
  shouldStop: () => boolean = () => false,
): Promise<void> {
  if (!zip.names.has(name)) return;
  const parser = new SaxesParser({ xmlns: false });
  const { open, text, close } = handlers;
  if (open) parser.on('opentag', (tag) => open(localName(tag.name), tag.attributes));
  if (text) {
    parser.on('text', text);
    parser.on('cdata', text);
  }
  if (close) parser.on('closetag', (tag) => close(localName(tag.name)));
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of zip.inflate(name, limit)) {
      parser.write(decoder.decode(chunk, { stream: true }));
      if (shouldStop()) return;
    }
    parser.write(decoder.decode());
    parser.close();
  } catch (error) {
    if (error instanceof UnusableFileError) throw error;
    throw new UnusableFileError(
      `the workbook part ${name} is not well-formed XML (${messageOf(error)}); open the file in Excel and save it again`,
    );
  }
}
