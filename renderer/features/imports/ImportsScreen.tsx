/** Imports: pick or drop a Lens export, check it, import it, read the report; and the history. */
import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useCallback, useEffect } from 'react';
import { useMayWrite } from '../../db/team-sync';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { useFormat } from '../../components/format';
import { hrefOf } from '../../components/route';
import { useCustomers } from '../../db/hooks/book';
import { useCatalogOverrides, useEolRegister, useImports } from '../../db/hooks/imports';
import type { Settings } from '../../db/settings';
import type { EolRecord } from '../../../shared/catalog';
import { api } from '../../platform';
import { ImportPreview } from './ImportPreview';
import { ImportReport } from './ImportReport';
import { setPendingImport, usePendingImport } from './pending';
import { LensPanel } from './LensPanel';
import { useImportFlow, type LensTarget } from './use-import-flow';

export const INVENTORY_FILTERS = [
  { name: 'Lens inventory (CSV, Excel)', extensions: ['csv', 'xlsx', 'txt', 'tsv'] },
];

function History() {
  const { t } = useTranslation();
  const format = useFormat();
  const imports = useImports();
  const customers = useCustomers() ?? [];
  if (!imports?.length) return null;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('imports.history')}
      </Title>
      <Table striped data-testid="import-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('imports.when')}</Table.Th>
            <Table.Th>{t('imports.customer')}</Table.Th>
            <Table.Th>{t('imports.file')}</Table.Th>
            <Table.Th>{t('imports.asOf')}</Table.Th>
            <Table.Th>{t('imports.devices')}</Table.Th>
            <Table.Th>{t('imports.by')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {imports.map((record) => (
            <Table.Tr key={record.id}>
              <Table.Td>{format.dateTime(record.importedAt)}</Table.Td>
              <Table.Td>
                <Anchor href={hrefOf('customers', record.customerId)}>
                  {customers.find((c) => c.id === record.customerId)?.name ?? '–'}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {record.source
                  ? t('lens.fromLens', { tenant: record.source.tenant })
                  : record.fileName}
              </Table.Td>
              <Table.Td>{format.date(record.asOf)}</Table.Td>
              <Table.Td>{format.number(record.devices)}</Table.Td>
              <Table.Td>{record.importedBy}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** No register lines yet: one array, so the import flow's callbacks keep. */
const NO_LINES: readonly EolRecord[] = [];

export default function ImportsScreen({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const may = useMayWrite();
  const customers = useCustomers() ?? [];
  const overrides = useCatalogOverrides() ?? [];
  const eolRegister = useEolRegister() ?? NO_LINES;
  const flow = useImportFlow(settings.userName, customers, overrides, eolRegister);
  const pending = usePendingImport();
  const { read } = flow;
  const pull = useCallback(
    (name: string, lens: LensTarget) =>
      void read({ name, bytes: new Uint8Array(), lens }, null, null),
    [read],
  );

  const choose = useCallback(async () => {
    const file = await api.openFile({ filters: INVENTORY_FILTERS });
    if (file)
      await read({ name: file.name, bytes: file.bytes as Uint8Array<ArrayBuffer> }, null, null);
  }, [read]);

  useEffect(() => {
    if (!pending) return;
    setPendingImport(null);
    if (pending.kind === 'file')
      void read({ name: pending.name, bytes: pending.bytes }, null, null);
    else if (pending.kind === 'lens') pull(pending.name, pending.target);
    else void choose();
  }, [choose, pending, pull, read]);

  const { stage, file, parsed } = flow;
  const isBusy = stage.step === 'reading' || stage.step === 'importing';

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('imports.title')}
        </Title>
        <Group>
          <Text size="sm" c="dimmed">
            {t('imports.dropHint')}
          </Text>
          <Button
            leftSection={<IconFileImport size={18} />}
            onClick={() => void choose()}
            disabled={isBusy || !may('imports')}
          >
            {t('imports.choose')}
          </Button>
        </Group>
      </Group>
      {stage.step === 'reading' || stage.step === 'importing' ? (
        <Paper withBorder p="md" role="status" aria-live="polite">
          <Text mb="xs">
            {file?.lens && stage.step === 'reading'
              ? t('lens.pulling', { tenant: file.name })
              : t(stage.step === 'reading' ? 'imports.reading' : 'imports.importing', {
                  file: file?.name ?? '',
                })}
          </Text>
          <Progress
            value={stage.step === 'reading' && stage.total ? (stage.done / stage.total) * 100 : 100}
            animated={stage.step === 'importing' || !stage.total}
            aria-label={file?.name ?? ''}
          />
          {stage.step === 'reading' ? (
            <Group justify="flex-end" mt="sm">
              <Button variant="default" size="xs" onClick={flow.cancel}>
                {t('imports.cancel')}
              </Button>
            </Group>
          ) : null}
        </Paper>
      ) : null}
      {stage.step === 'failed' ? (
        <Alert
          color="red"
          title={t('imports.failedTitle', { file: file?.name ?? '' })}
          data-testid="import-error"
        >
          <Stack gap="xs">
            <Text size="sm">{stage.message}</Text>
            <Text size="sm" c="dimmed">
              {t('imports.nothingWritten')}
            </Text>
            <Group>
              {file?.lens ? (
                <Button size="xs" onClick={() => file.lens && pull(file.name, file.lens)}>
                  {t('lens.pull')}
                </Button>
              ) : null}
              <Button
                size="xs"
                variant={file?.lens ? 'default' : 'filled'}
                onClick={() => void choose()}
              >
                {t('imports.chooseAnother')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : null}
      {stage.step === 'preview' && parsed && file ? (
        <ImportPreview
          parsed={parsed}
          customers={customers}
          assignments={flow.assignments}
          accountKey={flow.accountKey}
          onAssign={flow.assign}
          onReread={(asOf, mapping) => void read(file, asOf, mapping)}
          onImport={() => void flow.commit()}
          onCancel={flow.cancel}
        />
      ) : null}
      {stage.step === 'report' ? (
        <ImportReport
          outcomes={stage.outcomes}
          customers={customers}
          user={settings.userName}
          onDone={flow.cancel}
        />
      ) : null}
      {stage.step === 'idle' ? (
        <LensPanel
          customers={customers}
          user={settings.userName}
          overrides={overrides}
          eolRegister={eolRegister}
          isBusy={isBusy}
          onPull={pull}
        />
      ) : null}
      {stage.step === 'idle' ? <History /> : null}
      {stage.step === 'idle' && customers.length === 0 ? (
        <EmptyState icon={<IconFileImport />} title={t('imports.emptyTitle')}>
          {t('imports.emptyBody')}
        </EmptyState>
      ) : null}
    </Stack>
  );
}
