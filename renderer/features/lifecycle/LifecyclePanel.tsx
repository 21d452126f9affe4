/**
 * The lifecycle list laid out (a customer's tab and the portfolio's screen): the window's choice, the
 * export, the devices per month as a chart, the lines, and the models whose support already ended.
 */
import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  deviceTotal,
  lifecycleByMonth,
  type LifecycleWindow,
} from '../../../shared/inventory/lifecycle';
import type { ReplacementList } from '../../../shared/reports/lifecycle-layout';
import { useFormat, useShortMonth } from '../../components/format';
import { exportReplacements } from './export-replacements';
import { LifecycleTable } from './LifecycleTable';
import { LifecycleTotals } from './LifecycleTotals';
import { WindowChoice } from './WindowChoice';

const LifecycleChart = lazy(() => import('./LifecycleChart'));

export function LifecyclePanel({
  list,
  onMonthsChange,
  place,
  intro,
}: {
  list: ReplacementList;
  onMonthsChange: (months: LifecycleWindow) => void;
  /** The first column's header: the site, or the customer. */
  place: string;
  intro: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const monthLabel = useShortMonth();
  const months = useMemo(() => lifecycleByMonth(list), [list]);
  const total = deviceTotal(list.lines);
  return (
    <Stack data-testid="lifecycle">
      <Text size="sm" c="dimmed">
        {intro}
      </Text>
      <Group justify="space-between">
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {t('lifecycle.window')}
          </Text>
          <WindowChoice value={list.months as LifecycleWindow} onChange={onMonthsChange} />
          <Text size="sm" c="dimmed" data-testid="lifecycle-total">
            {t('lifecycle.reachingCount', { count: total, date: format.date(list.until) })}
          </Text>
        </Group>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconFileSpreadsheet size={14} />}
          onClick={() => void exportReplacements(t, list, format.language)}
        >
          {t('lifecycle.export')}
        </Button>
      </Group>
      {list.lines.length === 0 ? (
        <Alert color="gray" data-testid="lifecycle-empty">
          {t('lifecycle.empty', { count: list.months })}
        </Alert>
      ) : (
        <>
          <Paper withBorder p="md" component="section" aria-label={t('lifecycle.chart')}>
            <Text fw={600} size="sm" mb="xs">
              {t('lifecycle.chart')}
            </Text>
            <Suspense fallback={<Loader size="sm" />}>
              <LifecycleChart
                months={months}
                monthLabel={monthLabel}
                labels={{
                  endOfSupport: t('lifecycle.milestones.endOfSupport'),
                  endOfLife: t('lifecycle.milestones.endOfLife'),
                }}
              />
            </Suspense>
          </Paper>
          <LifecycleTable lines={list.lines} place={place} testId="lifecycle-table" />
          {new Set(list.lines.map((l) => l.place)).size > 1 ? (
            <LifecycleTotals lines={list.lines} />
          ) : null}
        </>
      )}
      {list.past.length > 0 ? (
        <Stack gap={4}>
          <Title order={2} size="h5">
            {t('lifecycle.past')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('lifecycle.pastHint')}
          </Text>
          <LifecycleTable lines={list.past} place={place} testId="lifecycle-past" />
        </Stack>
      ) : null}
    </Stack>
  );
}
