/**
 * What a workbook becomes when it is saved under a name: its PDF (the sheets marked for it) for a .pdf
 * name, else the .xlsx. The app's saves, the browser host and `csm report` all build through here.
 */
import type { WorkbookSpec } from '../../shared/workbook-spec';
import { buildPdf } from './pdf/report-pdf';
import { buildWorkbook } from './workbook';

export const isPdfName = (name: string) => /\.pdf$/i.test(name);

export function buildExport(name: string, spec: WorkbookSpec): Promise<Uint8Array> {
  return isPdfName(name) ? buildPdf(spec) : buildWorkbook(spec);
}
