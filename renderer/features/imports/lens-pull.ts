/**
 * Lens API pulls from the window: the connections main keeps (never their secrets), which tenant is
 * which customer (as a file's Lens account is: by the customer's Lens accounts, else its name), and a
 * pull straight into a customer's inventory for "Pull all" and the monthly schedule.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { LensConnections } from '../../../shared/api';
import type { CatalogEntry, EolRecord } from '../../../shared/catalog';
import { matchCustomer } from '../../../shared/inventory';
import type { LensConnection, LensTenantInfo } from '../../../shared/lens';
import type { Customer } from '../../../shared/model/entities';
import { localToday } from '../../../shared/terms/dates';
import { commitImport, type ImportOutcome } from '../../db/imports';
import { db } from '../../db/instance';
import { api } from '../../platform';
import { fetchParsedDevices, overridesForParse, parseLocale } from './parsed-devices';
import { messageOf } from '../../../shared/errors';

export interface LensTargetRow {
  connection: LensConnection;
  tenant: LensTenantInfo;
  customer: Customer | null;
}

/** Every tenant of every connection, with the customer it maps to (null: none yet). */
export function lensTargets(
  connections: readonly LensConnection[],
  customers: readonly Customer[],
): LensTargetRow[] {
  return connections.flatMap((connection) =>
    connection.tenants.map((tenant) => ({
      connection,
      tenant,
      customer: matchCustomer(tenant.name, tenant.id, customers),
    })),
  );
}

/** The last connections main answered: shown while a new answer is on its way (or cannot come). */
let lastKnown: LensConnections | null = null;

/** The connections, loaded from main; `reload` after a change. */
export function useLensConnections(): {
  state: LensConnections | null;
  error: string | null;
  reload: () => void;
} {
  const [state, setState] = useState<LensConnections | null>(lastKnown);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    // Offline the last answer stands (nothing can be pulled anyway); the list is asked again online.
    if (!navigator.onLine) {
      const again = () => setVersion((v) => v + 1);
      window.addEventListener('online', again, { once: true });
      return () => window.removeEventListener('online', again);
    }
    let isCurrent = true;
    api
      .listLensConnections()
      .then((next) => {
        lastKnown = next;
        if (isCurrent) {
          setState(next);
          setError(null);
        }
      })
      .catch((e: unknown) => isCurrent && setError(messageOf(e)));
    return () => {
      isCurrent = false;
    };
  }, [version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return useMemo(() => ({ state, error, reload }), [state, error, reload]);
}

export interface PullContext {
  user: string;
  overrides: readonly CatalogEntry[];
  eolRegister: readonly EolRecord[];
  language: string;
  /** Progress of the pull, then of reading its devices. */
  onProgress: (done: number, total: number | null) => void;
  /** Called with the task's ID, so that it can be cancelled. */
  onTask?: (taskId: string) => void;
}

/**
 * Pulls one tenant and imports it into `customer`, as a file whose every account is assigned to it:
 * the same parse, snapshot and all-or-nothing write; an unchanged tenant changes nothing.
 */
export async function pullIntoCustomer(
  row: { connection: LensConnection; tenant: LensTenantInfo },
  customer: Customer,
  context: PullContext,
): Promise<ImportOutcome> {
  const taskId = crypto.randomUUID();
  context.onTask?.(taskId);
  const unsubscribe = api.onProgress((event) => {
    if (event.taskId === taskId && event.label === 'pullLens')
      context.onProgress(event.done, event.total);
  });
  try {
    const result = await api.pullLens({
      taskId,
      connectionId: row.connection.id,
      tenantId: row.tenant.id,
      asOf: localToday(),
      mapping: null,
      locale: parseLocale(context.language),
      overrides: overridesForParse(context.overrides),
      eolRegister: [...context.eolRegister],
    });
    const fetched = await fetchParsedDevices(taskId, result.deviceList.hash, () => undefined);
    if (!fetched) throw new Error('cancelled');
    const { deviceList: _list, ...parse } = result;
    const outcomes = await commitImport(db, context.user, {
      parsed: { ...parse, devices: fetched.devices },
      deviceList: fetched.deviceList,
      assignments: result.accounts.map((a) => ({
        account: a.account,
        accountId: a.accountId,
        customerId: customer.id,
      })),
      newCustomers: [],
      overrides: context.overrides,
      eolRegister: context.eolRegister,
    });
    const outcome = outcomes[0];
    if (!outcome) throw new Error('the tenant has no devices');
    return outcome;
  } finally {
    unsubscribe();
  }
}
