/**
 * `csm lens-pull --tenant ID [--out FILE.csv] [--json] [--force] [--token-url URL] [--api-url URL]`
 * (FORMATS.md §4): pulls one tenant from the Lens API with the credentials in LENS_CLIENT_ID and
 * LENS_CLIENT_SECRET, prints what `csm inspect` prints for it, and writes the Lens API-dialect CSV when
 * asked. A pull that fails writes nothing.
 */
import { access as exists } from 'node:fs/promises';
import { basename } from 'node:path';
import { LENS_ENDPOINTS } from '../../shared/lens';
import { localToday } from '../../shared/terms/dates';
import { writeFileAtomic } from '../services/atomic-write';
import { UnusableFileError } from '../services/inventory/errors';
import { readInventory } from '../services/inventory/parse';
import { LensError } from '../services/lens/connector';
import { pullAsFile } from '../services/lens/pull';
import { humanReport, inspectDocument } from './inspect';

export interface LensPullRequest {
  tenant: string;
  out: string | undefined;
  isForced: boolean;
  asJson: boolean;
  tokenUrl: string | undefined;
  apiUrl: string | undefined;
  env: Record<string, string | undefined>;
}

export async function lensPull(
  request: LensPullRequest,
  write: (text: string) => void,
): Promise<void> {
  const clientId = request.env['LENS_CLIENT_ID'];
  const clientSecret = request.env['LENS_CLIENT_SECRET'];
  if (!clientId || !clientSecret)
    throw new UnusableFileError(
      'lens-pull needs the Lens API credentials in LENS_CLIENT_ID and LENS_CLIENT_SECRET',
    );
  if (
    request.out &&
    !request.isForced &&
    (await exists(request.out).then(
      () => true,
      () => false,
    ))
  )
    throw new UnusableFileError(`${request.out}: exists already (--force replaces it)`);
  let pulled;
  try {
    pulled = await pullAsFile(
      {
        tokenUrl: request.tokenUrl ?? LENS_ENDPOINTS.tokenUrl,
        apiUrl: request.apiUrl ?? LENS_ENDPOINTS.apiUrl,
        clientId,
        clientSecret,
      },
      request.tenant,
    );
  } catch (error) {
    if (error instanceof LensError) throw new UnusableFileError(`Lens pull: ${error.message}`);
    throw error;
  }
  const parsed = await readInventory(pulled.bytes, {
    fileName: request.out ? basename(request.out) : pulled.fileName,
    locale: Intl.DateTimeFormat().resolvedOptions().locale,
    today: localToday(),
  });
  if (request.out) await writeFileAtomic(request.out, pulled.bytes);
  const doc = inspectDocument(parsed);
  write(request.asJson ? `${JSON.stringify(doc)}\n` : humanReport(doc));
}
