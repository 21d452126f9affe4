/** Customers: the list, and one customer's header and category cards (the full dashboard comes with its issue). */
import {
  Alert,
  Anchor,
  Badge,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useMemo } from 'react';
import { IconBuildingStore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { monthlyTrend } from '../../../shared/reports/trend';
import { AlertBadges } from '../../components/AlertBadges';
import { EmptyState } from '../../components/EmptyState';
import { StatusBadge } from '../../components/StatusBadge';
import { useFormat } from '../../components/shell/format';
import { hrefOf } from '../../components/shell/route';
import { useCustomers, useCustomerView } from '../../db/hooks';
import { DeviceExplorer } from './DeviceExplorer';
import { HealthPanels } from './HealthPanels';
import { SiteCards } from './SiteCards';
import { TrendPanel } from './TrendPanel';

function CustomerList() {
  const { t } = useTranslation();
  const customers = useCustomers();
  if (customers && customers.length === 0) {
    return (
      <EmptyState icon={<IconBuildingStore />} title={t('customers.emptyTitle')}>
        {t('customers.emptyBody')}
      </EmptyState>
    );
  }
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('customers.title')}
      </Title>
      <Table highlightOnHover>
        <Table.Tbody>
          {(customers ?? []).map((customer) => (
            <Table.Tr key={customer.id}>
              <Table.Td>
                <Anchor href={hrefOf('customers', customer.id)} fw={600}>
                  {customer.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{customer.masterAccountId}</Table.Td>
              <Table.Td>{customer.csm}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function CustomerDashboard({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const view = useCustomerView(id);
  const trend = useMemo(() => monthlyTrend(view?.snapshots ?? []), [view?.snapshots]);
  if (view === undefined) return null;
  if (view === null) return <CustomerList />;
  const { customer, sites, contract, row, latest } = view;
  return (
    <Stack>
      <div>
        <Title order={1} size="h2">
          {customer.name}
        </Title>
        <Group gap="xs" c="dimmed">
          <Text size="sm">{customer.masterAccountId}</Text>
          {contract ? <Text size="sm">· {contract.number}</Text> : null}
          {contract && row.termEnd ? (
            <Text size="sm">
              · {format.date(contract.termStart)} – {format.date(row.termEnd)}
            </Text>
          ) : null}
          <Text size="sm">
            · CSM {customer.csm} · AM {customer.accountManager || '–'}
          </Text>
          {row.devices !== null && latest ? (
            <Text size="sm">
              · {t('customers.devices', { count: row.devices })} ·{' '}
              {t('dashboard.asOf', { date: format.date(latest.asOf) })}
            </Text>
          ) : null}
        </Group>
        <Group gap={4} mt={4}>
          {sites.map((site) => (
            <Badge key={site.id} variant="default" radius="sm" tt="none" size="sm">
              {site.name} · {site.siteId}
            </Badge>
          ))}
        </Group>
      </div>
      <AlertBadges alerts={row.alerts} />
      <Tabs defaultValue="overview" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="overview">{t('dashboard.overview')}</Tabs.Tab>
          <Tabs.Tab value="devices">{t('dashboard.devices')}</Tabs.Tab>
          <Tabs.Tab value="sites">{t('dashboard.sites')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <Stack>
            {contract ? null : <Alert color="gray">{t('dashboard.noContract')}</Alert>}
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              {row.categories.map((cell) => (
                <Card key={cell.category} withBorder data-category={cell.category}>
                  <Group justify="space-between">
                    <Text fw={600}>{t(`categories.${cell.category}`)}</Text>
                    <StatusBadge status={cell.status} />
                  </Group>
                  <Text size="xl" fw={700} mt="sm">
                    {cell.count === null ? '–' : format.number(cell.count)}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t('customers.orderedBaseline', {
                      ordered: format.number(cell.ordered),
                      baseline: format.decimal(cell.baseline),
                      triggerAt: format.number(cell.triggerAt),
                    })}
                    {cell.growthPct !== null ? ` · ${format.percent(cell.growthPct)}` : ''}
                  </Text>
                </Card>
              ))}
            </SimpleGrid>
            {row.categories.length > 0 && trend.length > 0 ? (
              <TrendPanel trend={trend} categories={row.categories} />
            ) : null}
            {latest ? (
              <HealthPanels
                summary={latest.summary}
                categories={row.categories.map((c) => c.category)}
                contract={contract}
                activity={view.activity}
              />
            ) : null}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="devices" pt="md">
          <DeviceExplorer
            customerId={customer.id}
            customerName={customer.name}
            asOf={latest?.asOf ?? view.today}
          />
        </Tabs.Panel>
        <Tabs.Panel value="sites" pt="md">
          <SiteCards sites={sites} summary={latest?.summary} cases={view.cases} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

export default function CustomersScreen({ id }: { id: string | null }) {
  return id ? <CustomerDashboard id={id} /> : <CustomerList />;
}
