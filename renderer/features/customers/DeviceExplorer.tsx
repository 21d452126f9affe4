/**
 * Every device of a customer, searchable and filterable, in a virtualized table (TanStack Table +
 * Virtual): only the rows on screen exist in the DOM, so 100,000 devices scroll smoothly. The filtered
 * view exports to Excel.
 */
import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconFileSpreadsheet, IconSearch } from '@tabler/icons-react';
import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shippedCatalog } from '../../../shared/catalog';
import {
  CATEGORIES,
  EXCLUDED_CLASSES,
  isCategory,
  type DeviceClass,
} from '../../../shared/model/category';
import { useFormat } from '../../components/format';
import type { InventorySnapshot } from '../../../shared/model/entities';
import { ClassifyDialog } from '../../components/UnknownModels';
import { useInventory, useSnapshotDevices } from '../../db/hooks/customer';
import { useCatalogOverrides } from '../../db/hooks/imports';
import { exportWorkbook } from '../../components/export-workbook';
import {
  explorerFilters,
  explorerRows,
  matchesFilters,
  type ExplorerFilters,
  type ExplorerRow,
} from './explorer-rows';

const ROW_HEIGHT = 37;

export function DeviceExplorer({
  customerId,
  customerName,
  asOf,
  snapshot,
  user,
  initialQuery = '',
}: {
  /** What the search box holds first (a serial number found by the command palette). */
  initialQuery?: string;
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
  const overrides = useCatalogOverrides();
  const [query, setQuery] = useState(initialQuery);
  // The input stays instant; the table catches up in a deferred render.
  const deferredQuery = useDeferredValue(query);
  const [filters, setFilters] = useState<Omit<ExplorerFilters, 'query'>>({
    cls: null,
    site: null,
    model: null,
    online: null,
  });
  const [sorting, setSorting] = useState<SortingState>([]);
  const scroller = useRef<HTMLDivElement>(null);

  const rows = useMemo(
    () => (devices && overrides ? explorerRows(devices, shippedCatalog(overrides), asOf) : []),
    [devices, overrides, asOf],
  );
  const globalFilter = useMemo(
    () => explorerFilters(deferredQuery, filters),
    [filters, deferredQuery],
  );
  const options = useMemo(() => {
    const sites = new Set<string>();
    const models = new Set<string>();
    for (const row of rows) {
      sites.add(row.device.site);
      models.add(row.device.model);
    }
    return { sites: [...sites].sort(), models: [...models].sort() };
  }, [rows]);

  const classLabel = (cls: DeviceClass) =>
    isCategory(cls) ? t(`classes.${cls}`) : t(`classes.${cls}`);
  const statusLabel = (online: boolean | null) =>
    online === null ? t('explorer.unknown') : online ? t('explorer.yes') : t('explorer.no');

  /** A column that shows one text field of the device as it is. */
  const deviceColumn = (
    field: 'name' | 'site' | 'room' | 'softwareVersion',
    size: number,
  ): ColumnDef<ExplorerRow> => ({
    id: field,
    header: t(`explorer.columns.${field}`),
    accessorFn: (r) => r.device[field],
    size,
  });

  const columns = useMemo<ColumnDef<ExplorerRow>[]>(
    () => [
      {
        id: 'serial',
        header: t('explorer.columns.serial'),
        accessorFn: (r) => r.device.serial || r.device.deviceId,
        size: 150,
      },
      {
        id: 'model',
        header: t('explorer.columns.model'),
        accessorFn: (r) => r.device.model,
        size: 210,
      },
      {
        id: 'cls',
        header: t('explorer.columns.cls'),
        accessorFn: (r) => r.cls,
        cell: (c) =>
          c.getValue<DeviceClass>() === 'unknown' ? (
            <Anchor component="button" type="button" size="sm" onClick={() => setClassifying(true)}>
              {classLabel('unknown')}: {t('imports.classify')}
            </Anchor>
          ) : (
            classLabel(c.getValue<DeviceClass>())
          ),
        size: 150,
      },
      deviceColumn('name', 170),
      deviceColumn('site', 150),
      deviceColumn('room', 100),
      deviceColumn('softwareVersion', 100),
      {
        id: 'online',
        header: t('explorer.columns.online'),
        accessorFn: (r) => statusLabel(r.device.online),
        size: 110,
      },
      {
        id: 'lastDetected',
        header: t('explorer.columns.lastDetected'),
        accessorFn: (r) => r.device.lastDetected ?? '',
        cell: (c) => (c.getValue<string>() ? format.date(c.getValue<string>()) : ''),
        size: 120,
      },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the labels change only with the language
    [t, format.locale],
  );

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
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  const exportView = async () => {
    const visible = table.getRowModel().rows.map((r) => r.original);
    await exportWorkbook(
      `${customerName} – devices ${asOf}.xlsx`,
      {
        sheets: [
          {
            name: customerName,
            columns: [
              { header: t('explorer.columns.serial'), type: 'text', width: 18 },
              { header: t('explorer.columns.deviceId'), type: 'text', width: 16 },
              { header: t('explorer.columns.model'), type: 'text', width: 28 },
              { header: t('explorer.columns.cls'), type: 'text', width: 16 },
              { header: t('explorer.columns.name'), type: 'text', width: 22 },
              { header: t('explorer.columns.site'), type: 'text', width: 20 },
              { header: t('explorer.columns.room'), type: 'text', width: 14 },
              { header: t('explorer.columns.softwareVersion'), type: 'text', width: 14 },
              { header: t('explorer.columns.online'), type: 'text', width: 14 },
              { header: t('explorer.columns.lastDetected'), type: 'datetime', width: 18 },
            ],
            rows: visible.map(({ device, cls }) => [
              device.serial,
              device.deviceId,
              device.model,
              classLabel(cls),
              device.name,
              device.site,
              device.room,
              device.softwareVersion,
              statusLabel(device.online),
              device.lastDetected,
            ]),
          },
        ],
      },
      (path) => t('explorer.exported', { count: visible.length, path }),
    );
  };

  if (snapshot !== undefined && past === null)
    return <Alert color="gray">{t('explorer.notKept')}</Alert>;
  if (!devices || !overrides) return <Loader aria-label={t('dashboard.devices')} />;
  const set = (patch: Partial<typeof filters>) =>
    setFilters((current) => ({ ...current, ...patch }));
  const any = { value: '', label: t('explorer.any') };

  return (
    <Stack gap="sm" data-testid="device-explorer">
      <Group align="end" wrap="wrap">
        <TextInput
          label={t('explorer.searchLabel')}
          data-testid="explorer-search"
          placeholder={t('explorer.search')}
          leftSection={<IconSearch size={16} />}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          w={300}
        />
        <Select
          label={t('explorer.category')}
          data={[
            any,
            ...[...CATEGORIES, ...EXCLUDED_CLASSES].map((c) => ({
              value: c,
              label: classLabel(c),
            })),
          ]}
          value={filters.cls ?? ''}
          onChange={(v) => set({ cls: (v || null) as DeviceClass | null })}
          allowDeselect={false}
          w={170}
        />
        <Select
          label={t('explorer.site')}
          data={[any, ...options.sites.map((s) => ({ value: s, label: s || '–' }))]}
          value={filters.site ?? ''}
          onChange={(v) => set({ site: v === '' || v === null ? null : v })}
          searchable
          allowDeselect={false}
          w={190}
        />
        <Select
          label={t('explorer.model')}
          data={[any, ...options.models.map((m) => ({ value: m, label: m }))]}
          value={filters.model ?? ''}
          onChange={(v) => set({ model: v || null })}
          searchable
          allowDeselect={false}
          w={230}
        />
        <Select
          label={t('explorer.online')}
          data={[
            any,
            { value: 'yes', label: t('explorer.yes') },
            { value: 'no', label: t('explorer.no') },
            { value: 'unknown', label: t('explorer.unknown') },
          ]}
          value={filters.online ?? ''}
          onChange={(v) => set({ online: (v || null) as ExplorerFilters['online'] })}
          allowDeselect={false}
          w={150}
        />
        <Button
          leftSection={<IconFileSpreadsheet size={16} />}
          variant="default"
          onClick={() => void exportView()}
          disabled={tableRows.length === 0}
        >
          {t('explorer.export')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" aria-live="polite" data-testid="explorer-count">
        {t('explorer.shown', {
          shown: format.number(tableRows.length),
          total: format.number(rows.length),
        })}
      </Text>
      <Paper withBorder>
        <div
          ref={scroller}
          style={{ height: 560, overflow: 'auto' }}
          tabIndex={0}
          aria-label={t('dashboard.devices')}
        >
          <Table
            stickyHeader
            striped
            highlightOnHover
            style={{ tableLayout: 'fixed' }}
            aria-rowcount={tableRows.length + 1}
          >
            <Table.Thead>
              {table.getHeaderGroups().map((group) => (
                <Table.Tr key={group.id}>
                  {group.headers.map((header) => (
                    <Table.Th
                      key={header.id}
                      style={{ width: header.getSize() }}
                      aria-sort={
                        header.column.getIsSorted() === 'asc'
                          ? 'ascending'
                          : header.column.getIsSorted() === 'desc'
                            ? 'descending'
                            : 'none'
                      }
                    >
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        style={{ all: 'unset', cursor: 'pointer', fontWeight: 600 }}
                      >
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        {header.column.getIsSorted() === 'asc'
                          ? ' ▲'
                          : header.column.getIsSorted() === 'desc'
                            ? ' ▼'
                            : ''}
                      </button>
                    </Table.Th>
                  ))}
                </Table.Tr>
              ))}
            </Table.Thead>
            <Table.Tbody>
              {padTop > 0 ? (
                <tr aria-hidden>
                  <td style={{ height: padTop }} colSpan={columns.length} />
                </tr>
              ) : null}
              {items.map((item) => {
                const row = tableRows[item.index];
                if (!row) return null;
                return (
                  <Table.Tr
                    key={row.id}
                    style={{ height: ROW_HEIGHT }}
                    aria-rowindex={item.index + 2}
                    data-serial={row.original.device.serial}
                  >
                    {row.getVisibleCells().map((cell) => (
                      <Table.Td
                        key={cell.id}
                        style={{
                          whiteSpace: 'nowrap',
                          overflow: 'hidden',
                          textOverflow: 'ellipsis',
                        }}
                      >
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                );
              })}
              {padBottom > 0 ? (
                <tr aria-hidden>
                  <td style={{ height: padBottom }} colSpan={columns.length} />
                </tr>
              ) : null}
            </Table.Tbody>
          </Table>
        </div>
      </Paper>
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
