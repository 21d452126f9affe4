/** Customers: the list (with the contract register), and one customer's dashboard and contract. */
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Title,
  Loader,
  Select,
} from '@mantine/core';
import { lazy, Suspense, useMemo, useState } from 'react';
import { IconPencil } from '@tabler/icons-react';
import { useMayWrite } from '../../db/team-sync';
import { useTranslation } from 'react-i18next';
import { monthlyTrend } from '../../../shared/reports/trend';
import { AlertBadges } from '../../components/AlertBadges';
import { showUndo } from '../../components/undo';
import { actionDetail } from '../../../shared/contracts/action-text';
import { StandingBadge } from '../../components/StatusBadge';
import { useFormat } from '../../components/format';
import { navigate } from '../../components/route';
import { saveCustomer } from '../../db/contracts';
import { db } from '../../db/instance';
import type { Settings } from '../../db/settings';
import { CustomerForm } from '../contracts/CustomerForm';
import { useCustomers } from '../../db/hooks/book';
import { useCustomerView } from '../../db/hooks/customer';
import { DeviceExplorer } from './DeviceExplorer';
import { HealthPanels } from './HealthPanels';
import { deviceListTarget } from './explorer-rows';
import { NotCountedList } from './NotCountedList';
import { SiteCards } from './SiteCards';
import { TrendPanel } from './TrendPanel';
import { CustomerList } from './CustomerList';
import { PullFromLens } from './PullFromLens';
import { CustomerLifecycle } from '../lifecycle/CustomerLifecycle';

// The contract and service tabs load their code when first opened (and while the app is idle).
const ContractPanel = lazy(() =>
  import('../contracts/ContractPanel').then((m) => ({ default: m.ContractPanel })),
);
const ServicePanel = lazy(() =>
  import('../service/ServicePanel').then((m) => ({ default: m.ServicePanel })),
);

const TABS = ['overview', 'devices', 'sites', 'lifecycle', 'contract', 'service'] as const;

function CustomerDashboard({
  id,
  path,
  settings,
}: {
  id: string;
  /** The tab shown (each is its own history step), then a device to find in the devices tab. */
  path: string[];
  settings: Settings;
}) {
  const [tabInPath, deviceSegment = ''] = path;
  const deviceTarget = deviceListTarget(deviceSegment);
  const tab = TABS.find((t) => t === tabInPath) ?? 'overview';
  const { t } = useTranslation();
  const may = useMayWrite();
  const [isEditing, setEditing] = useState(false);
  const others = useCustomers();
  const format = useFormat();
  const [month, setMonth] = useState<string | null>(null);
  const view = useCustomerView(id, month);
  const trend = useMemo(() => monthlyTrend(view?.snapshots ?? []), [view?.snapshots]);
  if (view === undefined) return null;
  if (view === null) return <CustomerList settings={settings} />;
  const { customer, sites, contract, row, latest } = view;
  const monthLabel = (m: string) => format.month(m);
  return (
    <Stack>
      <div>
        <Group justify="space-between">
          <Group gap="xs">
            <Title order={1} size="h2">
              {customer.name}
            </Title>
            {customer.isArchived ? <Badge color="gray">{t('customers.archived')}</Badge> : null}
          </Group>
          <Group gap="xs">
            <Select
              aria-label={t('dashboard.monthShown')}
              size="xs"
              w={180}
              allowDeselect={false}
              data={view.months.map((m) => ({ value: m, label: monthLabel(m) }))}
              value={view.month}
              onChange={(value) => setMonth(value === view.months[0] ? null : value)}
              data-testid="month-picker"
            />
            <PullFromLens customer={customer} />
            {may('customers') ? (
              <>
                <Button
                  variant="default"
                  size="xs"
                  leftSection={<IconPencil size={14} />}
                  onClick={() => setEditing(true)}
                >
                  {t('customerForm.edit')}
                </Button>
                <Button
                  variant="subtle"
                  color="gray"
                  size="xs"
                  onClick={() =>
                    void saveCustomer(db, settings.userName, {
                      ...customer,
                      isArchived: !customer.isArchived,
                    }).then(() =>
                      showUndo(
                        t(
                          customer.isArchived
                            ? 'customers.restoredNotice'
                            : 'customers.archivedNotice',
                          {
                            name: customer.name,
                          },
                        ),
                        t('common.undo'),
                        () => saveCustomer(db, settings.userName, customer),
                      ),
                    )
                  }
                >
                  {t(customer.isArchived ? 'customers.restore' : 'customers.archive')}
                </Button>
              </>
            ) : null}
          </Group>
        </Group>
        {/* One line of facts, a dot between those there are (none dangling without a contract). */}
        <Text size="sm" c="dimmed">
          <span data-testid="customer-ids">
            {[customer.masterAccountId, contract?.number].filter(Boolean).join(' · ')}
          </span>
          {[
            contract && row.termEnd
              ? `${format.date(contract.termStart)} – ${format.date(row.termEnd)}`
              : '',
            `CSM ${customer.csm || '–'}`,
            `AM ${customer.accountManager || '–'}`,
            row.devices !== null && latest
              ? `${t('customers.devices', { count: row.devices })} · ${t('dashboard.asOf', { date: format.date(latest.asOf) })}`
              : '',
          ]
            .filter(Boolean)
            .map((part, i) =>
              i === 0 && !customer.masterAccountId && !contract ? part : ` · ${part}`,
            )
            .join('')}
        </Text>
        <Group gap={4} mt={4}>
          {sites.map((site) => (
            <Badge
              key={site.id}
              variant="default"
              radius="sm"
              tt="none"
              size="sm"
              data-testid="site-badge"
            >
              {site.name} · {site.siteId}
            </Badge>
          ))}
        </Group>
      </div>
      {view.isPast ? (
        <Alert color="blue" data-testid="past-month">
          {t('dashboard.pastMonth', {
            month: monthLabel(view.month),
            date: format.date(view.today),
          })}
        </Alert>
      ) : null}
      <AlertBadges alerts={row.alerts} />
      <Tabs
        value={tab}
        onChange={(next) => next && navigate('customers', id, next)}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="overview">{t('dashboard.overview')}</Tabs.Tab>
          <Tabs.Tab value="devices">{t('dashboard.devices')}</Tabs.Tab>
          <Tabs.Tab value="sites">{t('dashboard.sites')}</Tabs.Tab>
          <Tabs.Tab value="lifecycle">{t('lifecycle.tab')}</Tabs.Tab>
          <Tabs.Tab value="contract">{t('dashboard.contract')}</Tabs.Tab>
          <Tabs.Tab value="service">{t('dashboard.service')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <Stack>
            {contract ? null : <Alert color="gray">{t('dashboard.noContract')}</Alert>}
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              {row.categories.map((cell) => (
                <Card key={cell.category} withBorder data-category={cell.category}>
                  <Group justify="space-between" align="flex-start" wrap="nowrap">
                    <Text fw={600}>{t(`categories.${cell.category}`)}</Text>
                    {cell.ordered === null ? null : <StandingBadge cell={cell} hasDetail={false} />}
                  </Group>
                  <Text size="xl" fw={700} mt="sm" data-field="count">
                    {cell.count === null ? '–' : format.number(cell.count)}
                  </Text>
                  {cell.ordered === null ? null : (
                    <Text size="sm" c="dimmed">
                      {t('customers.orderedBaseline', {
                        ordered: format.number(cell.ordered),
                        baseline: format.decimal(cell.baseline ?? 0),
                        triggerAt: format.number(cell.triggerAt ?? 0),
                      })}
                      {cell.growthPct !== null ? ` · ${format.percent(cell.growthPct)}` : ''}
                    </Text>
                  )}
                  {cell.action ? (
                    <Text size="sm" mt={4} data-field="action">
                      {actionDetail(format.language, cell)}
                    </Text>
                  ) : null}
                </Card>
              ))}
            </SimpleGrid>
            {row.categories.length > 0 && trend.length > 0 ? (
              <TrendPanel trend={trend} categories={row.categories} termEnd={row.termEnd} />
            ) : null}
            {latest ? (
              <HealthPanels
                summary={latest.summary}
                categories={row.categories.map((c) => c.category)}
                contract={contract}
                activity={view.activity}
                month={view.today.slice(0, 7)}
                headsetOrdered={
                  row.categories.find((c) => c.category === 'headsets')?.ordered ?? null
                }
                user={settings.userName}
                notCounted={<NotCountedList snapshot={latest} isPast={view.isPast} />}
              />
            ) : null}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="devices" pt="md">
          <DeviceExplorer
            key={deviceSegment}
            initialQuery={deviceTarget.query}
            initialClass={deviceTarget.cls}
            staleDays={latest?.summary.staleDays ?? null}
            customerId={customer.id}
            customerName={customer.name}
            asOf={latest?.asOf ?? view.today}
            snapshot={view.isPast ? (latest ?? null) : undefined}
            user={settings.userName}
          />
        </Tabs.Panel>
        <Tabs.Panel value="sites" pt="md">
          <SiteCards sites={sites} summary={latest?.summary} cases={view.cases} />
        </Tabs.Panel>
        <Tabs.Panel value="lifecycle" pt="md">
          <CustomerLifecycle customerId={customer.id} isPast={view.isPast} />
        </Tabs.Panel>
        <Tabs.Panel value="contract" pt="md">
          <Suspense fallback={<Loader aria-label={t('dashboard.contract')} />}>
            <ContractPanel customerId={customer.id} settings={settings} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="service" pt="md">
          <Suspense fallback={<Loader aria-label={t('dashboard.service')} />}>
            <ServicePanel customerId={customer.id} user={settings.userName} />
          </Suspense>
        </Tabs.Panel>
      </Tabs>
      {isEditing ? (
        <CustomerForm
          customer={customer}
          user={settings.userName}
          names={(others ?? []).filter((c) => c.id !== customer.id).map((c) => c.name)}
          onClose={() => setEditing(false)}
        />
      ) : null}
    </Stack>
  );
}

export default function CustomersScreen({
  id,
  path,
  settings,
}: {
  id: string | null;
  path: string[];
  settings: Settings;
}) {
  return id ? (
    <CustomerDashboard id={id} path={path} settings={settings} />
  ) : (
    <CustomerList settings={settings} />
  );
}
