/**
 * The device explorer's table, virtualized (TanStack Virtual): only the rows on screen exist in the
 * DOM, padded above and below to the height of the rest, so 100,000 devices scroll smoothly. A header
 * sorts its column. Each column takes its share of the table's width; below the columns' total the
 * table scrolls sideways rather than cut a column.
 */
import { Paper, Table } from '@mantine/core';
import { flexRender, type Table as RowTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExplorerRow } from './explorer-rows';

const ROW_HEIGHT = 37;

export function VirtualDeviceTable({ table }: { table: RowTable<ExplorerRow> }) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const tableRows = table.getRowModel().rows;
  const columnCount = table.getAllColumns().length;
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
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
          style={{ tableLayout: 'fixed', minWidth: table.getTotalSize() }}
          aria-rowcount={tableRows.length + 1}
        >
          <Table.Thead>
            {table.getHeaderGroups().map((group) => (
              <Table.Tr key={group.id}>
                {group.headers.map((header) => (
                  <Table.Th
                    key={header.id}
                    style={{ width: `${(100 * header.getSize()) / table.getTotalSize()}%` }}
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
                <td style={{ height: padTop }} colSpan={columnCount} />
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
                <td style={{ height: padBottom }} colSpan={columnCount} />
              </tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </div>
    </Paper>
  );
}
