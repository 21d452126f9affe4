/** Home: every customer with its chosen categories, count against ordered and baseline, and status. */
import {
  Anchor,
  Button,
  Select,
  Switch,
  Group,
  Progress,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Loader,
} from '@mantine/core';
import { IconChartBar, IconSearch } from '@tabler/icons-react';
import { startTransition, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES } from '../../../shared/model/category';
import {
  STATUS_RANK,
  worstStatus,
  type PortfolioCategory,
  type PortfolioRow,
} from '../../../shared/reports/portfolio';
import type { DashboardStatus } from '../../../shared/terms/baseline';
import { AlertBadges } from '../../components/AlertBadges';
import { EmptyState } from '../../components/EmptyState';
import { StandingBadge, standingColor } from '../../components/StatusBadge';
import { ClassifyDialog } from '../../components/UnknownModels';
import type { Settings } from '../../db/settings';
import { useFormat } from '../../components/format';
import { hrefOf, navigate } from '../../components/route';
import { matchesQuery } from '../../../shared/search';
import { useCustomerSearch } from '../../db/hooks/book';
import { usePortfolio } from '../../db/hooks/portfolio';

type StatusFilter = 'all' | DashboardStatus;
type SortKey = 'attention' | 'name' | 'renewal';

/** Rows rendered in the first paint; the rest follow in a transition right after (a screenful is ~15). */
const FIRST_ROWS = 40;
function CategoryCell({ cell }: { cell: PortfolioCategory | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!cell) return <Text c="dimmed">–</Text>;
  const count = cell.count === null ? '–' : format.number(cell.count);
  // Without a contract the count stands alone: nothing to compare it with.
  if (cell.ordered === null || cell.triggerAt === null)
    return (
      <Text fw={600} size="sm" data-field="count">
        {count}
      </Text>
    );
  const label = t('portfolio.countOfOrdered', {
    count,
    ordered: format.number(cell.ordered),
    baseline: format.decimal(cell.baseline ?? 0),
  });
  return (
    <Stack gap={4} miw={140}>
      <Text fw={600} size="sm" style={{ whiteSpace: 'nowrap' }} data-field="count">
        {count}
        <Text span c="dimmed" size="sm" fw={400}>
          {' / '}
          {format.number(cell.ordered)}
        </Text>
      </Text>
      <Progress
        value={
          cell.count === null ? 0 : Math.min(100, (cell.count / Math.max(1, cell.triggerAt)) * 100)
        }
        color={standingColor(cell)}
        size="sm"
        aria-label={label}
        title={label}
      />
      <StandingBadge cell={cell} hasDetail={false} isChip />
    </Stack>
  );
}

export default function PortfolioScreen({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const [classifying, setClassifying] = useState<PortfolioRow | null>(null);
  const format = useFormat();
  const rows = usePortfolio();
  const terms = useCustomerSearch();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [sort, setSort] = useState<SortKey>('attention');
  const [isActionOnly, setActionOnly] = useState(false);

  const visible = useMemo(() => {
    const compare: Record<SortKey, (a: PortfolioRow, b: PortfolioRow) => number> = {
      attention: (a, b) =>
        STATUS_RANK[worstStatus(a) ?? 'under'] - STATUS_RANK[worstStatus(b) ?? 'under'] ||
        b.alerts.length - a.alerts.length ||
        a.customer.localeCompare(b.customer),
      name: (a, b) => a.customer.localeCompare(b.customer),
      renewal: (a, b) =>
        (a.renewalDate ?? '9999').localeCompare(b.renewalDate ?? '9999') ||
        a.customer.localeCompare(b.customer),
    };
    return (rows ?? [])
      .filter((row) =>
        matchesQuery(terms?.get(row.customerId) ?? [row.customer, row.contractNumber ?? ''], query),
      )
      .filter((row) => status === 'all' || row.categories.some((c) => c.status === status))
      .filter((row) => !isActionOnly || row.alerts.length > 0)
      .sort(compare[sort]);
  }, [rows, terms, query, status, sort, isActionOnly]);

  // A large book paints its first screenful at once and the other rows in the next frames.
  const [limit, setLimit] = useState(FIRST_ROWS);
  useEffect(() => {
    if (visible.length <= limit) return undefined;
    const frame = requestAnimationFrame(() => startTransition(() => setLimit(visible.length)));
    return () => cancelAnimationFrame(frame);
  }, [visible.length, limit]);

  // While the book loads, a loader: never an empty table that says "0 customers".
  if (rows === undefined) return <Loader aria-label={t('portfolio.title')} m="xl" />;
  if (rows.length === 0) {
    return (
      <EmptyState icon={<IconChartBar />} title={t('portfolio.emptyTitle')}>
        {t('portfolio.emptyBody')}
      </EmptyState>
    );
  }

  return (
    <Stack>
      <Group justify="space-between" align="end">
        <div>
          <Title order={1} size="h2">
            {t('portfolio.title')}
          </Title>
          <Text c="dimmed" data-testid="portfolio-count">
            {visible.length === rows.length
              ? t('portfolio.subtitle', { count: rows.length })
              : t('portfolio.subtitleFiltered', {
                  shown: format.number(visible.length),
                  count: format.number(rows.length),
                })}
          </Text>
        </div>
        <Group>
          <SegmentedControl
            aria-label={t('portfolio.filterStatus')}
            value={status}
            onChange={setStatus}
            data={[
              { value: 'all', label: t('portfolio.all') },
              { value: 'trueUpDue', label: t('status.trueUpDue') },
              { value: 'approaching', label: t('status.approaching') },
              { value: 'within', label: t('status.within') },
              { value: 'under', label: t('status.under') },
            ]}
          />
          <Select
            aria-label={t('portfolio.sort')}
            value={sort}
            onChange={(value) => setSort(value ?? 'attention')}
            data={[
              { value: 'attention', label: t('portfolio.sortAttention') },
              { value: 'name', label: t('portfolio.sortName') },
              { value: 'renewal', label: t('portfolio.sortRenewal') },
            ]}
            allowDeselect={false}
            w={220}
          />
          <Switch
            label={t('alerts.onlyAction')}
            checked={isActionOnly}
            onChange={(e) => setActionOnly(e.currentTarget.checked)}
          />
          <TextInput
            aria-label={t('portfolio.search')}
            placeholder={t('portfolio.search')}
            miw={420}
            leftSection={<IconSearch size={16} />}
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
          />
        </Group>
      </Group>
      <Table.ScrollContainer minWidth={900}>
        <Table highlightOnHover verticalSpacing="sm" data-testid="portfolio-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('portfolio.customer')}</Table.Th>
              {CATEGORIES.map((category) => (
                <Table.Th key={category}>{t(`classes.${category}`)}</Table.Th>
              ))}
              <Table.Th>{t('alerts.column')}</Table.Th>
              <Table.Th>{t('portfolio.asOf')}</Table.Th>
              <Table.Th>{t('portfolio.renewal')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {visible.slice(0, limit).map((row) => (
              <Table.Tr
                key={row.customerId}
                className="clickable-row"
                data-customer={row.customer}
                onClick={() => navigate('customers', row.customerId)}
              >
                <Table.Td>
                  <Anchor
                    href={hrefOf('customers', row.customerId)}
                    fw={600}
                    onClick={(event) => event.stopPropagation()}
                  >
                    {row.customer}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {row.contractNumber ?? t('portfolio.noContract')}
                  </Text>
                </Table.Td>
                {CATEGORIES.map((category) => (
                  <Table.Td key={category}>
                    <CategoryCell cell={row.categories.find((c) => c.category === category)} />
                  </Table.Td>
                ))}
                <Table.Td miw={240} maw={360} onClick={(event) => event.stopPropagation()}>
                  <AlertBadges
                    alerts={row.alerts.filter((a) => a.kind !== 'approaching')}
                    isCompact
                    onUnknownModels={() => setClassifying(row)}
                  />
                </Table.Td>
                <Table.Td>{row.asOf ? format.date(row.asOf) : '–'}</Table.Td>
                <Table.Td>{row.renewalDate ? format.date(row.renewalDate) : '–'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {visible.length === 0 ? (
        <EmptyState
          icon={<IconSearch />}
          action={
            <Button
              variant="default"
              onClick={() => {
                setQuery('');
                setStatus('all');
                setActionOnly(false);
              }}
            >
              {t('portfolio.clearFilters')}
            </Button>
          }
          title={
            query.trim()
              ? t('portfolio.noMatch', { query: query.trim() })
              : t('portfolio.nothingShown')
          }
        >
          {t('portfolio.noMatchBody')}
        </EmptyState>
      ) : null}
      {classifying ? (
        <ClassifyDialog
          customerId={classifying.customerId}
          customer={classifying.customer}
          user={settings.userName}
          onClose={() => setClassifying(null)}
        />
      ) : null}
    </Stack>
  );
}
