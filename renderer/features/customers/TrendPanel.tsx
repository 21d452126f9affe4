/** The trend of one category against ordered and baseline, its forecast with the method named, and a table alternative. */
import {
  Button,
  Group,
  Paper,
  SegmentedControl,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category } from '../../../shared/model/category';
import type { PortfolioCategory } from '../../../shared/reports/portfolio';
import { forecastTriggerMonth, type TrendPoint } from '../../../shared/reports/trend';
import { forecastWords } from '../../../shared/reports/trend-words';
import { useFormat, useShortMonth } from '../../components/format';
import { trendRows } from './trend-rows';

const TrendChart = lazy(() => import('./TrendChart'));

export function TrendPanel({
  trend,
  categories,
  termEnd,
}: {
  trend: TrendPoint[];
  categories: PortfolioCategory[];
  /** The contract's term end: the forecast fan stops there. */
  termEnd: string | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const shortMonth = useShortMonth();
  const [category, setCategory] = useState<Category>(categories[0]?.category ?? 'headsets');
  const [isTable, setTable] = useState(false);
  const found = categories.find((c) => c.category === category);
  // Without a contract there is no trigger to forecast: the counts alone.
  const line = found?.triggerAt != null ? { ...found, triggerAt: found.triggerAt } : undefined;
  const forecast =
    line && termEnd ? forecastTriggerMonth(trend, category, line.triggerAt, termEnd) : undefined;
  const rows = trendRows(trend, category, forecast);
  const name = t(`classes.${category}`);
  const words = forecast ? forecastWords(forecast, name, format.language) : null;
  const forecastText = words?.headline ?? null;
  return (
    <Paper withBorder p="md" data-testid="trend-panel">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('dashboard.trend')}
        </Title>
        <Group>
          {categories.length > 1 ? (
            <SegmentedControl
              size="xs"
              value={category}
              onChange={(value) => setCategory(value)}
              data={categories.map((c) => ({
                value: c.category,
                label: t(`classes.${c.category}`),
              }))}
            />
          ) : null}
          <Button size="xs" variant="default" onClick={() => setTable(!isTable)}>
            {isTable ? t('dashboard.showChart') : t('dashboard.showTable')}
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed" id="trend-caption">
        {t('dashboard.trendCaption', { category: name, triggerAt: line?.triggerAt ?? '–' })}
      </Text>
      {isTable ? (
        <Table striped mt="sm" aria-describedby="trend-caption" data-testid="trend-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dashboard.month')}</Table.Th>
              <Table.Th>{t('dashboard.count')}</Table.Th>
              <Table.Th>{t('dashboard.forecast')}</Table.Th>
              <Table.Th>{t('dashboard.fan80')}</Table.Th>
              <Table.Th>{t('dashboard.fan95')}</Table.Th>
              <Table.Th>{t('dashboard.ordered')}</Table.Th>
              <Table.Th>{t('dashboard.baseline')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.month}>
                <Table.Td>{format.month(row.month)}</Table.Td>
                <Table.Td>{row.count === null ? '' : format.number(row.count)}</Table.Td>
                <Table.Td>
                  {row.forecast === null || row.count !== null ? '' : format.number(row.forecast)}
                </Table.Td>
                <Table.Td>{row.count === null && row.band80 ? row.band80.join('–') : ''}</Table.Td>
                <Table.Td>{row.count === null && row.band95 ? row.band95.join('–') : ''}</Table.Td>
                <Table.Td>{line?.ordered != null ? format.number(line.ordered) : ''}</Table.Td>
                <Table.Td>{line?.baseline != null ? format.decimal(line.baseline) : ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <div
          role="img"
          aria-label={`${t('dashboard.trendCaption', { category: name, triggerAt: line?.triggerAt ?? '–' })} ${forecastText ?? ''}`}
        >
          <Suspense fallback={<Skeleton h={280} />}>
            <TrendChart
              rows={rows}
              ordered={line?.ordered ?? null}
              triggerAt={line?.triggerAt ?? null}
              monthLabel={shortMonth}
              labels={{
                count: t('dashboard.count'),
                ordered: t('dashboard.ordered'),
                baseline: t('dashboard.baseline'),
                forecast: t('dashboard.forecast'),
                band80: t('dashboard.fan80'),
                band95: t('dashboard.fan95'),
              }}
            />
          </Suspense>
        </div>
      )}
      {forecastText ? (
        <Stack gap={2} mt="xs">
          <Text size="sm" fw={600} data-testid="forecast">
            {forecastText}
          </Text>
          {words?.method ? (
            <Text size="xs" c="dimmed">
              {words.method}
            </Text>
          ) : null}
        </Stack>
      ) : null}
    </Paper>
  );
}
