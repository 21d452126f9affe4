/** Inventory health, devices not counted, firmware compliance, headset RMAs and CSM hours for one customer. */
import {
  Paper,
  Progress,
  RingProgress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InventorySummary } from '../../../shared/inventory';
import { CATEGORIES, EXCLUDED_CLASSES, type Category } from '../../../shared/model/category';
import type { Contract } from '../../../shared/model/entities';
import type { CustomerActivity } from '../../../shared/reports/portfolio';
import { orderedUnits } from '../../../shared/terms/baseline';
import { monthLedger } from '../../../shared/service/hours';
import { rmaThreshold } from '../../../shared/terms/rma';
import { useFormat } from '../../components/format';
import { UnknownModelsTable } from '../../components/UnknownModels';

const pct = (part: number, whole: number) => (whole === 0 ? 0 : (part * 100) / whole);

function Panel({ title, children, hint }: { title: string; children: ReactNode; hint?: string }) {
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb={hint ? 0 : 'xs'}>
        {title}
      </Title>
      {hint ? (
        <Text size="xs" c="dimmed" mb="xs">
          {hint}
        </Text>
      ) : null}
      {children}
    </Paper>
  );
}

export function HealthPanels({
  summary,
  categories,
  contract,
  activity,
  month,
  headsetOrdered,
  user,
  notCounted,
}: {
  summary: InventorySummary;
  categories: Category[];
  contract: Contract | undefined;
  activity: CustomerActivity;
  /** This month (YYYY-MM): whose CSM hours the panel shows. */
  month: string;
  /** Headset ordered units in force (after any applied true-up): the RMA base. */
  headsetOrdered: number | null;
  /** Who classifies unknown models here. */
  user: string;
  /** The devices not counted for what Lens says of them, under the panel's table. */
  notCounted?: ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const headsets = contract?.categories.find((c) => c.category === 'headsets');
  const rma =
    headsets && contract
      ? rmaThreshold(
          headsetOrdered ?? orderedUnits(headsets.installedAtStart, headsets.agreedGrowth),
          activity.headsetRmasThisYear,
          contract.settings.rmaPct,
          contract.settings.rmaWarnPct,
        )
      : null;
  const hours = contract ? monthLedger(contract, activity.usedMinutesByMonth, month) : null;
  const shown = categories.length > 0 ? categories : [...CATEGORIES];
  return (
    <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
      <Panel title={t('dashboard.health')}>
        <Table>
          <Table.Tbody>
            {(
              [
                ['online', summary.online],
                ['offline', summary.offline],
                ['statusUnknown', summary.statusUnknown],
                ['notDetected', summary.notDetectedRecently],
              ] as const
            ).map(([key, value]) => (
              <Table.Tr key={key}>
                <Table.Td>{t(`dashboard.${key}`)}</Table.Td>
                <Table.Td ta="right">{format.number(value)}</Table.Td>
                <Table.Td ta="right" c="dimmed">
                  {format.number(pct(value, summary.devices), 1)} %
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Panel>
      <Panel title={t('dashboard.excluded')}>
        <Table data-testid="excluded-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dashboard.class')}</Table.Th>
              {CATEGORIES.map((c) => (
                <Table.Th key={c} ta="right">
                  {t(`classes.${c}`)}
                </Table.Th>
              ))}
              <Table.Th ta="right">{t('dashboard.total')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {EXCLUDED_CLASSES.map((cls) => (
              <Table.Tr key={cls}>
                <Table.Td>{t(`classes.${cls}`)}</Table.Td>
                {CATEGORIES.map((c) => (
                  <Table.Td key={c} ta="right">
                    {cls === 'eol' ? format.number(summary.eolByCategory[c]) : ''}
                  </Table.Td>
                ))}
                <Table.Td ta="right" fw={600}>
                  {format.number(summary.excluded[cls])}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {notCounted}
        {summary.unknownModels.length > 0 ? (
          <>
            <Text size="sm" fw={600} mt="sm">
              {t('imports.unknownModels')}
            </Text>
            <UnknownModelsTable models={summary.unknownModels} user={user} />
          </>
        ) : null}
      </Panel>
      <Panel title={t('dashboard.firmware')} hint={t('dashboard.firmwareHint')}>
        <Stack gap="xs">
          {shown.map((c) => {
            const { onNewest, total } = summary.firmware[c];
            return (
              <div key={c}>
                <Text size="sm">
                  {t(`classes.${c}`)}: {format.number(pct(onNewest, total), 0)} % (
                  {format.number(onNewest)} / {format.number(total)})
                </Text>
                <Progress
                  value={pct(onNewest, total)}
                  aria-label={`${t('dashboard.firmware')} ${t(`classes.${c}`)}`}
                />
              </div>
            );
          })}
        </Stack>
        <Table mt="sm" data-testid="firmware-sites">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dashboard.site')}</Table.Th>
              <Table.Th ta="right">%</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {summary.sites.map((site) => (
              <Table.Tr key={site.site}>
                <Table.Td>{site.site || '–'}</Table.Td>
                <Table.Td ta="right">
                  {format.number(pct(site.firmware.onNewest, site.firmware.total), 0)} %
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Panel>
      {rma ? (
        <Panel title={t('dashboard.rma')}>
          <RingProgress
            size={120}
            thickness={12}
            roundCaps
            sections={[
              {
                value: Math.min(100, rma.usedPct ?? (rma.rmaCount > 0 ? 100 : 0)),
                color: rma.exceeded ? 'red' : rma.isWarning ? 'orange' : 'teal',
              },
            ]}
            label={
              <Text ta="center" fw={700}>
                {rma.rmaCount}/{rma.allowed}
              </Text>
            }
            aria-label={t('dashboard.rmaOf', { used: rma.rmaCount, allowed: rma.allowed })}
          />
          <Text size="sm">
            {t('dashboard.rmaOf', { used: rma.rmaCount, allowed: rma.allowed })}
          </Text>
        </Panel>
      ) : null}
      {hours && hours.allowedMinutes > 0 ? (
        <Panel title={t('dashboard.hours')}>
          <Progress
            value={pct(hours.usedMinutes, hours.allowedMinutes)}
            color={hours.overageMinutes > 0 ? 'red' : 'blue'}
            aria-label={t('dashboard.hours')}
          />
          <Text size="sm" mt="xs">
            {t('dashboard.hoursOf', {
              used: format.number(hours.usedMinutes / 60, 1),
              allowed: format.number(hours.allowedMinutes / 60, 0),
            })}
          </Text>
        </Panel>
      ) : null}
    </SimpleGrid>
  );
}
