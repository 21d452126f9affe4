/**
 * The Imports screen's Lens API panel: each tenant of each connection with its customer, a pull of one
 * (through the same preview as a file), and "Pull all" with a progress bar and a result per customer.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useNetwork } from '@mantine/hooks';
import { IconCloudDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CatalogEntry, EolRecord } from '../../../shared/catalog';
import type { Customer } from '../../../shared/model/entities';
import { useFormat } from '../../components/format';
import { hrefOf } from '../../components/route';
import { lensTargets, useLensConnections, type LensTargetRow } from './lens-pull';
import {
  cancelPullAll,
  clearPullAll,
  startPullAll,
  usePullAll,
  type PullAllRun,
  type PullAllState,
} from './pull-all';
import type { LensTarget } from './use-import-flow';

const STATE_COLOR: Record<PullAllState, string> = {
  waiting: 'gray',
  pulling: 'blue',
  imported: 'green',
  unchanged: 'teal',
  failed: 'red',
  skipped: 'gray',
};

/** Finished rows, and the one under way by its share of devices: 0–100. */
export function runProgress(run: PullAllRun): number {
  if (run.rows.length === 0) return 100;
  const finished = run.rows.filter((r) => r.state !== 'waiting' && r.state !== 'pulling').length;
  const active = run.rows.find((r) => r.state === 'pulling');
  const partial = active?.total ? Math.min(1, active.done / active.total) : 0;
  return ((finished + partial) / run.rows.length) * 100;
}

export function PullAllResults({ run }: { run: PullAllRun }) {
  const { t } = useTranslation();
  const format = useFormat();
  const count = (state: PullAllState) => run.rows.filter((r) => r.state === state).length;
  return (
    <Stack gap="xs" data-testid="lens-pull-all">
      <Text fw={600}>
        {run.isRunning
          ? t(run.startedBy === 'schedule' ? 'lens.runScheduled' : 'lens.runTitle')
          : t('lens.runDone', {
              count: format.number(run.rows.length),
              imported: format.number(count('imported')),
              unchanged: format.number(count('unchanged')),
              failed: format.number(count('failed')),
            })}
      </Text>
      <Progress value={runProgress(run)} animated={run.isRunning} aria-label={t('lens.runTitle')} />
      <Table>
        <Table.Tbody>
          {run.rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Td>
                <Anchor href={hrefOf('customers', row.customer.id)}>{row.customer.name}</Anchor>
              </Table.Td>
              <Table.Td>{row.tenant}</Table.Td>
              <Table.Td>
                <Badge color={STATE_COLOR[row.state]} variant="light">
                  {t(`lens.state.${row.state}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={row.state === 'failed' ? 'red' : undefined}>
                  {row.state === 'pulling' && row.total
                    ? t('lens.progressOf', {
                        done: format.number(row.done),
                        total: format.number(row.total),
                      })
                    : row.state === 'imported' || row.state === 'unchanged'
                      ? t('lens.deviceCount', { devices: format.number(row.devices) })
                      : row.message}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="flex-end">
        {run.isRunning ? (
          <Button size="xs" variant="default" onClick={cancelPullAll}>
            {t('lens.cancel')}
          </Button>
        ) : (
          <Button size="xs" variant="default" onClick={clearPullAll}>
            {t('lens.close')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

export function LensPanel({
  customers,
  user,
  overrides,
  eolRegister,
  isBusy,
  onPull,
}: {
  customers: readonly Customer[];
  user: string;
  overrides: readonly CatalogEntry[];
  eolRegister: readonly EolRecord[];
  isBusy: boolean;
  onPull: (name: string, target: LensTarget) => void;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const network = useNetwork();
  const { state } = useLensConnections();
  const run = usePullAll();
  if (!state) return null;
  const rows: LensTargetRow[] = lensTargets(state.connections, customers);
  const mapped = rows.filter((r) => r.customer !== null);
  const isOffline = !network.online;
  const isRunning = run?.isRunning === true;

  return (
    <Paper withBorder p="md" component="section" aria-label={t('lens.title')}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('lens.title')}
        </Title>
        {rows.length > 0 ? (
          <Tooltip
            label={isOffline ? t('lens.offline') : t('lens.pullAllNone')}
            disabled={!isOffline && mapped.length > 0}
          >
            <Button
              leftSection={<IconCloudDownload size={18} />}
              disabled={isOffline || mapped.length === 0 || isRunning || isBusy}
              onClick={() =>
                void startPullAll(
                  rows,
                  { user, overrides, eolRegister, language: i18n.language },
                  'user',
                )
              }
            >
              {t('lens.pullAll', { count: format.number(mapped.length) })}
            </Button>
          </Tooltip>
        ) : null}
      </Group>
      <Stack gap="sm">
        {isOffline ? (
          <Alert color="yellow" data-testid="lens-offline">
            {t('lens.offline')}
          </Alert>
        ) : null}
        {rows.length === 0 ? (
          <Group justify="space-between">
            <Text size="sm">{t('lens.noConnections')}</Text>
            <Button size="xs" variant="default" component="a" href={hrefOf('settings')}>
              {t('lens.openSettings')}
            </Button>
          </Group>
        ) : (
          <Table data-testid="lens-tenants">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('lens.tenant')}</Table.Th>
                <Table.Th>{t('lens.connection')}</Table.Th>
                <Table.Th>{t('lens.customer')}</Table.Th>
                <Table.Th ta="right">{t('lens.devices')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => {
                const name = row.tenant.name || row.tenant.id;
                return (
                  <Table.Tr key={`${row.connection.id}/${row.tenant.id}`}>
                    <Table.Td>
                      <Text size="sm">{name}</Text>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {row.tenant.id}
                      </Text>
                    </Table.Td>
                    <Table.Td>{row.connection.label}</Table.Td>
                    <Table.Td>
                      {row.customer ? (
                        <Anchor href={hrefOf('customers', row.customer.id)}>
                          {row.customer.name}
                        </Anchor>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('lens.noCustomer')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{format.number(row.tenant.devices)}</Table.Td>
                    <Table.Td ta="right">
                      <Button
                        size="xs"
                        variant="light"
                        disabled={isOffline || isRunning || isBusy}
                        aria-label={t('lens.pullTenant', { tenant: name })}
                        onClick={() =>
                          onPull(t('lens.fromLens', { tenant: name }), {
                            connectionId: row.connection.id,
                            tenantId: row.tenant.id,
                            ...(row.customer ? { customerId: row.customer.id } : {}),
                          })
                        }
                      >
                        {t('lens.pull')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        {run ? <PullAllResults run={run} /> : null}
      </Stack>
    </Paper>
  );
}
