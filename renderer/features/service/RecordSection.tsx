/**
 * The one scaffold of a service record tab (RMAs, cases, incidents, time): the add button for whoever
 * may write, a line when there is nothing yet, the table with each row's edit and delete buttons, and
 * the one dialog that edits a row or creates a new one. Each section gives its columns and its form.
 */
import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceKind } from '../../db/service';
import { useMayWrite } from '../../db/team-sync';
import { ActionsHeader } from '../../components/ActionsHeader';
import { RecordActions, SERVICE_ENTITIES } from './RecordActions';

export interface RecordColumn<Row> {
  /** The field's key under `service.fields`, for the header. */
  field: string;
  cell: (row: Row) => ReactNode;
  align?: 'right';
  isMonospace?: boolean;
  /** An identifier (a site ID, a case number): on one line, never broken at its hyphens. */
  isOneLine?: boolean;
  /** The cell carries `data-field` with the field's key, for whoever reads the row. */
  isNamed?: boolean;
}

/** A mark beside a cell's value: late, unreturned, overridden. */
export function RowFlag({
  flag,
  color,
  title,
  children,
}: {
  flag: string;
  color: string;
  title?: string;
  children: ReactNode;
}) {
  return (
    <Badge ml={4} color={color} size="sm" title={title} data-flag={flag}>
      {children}
    </Badge>
  );
}

export function RecordSection<Row extends { id: string }>({
  kind,
  rows,
  columns,
  testId,
  user,
  labelsKey,
  minWidth,
  rowAttributes,
  names,
  form,
  children,
}: {
  kind: ServiceKind;
  rows: Row[];
  columns: RecordColumn<Row>[];
  testId: string;
  user: string;
  /**
   * Where the section's words are: `<labelsKey>.new` on the add button, `<labelsKey>.none` instead of
   * an empty table. Without it, no add button and the table even when empty.
   */
  labelsKey?: string;
  /** Scrolls the table sideways below this width. */
  minWidth?: number;
  /** The row's `data-*` attributes that name it. */
  rowAttributes?: (row: Row) => Record<`data-${string}`, string>;
  /** Names the row in its buttons' labels and, when given, in the question before deleting. */
  names: (row: Row) => { what: string; description?: string };
  /** The dialog for a row, or for a new one (null). */
  form: (row: Row | null, onClose: () => void) => ReactNode;
  /** What stands above the button and the table. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const may = useMayWrite();
  const [editing, setEditing] = useState<Row | 'new' | null>(null);
  const table = (
    <Table data-testid={testId} verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((c) => (
            <Table.Th key={c.field} ta={c.align}>
              {t(`service.fields.${c.field}`)}
            </Table.Th>
          ))}
          <ActionsHeader />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.id} {...rowAttributes?.(row)}>
            {columns.map((c) => (
              <Table.Td
                key={c.field}
                ta={c.align}
                ff={c.isMonospace ? 'monospace' : undefined}
                style={c.isOneLine || c.isMonospace ? { whiteSpace: 'nowrap' } : undefined}
                data-field={c.isNamed ? c.field : undefined}
              >
                {c.cell(row)}
              </Table.Td>
            ))}
            <Table.Td>
              <RecordActions
                {...names(row)}
                onEdit={() => setEditing(row)}
                record={{ kind, id: row.id }}
                user={user}
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return (
    <Stack>
      {children}
      {labelsKey && may(SERVICE_ENTITIES[kind]) ? (
        <Group>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t(`${labelsKey}.new`)}
          </Button>
        </Group>
      ) : null}
      {labelsKey && rows.length === 0 ? (
        <Text c="dimmed">{t(`${labelsKey}.none`)}</Text>
      ) : minWidth ? (
        <Table.ScrollContainer minWidth={minWidth}>{table}</Table.ScrollContainer>
      ) : (
        table
      )}
      {editing ? form(editing === 'new' ? null : editing, () => setEditing(null)) : null}
    </Stack>
  );
}
