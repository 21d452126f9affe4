/**
 * The contract register (FORMATS.md §2): import with a preview (what each contract would become, every
 * problem by row and column) and export as Excel or CSV. An import is one transaction.
 */
import { Alert, Badge, ScrollArea, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ParsedRegister } from '../../../shared/contracts/register';
import { planProblems, planRegister } from '../../../shared/contracts/register-plan';
import { describeContract, describeContractChanges } from '../../../shared/contracts/describe';
import {
  REGISTER_COLUMN_TYPES,
  REGISTER_COLUMNS,
  registerRows,
  withRegister,
  type RegisterColumn,
} from '../../../shared/contracts/register';
import { csvFile } from '../../../shared/csv';
import type { Contract, Customer } from '../../../shared/model/entities';
import { localToday } from '../../../shared/terms/dates';
import { safeFileName } from '../../../shared/files';
import { exportWorkbook } from '../../components/export-workbook';
import { importRegister } from '../../db/contracts';
import { db } from '../../db/instance';
import type { Settings } from '../../db/settings';
import { api } from '../../platform';
import { useFormat } from '../../components/format';
import { issueText } from './issues';
import { FormDialog } from '../../components/FormDialog';

const ACTION_COLORS = {
  create: 'green',
  update: 'blue',
  unchanged: 'gray',
  conflict: 'red',
} as const;

/** Picks a register file and reads it; null when the user cancelled. */
export async function pickRegister(
  settings: Settings,
): Promise<(ParsedRegister & { file: string }) | null> {
  const file = await api.openFile({
    filters: [{ name: 'Contract register', extensions: ['csv', 'xlsx', 'txt'] }],
  });
  if (!file) return null;
  return api.parseRegister({
    fileName: file.name,
    bytes: file.bytes as Uint8Array<ArrayBuffer>,
    defaultCurrency: settings.partner.defaultCurrency,
  });
}

export function RegisterPreview({
  parsed,
  customers,
  contracts,
  settings,
  onClose,
}: {
  parsed: ParsedRegister & { file: string };
  customers: Customer[];
  contracts: Contract[];
  settings: Settings;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const plan = planRegister(parsed.contracts, customers, contracts);
  const problems = [...parsed.problems, ...planProblems(plan)].sort((a, b) => a.row - b.row);
  const leftOut = parsed.refused.length + plan.filter((p) => p.action === 'conflict').length;
  const toDo = plan.filter((p) => p.action === 'create' || p.action === 'update').length;
  /** What the import does to a contract, in words. */
  const what = (p: (typeof plan)[number]): string[] => {
    if (p.action === 'create') return describeContract(p.entry.contract, format.language);
    if (p.action === 'update' && p.existing)
      return describeContractChanges(
        p.existing,
        withRegister(p.existing, p.entry),
        format.language,
      );
    return [];
  };

  const run = async () => {
    const result = await importRegister(db, settings.userName, parsed.contracts);
    notifications.show({ color: 'green', message: t('register.imported', { ...result }) });
    return true;
  };

  return (
    <FormDialog
      onClose={onClose}
      size="xl"
      title={t('register.previewTitle', { file: parsed.file })}
      onSubmit={run}
      submitLabel={t('register.import', { count: toDo })}
      canSubmit={toDo > 0}
    >
      <Text size="sm">
        {t('register.summary', {
          rows: parsed.rows,
          contracts: parsed.contracts.length,
          create: plan.filter((p) => p.action === 'create').length,
          update: plan.filter((p) => p.action === 'update').length,
          unchanged: plan.filter((p) => p.action === 'unchanged').length,
        })}
      </Text>
      {problems.length > 0 ? (
        <Alert
          color="red"
          title={t('register.problemsTitle', { count: leftOut })}
          data-testid="register-problems"
        >
          <ScrollArea.Autosize mah={180}>
            {problems.map((p, i) => (
              <Text size="sm" key={i}>
                {p.column
                  ? t('register.problem', {
                      row: p.row,
                      column: p.column,
                      message: issueText(t, p.issue),
                    })
                  : t('register.problemRow', { row: p.row, message: issueText(t, p.issue) })}
              </Text>
            ))}
          </ScrollArea.Autosize>
        </Alert>
      ) : null}
      <ScrollArea.Autosize mah={360}>
        <Table data-testid="register-plan" stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('register.contract')}</Table.Th>
              <Table.Th>{t('register.customer')}</Table.Th>
              <Table.Th>{t('register.action')}</Table.Th>
              <Table.Th>{t('register.changes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plan.map((p) => (
              <Table.Tr key={p.entry.contract.number} data-action={p.action}>
                <Table.Td>{p.entry.contract.number}</Table.Td>
                <Table.Td>
                  {p.customer?.name ?? p.entry.customer}
                  {p.customer ? null : (
                    <Badge ml="xs" size="xs" variant="light">
                      {t('register.newCustomer')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge
                    color={ACTION_COLORS[p.action]}
                    variant="filled"
                    styles={{ root: { height: 'auto' }, label: { whiteSpace: 'nowrap' } }}
                  >
                    {t(`register.actions.${p.action}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {what(p).map((line) => (
                    <Text size="xs" key={line}>
                      {line}
                    </Text>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </FormDialog>
  );
}

/** The register of every active contract, as Excel (typed) or CSV. */
export async function exportRegister(
  kind: 'xlsx' | 'csv',
  contracts: readonly Contract[],
  customers: readonly Customer[],
  savedMessage: (path: string) => string,
): Promise<void> {
  const [header = [], ...rows] = registerRows(
    contracts.filter((c) => !c.isArchived),
    customers,
  );
  const name = `contract-register-${localToday()}`;
  if (kind === 'csv') {
    const saved = await api.saveFile({
      suggestedName: safeFileName(`${name}.csv`),
      bytes: new Uint8Array(csvFile([header, ...rows])),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
    if (saved) notifications.show({ color: 'green', message: savedMessage(saved.path) });
    return;
  }
  const columns = (Object.keys(REGISTER_COLUMNS) as RegisterColumn[]).map((column, i) => ({
    header: header[i] ?? column,
    type: REGISTER_COLUMN_TYPES[column],
    width: column === 'customer' ? 28 : 16,
  }));
  await exportWorkbook(
    `${name}.xlsx`,
    {
      sheets: [
        {
          name: 'Contracts',
          columns,
          rows: rows.map((row) =>
            row.map((cell, i) => (columns[i]?.type === 'number' ? Number(cell) : cell)),
          ),
        },
      ],
    },
    savedMessage,
  );
}
