/**
 * The import's steps: read the file in main's worker (with progress and cancel), let the user check and
 * correct the preview, commit in one transaction, show the report. Re-reading with a corrected mapping or
 * as-of date reuses the bytes already in memory.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogEntry, EolRecord } from '../../../shared/catalog';
import {
  accountKey,
  matchCustomer,
  type HeaderMapping,
  type ParsedInventory,
} from '../../../shared/inventory';
import type { HashedList } from '../../../shared/inventory/device-list';
import type { Customer } from '../../../shared/model/entities';
import { localToday } from '../../../shared/terms/dates';
import { commitImport, type ImportOutcome } from '../../db/imports';
import { db } from '../../db/instance';
import { api } from '../../platform';
import { fetchParsedDevices, overridesForParse, parseLocale } from './parsed-devices';
import { messageOf } from '../../../shared/errors';

export const NEW_CUSTOMER = 'new';
/** An account whose devices are not imported. */
export const SKIP_ACCOUNT = 'skip';

export type ImportStage =
  | { step: 'idle' }
  | { step: 'reading'; done: number; total: number | null }
  | { step: 'preview' }
  | { step: 'importing' }
  | { step: 'report'; outcomes: ImportOutcome[] }
  | { step: 'failed'; message: string };

/** What an import reads: a file's bytes, or a Lens tenant to pull (bytes then empty). */
export interface SourceFile {
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
  lens?: LensTarget;
}

/** A tenant to pull, and the customer it maps to when one does. */
export interface LensTarget {
  connectionId: string;
  tenantId: string;
  customerId?: string;
}

export function useImportFlow(
  user: string,
  customers: readonly Customer[],
  overrides: readonly CatalogEntry[],
  eolRegister: readonly EolRecord[],
) {
  const { i18n } = useTranslation();
  const [stage, setStage] = useState<ImportStage>({ step: 'idle' });
  const [file, setFile] = useState<SourceFile | null>(null);
  const [parsed, setParsed] = useState<ParsedInventory | null>(null);
  const [deviceList, setDeviceList] = useState<HashedList | null>(null);
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
      const isCurrent = () => task.current === taskId;
      try {
        const common = {
          taskId,
          mapping,
          locale: parseLocale(i18n.language),
          overrides: overridesForParse(overrides),
          eolRegister: [...eolRegister],
        };
        const result = source.lens
          ? await api.pullLens({
              ...common,
              connectionId: source.lens.connectionId,
              tenantId: source.lens.tenantId,
              asOf: asOf ?? localToday(),
            })
          : await api.parseInventory({
              ...common,
              fileName: source.name,
              bytes: source.bytes,
              asOf,
            });
        if (!isCurrent()) return;
        const fetched = await fetchParsedDevices(
          taskId,
          result.deviceList.hash,
          (done, total) => setStage({ step: 'reading', done, total }),
          isCurrent,
        );
        if (!fetched) return;
        const { deviceList: _list, ...parse } = result;
        setParsed({ ...parse, devices: fetched.devices });
        setDeviceList(fetched.deviceList);
        setAssignments(
          Object.fromEntries(
            result.accounts.map((a) => [
              accountKey(a),
              source.lens?.customerId ??
                matchCustomer(a.account, a.accountId, customers)?.id ??
                NEW_CUSTOMER,
            ]),
          ),
        );
        setStage({ step: 'preview' });
      } catch (error) {
        if (!isCurrent()) return;
        setStage({
          step: 'failed',
          message: messageOf(error),
        });
      }
    },
    [customers, eolRegister, i18n.language, overrides],
  );

  const cancel = useCallback(() => {
    const taskId = task.current;
    task.current = null;
    if (taskId) void api.cancelTask({ taskId });
    setStage({ step: 'idle' });
    setParsed(null);
    setDeviceList(null);
    setFile(null);
  }, []);

  const commit = useCallback(async () => {
    if (!parsed) return;
    setStage({ step: 'importing' });
    try {
      const newCustomers: Customer[] = [];
      const resolved = parsed.accounts.map((a) => {
        let customerId: string | null = assignments[accountKey(a)] ?? NEW_CUSTOMER;
        if (customerId === SKIP_ACCOUNT) customerId = null;
        else if (customerId === NEW_CUSTOMER) {
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
        deviceList,
        assignments: resolved,
        newCustomers,
        overrides,
        eolRegister,
      });
      setStage({ step: 'report', outcomes });
    } catch (error) {
      setStage({ step: 'failed', message: messageOf(error) });
    }
  }, [assignments, deviceList, eolRegister, overrides, parsed, user]);

  const assign = useCallback(
    (account: { account: string; accountId: string }, customerId: string) => {
      setAssignments((current) => ({ ...current, [accountKey(account)]: customerId }));
    },
    [],
  );

  return { stage, file, parsed, assignments, read, cancel, commit, assign, accountKey };
}
