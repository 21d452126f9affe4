/**
 * Every device of a customer, searchable and filterable (ExplorerFilterBar), in a virtualized table
 * (VirtualDeviceTable) over one TanStack row model. The filtered view exports to Excel.
 */
import { Alert, Button, Loader, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import {
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from '@tanstack/react-table';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/format';
import type { DeviceClass } from '../../../shared/model/category';
import type { InventorySnapshot } from '../../../shared/model/entities';
import { ClassifyDialog } from '../../components/UnknownModels';
import { useInventory, useSnapshotDevices } from '../../db/hooks/customer';
import { useCatalog } from '../../db/hooks/imports';
import { useExplorerColumns } from './explorer-columns';
import { exportExplorerRows } from './explorer-export';
import {
  explorerFilters,
  explorerRows,
  matchesFilters,
  type ExplorerFilters,
} from './explorer-rows';
import { ExplorerFilterBar, type FilterChoices } from './ExplorerFilterBar';
import { VirtualDeviceTable } from './VirtualDeviceTable';
import { ListFetchNotice } from './ListFetchNotice';

export function DeviceExplorer({
  customerId,
  customerName,
  asOf,
  snapshot,
  user,
  initialQuery = '',
  initialClass = null,
  staleDays = null,
}: {
  /** What the search box holds first (a serial number found by the command palette). */
  initialQuery?: string;
  /** The class the list is filtered to first (the "Not counted" panel's stale devices). */
  initialClass?: DeviceClass | null;
  /** The stale rule the inventory was counted with (TERMS.md §12). */
  staleDays?: number | null;
  customerId: string;
  customerName: string;
  asOf: string;
  /** A past month's inventory to list instead of the current one (null: there was none). */
  snapshot?: InventorySnapshot | null;
  /** Who classifies unknown models from here. */
  user: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const current = useInventory(customerId);
  const past = useSnapshotDevices(snapshot === undefined ? null : snapshot);
  const devices = useMemo(
    () => (snapshot === undefined ? current : (past ?? undefined)),
    [snapshot, current, past],
  );
  const [isClassifying, setClassifying] = useState(false);
  const catalog = useCatalog();
  const [query, setQuery] = useState(initialQuery);
  // The input stays instant; the table catches up in a deferred render.
  const deferredQuery = useDeferredValue(query);
  const [filters, setFilters] = useState<FilterChoices>({
    cls: initialClass,
    site: null,
    model: null,
    online: null,
  });
  const [sorting, setSorting] = useState<SortingState>([]);

  const rows = useMemo(
    () => (devices && catalog ? explorerRows(devices, catalog, asOf, staleDays) : []),
    [devices, catalog, asOf, staleDays],
  );
  const globalFilter = useMemo(
    () => explorerFilters(deferredQuery, filters),
    [filters, deferredQuery],
  );
  const classify = useCallback(() => setClassifying(true), []);
  const columns = useExplorerColumns(classify);

  // One row model over every device, built once; a keystroke only re-runs the filter over it.
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting, globalFilter },
    onSortingChange: setSorting,
    globalFilterFn: (row, _columnId, value: ExplorerFilters) => matchesFilters(row.original, value),
    // Every filter is row-wide: run it once per row (through one column), not once per column.
    getColumnCanGlobalFilter: (column) => column.id === 'serial',
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  const tableRows = table.getRowModel().rows;

  if (snapshot !== undefined && past === null)
    return <Alert color="gray">{t('explorer.notKept')}</Alert>;
  if (!devices || !catalog) return <Loader aria-label={t('dashboard.devices')} />;

  return (
    <Stack gap="sm" data-testid="device-explorer">
      <ListFetchNotice customerId={customerId} />
      <ExplorerFilterBar
        rows={rows}
        query={query}
        onQueryChange={setQuery}
        filters={filters}
        onFiltersChange={(patch) => setFilters((current) => ({ ...current, ...patch }))}
      >
        <Button
          leftSection={<IconFileSpreadsheet size={16} />}
          variant="default"
          onClick={() =>
            void exportExplorerRows(
              t,
              table.getRowModel().rows.map((r) => r.original),
              customerName,
              asOf,
            )
          }
          disabled={tableRows.length === 0}
        >
          {t('explorer.export')}
        </Button>
      </ExplorerFilterBar>
      <Text size="sm" c="dimmed" aria-live="polite" data-testid="explorer-count">
        {t('explorer.shown', {
          shown: format.number(tableRows.length),
          total: format.number(rows.length),
        })}
      </Text>
      <VirtualDeviceTable table={table} />
      {isClassifying ? (
        <ClassifyDialog
          customerId={customerId}
          customer={customerName}
          user={user}
          onClose={() => setClassifying(false)}
        />
      ) : null}
    </Stack>
  );
}
