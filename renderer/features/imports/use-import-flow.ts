/**
 * The import's steps: read the file in main's worker (with progress and cancel), let the user check and
 * correct the preview, commit in one transaction, show the report. Re-reading with a corrected mapping or
 * as-of date reuses the bytes already in memory.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogEntry } from '../../../shared/catalog';
import { matchCustomer, type HeaderMapping, type ParsedInventory } from '../../../shared/inventory';
import type { Device } from '../../../shared/model/device';
import type { Customer } from '../../../shared/model/entities';
import { commitImport, type ImportOutcome } from '../../db/imports';
import { db } from '../../db/instance';
import { api } from '../../platform';

export const NEW_CUSTOMER = 'new';

export type ImportStage =
  | { step: 'idle' }
  | { step: 'reading'; done: number; total: number | null }
  | { step: 'preview' }
  | { step: 'importing' }
  | { step: 'report'; outcomes: ImportOutcome[] }
  | { step: 'failed'; message: string };

export interface SourceFile {
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
}

const accountKey = (a: { account: string; accountId: string }) =>
  `${a.account}\u0000${a.accountId}`;

export function useImportFlow(
  user: string,
  customers: readonly Customer[],
  overrides: readonly CatalogEntry[],
) {
  const { i18n } = useTranslation();
  const [stage, setStage] = useState<ImportStage>({ step: 'idle' });
  const [file, setFile] = useState<SourceFile | null>(null);
  const [parsed, setParsed] = useState<ParsedInventory | null>(null);
  /** Lens account → customer ID, or NEW_CUSTOMER. */
  const [assignments, setAssignments] = useState<Record<string, string>>({});
  const task = useRef<string | null>(null);

  useEffect(
    () =>
      api.onProgress((event) => {
        if (event.taskId === task.current)
          setStage({ step: 'reading', done: event.done, total: event.total });
      }),
    [],
  );

  const read = useCallback(
    async (source: SourceFile, asOf: string | null, mapping: HeaderMapping | null) => {
      const taskId = crypto.randomUUID();
      task.current = taskId;
      setFile(source);
      setStage({ step: 'reading', done: 0, total: null });
      try {
        const result = await api.parseInventory({
          taskId,
          fileName: source.name,
          bytes: source.bytes,
          asOf,
          mapping,
          locale: i18n.language === 'sv' ? 'sv-SE' : navigator.language,
          overrides: overrides.map(
            ({
              pattern,
              match,
              class: cls,
              endOfSale,
              endOfService,
              listPrice,
              verified,
              source: note,
            }) => ({
              pattern,
              class: cls,
              verified,
              source: note,
              ...(match ? { match } : {}),
              ...(endOfSale ? { endOfSale } : {}),
              ...(endOfService ? { endOfService } : {}),
              ...(listPrice ? { listPrice } : {}),
            }),
          ),
        });
        if (task.current !== taskId) return;
        // Devices come in pages so no single answer stalls the window.
        const devices: Device[] = [];
        for (let page = 0; page < result.devicePages; page++) {
          for (const device of await api.inventoryDevices({ taskId, page })) devices.push(device);
          if (task.current !== taskId) return;
          setStage({ step: 'reading', done: devices.length, total: result.summary.devices });
        }
        setParsed({ ...result, devices });
        setAssignments(
          Object.fromEntries(
            result.accounts.map((a) => [
              accountKey(a),
              matchCustomer(a.account, a.accountId, customers)?.id ?? NEW_CUSTOMER,
            ]),
          ),
        );
        setStage({ step: 'preview' });
      } catch (error) {
        if (task.current !== taskId) return;
        setStage({
          step: 'failed',
          message: error instanceof Error ? error.message : String(error),
        });
      }
    },
    [customers, i18n.language, overrides],
  );

  const cancel = useCallback(() => {
    const taskId = task.current;
    task.current = null;
    if (taskId) void api.cancelTask({ taskId });
    setStage({ step: 'idle' });
    setParsed(null);
    setFile(null);
  }, []);

  const commit = useCallback(async () => {
    if (!parsed) return;
    setStage({ step: 'importing' });
    try {
      const newCustomers: Customer[] = [];
      const resolved = parsed.accounts.map((a) => {
        let customerId = assignments[accountKey(a)] ?? NEW_CUSTOMER;
        if (customerId === NEW_CUSTOMER) {
          const name = a.account || a.accountId;
          const created: Customer = {
            id: crypto.randomUUID(),
            name,
            masterAccountId: '',
            country: 'SE',
            lensAccounts: [name],
            csm: user,
            accountManager: '',
            isArchived: false,
          };
          newCustomers.push(created);
          customerId = created.id;
        }
        return { account: a.account, accountId: a.accountId, customerId };
      });
      const outcomes = await commitImport(db, user, {
        parsed,
        assignments: resolved,
        newCustomers,
        overrides,
      });
      setStage({ step: 'report', outcomes });
    } catch (error) {
      setStage({ step: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }, [assignments, overrides, parsed, user]);

  const assign = useCallback(
    (account: { account: string; accountId: string }, customerId: string) => {
      setAssignments((current) => ({ ...current, [accountKey(account)]: customerId }));
    },
    [],
  );

  return { stage, file, parsed, assignments, read, cancel, commit, assign, accountKey };
}
