/**
 * A customer's service delivery for a month: the headset RMA threshold of the year, CSM hours against
 * the blocks (with a burn-down), cases and incidents; and the records themselves to enter and edit.
 */
import {
  Badge,
  Group,
  Loader,
  Paper,
  Progress,
  RingProgress,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serviceSummary } from '../../../shared/reports/service';
import { hoursText } from '../../../shared/service/time';
import { addMonthsToMonth, lastDayOfMonth, monthOf } from '../../../shared/terms/dates';
import { Fact } from '../../components/Fact';
import { useFormat } from '../../components/format';
import { useServiceView } from '../../db/hooks/service';
import { burnDownRows } from './burn-down';
import { CaseSection } from './CaseSection';
import { EcpsSection } from './EcpsSection';
import { RmaSection } from './RmaSection';
import { TimeSection } from './TimeSection';

const BurnDownChart = lazy(() => import('./BurnDownChart'));

export function ServicePanel({ customerId, user }: { customerId: string; user: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const view = useServiceView(customerId);
  const [month, setMonth] = useState<string | null>(null);
  if (view === undefined) return <Loader aria-label="Loading" />;
  if (view === null) return null;
  const current = monthOf(view.today);
  const shown = month ?? current;
  const end = lastDayOfMonth(shown);
  const summary = serviceSummary(shown, {
    contract: view.contract,
    trueUps: view.trueUps,
    rmas: view.rmas,
    timeEntries: view.timeEntries,
    cases: view.cases,
    incidents: view.incidents,
    catalog: view.catalog,
    asOf: end < view.today ? end : view.today,
  });
  const rma = summary.rmas.headsets;
  const ledger = summary.hours.ledger;
  const months = Array.from({ length: 13 }, (_, i) => addMonthsToMonth(current, -i));

  return (
    <Stack data-testid="service-panel">
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('service.title')}
        </Title>
        <Select
          aria-label={t('service.month')}
          data={months.map((m) => ({ value: m, label: format.month(m) }))}
          value={shown}
          onChange={(v) => setMonth(v)}
          allowDeselect={false}
          w={170}
        />
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2, xl: 4 }}>
        <Paper withBorder p="md">
          <Text fw={600} mb="xs">
            {t('service.summary.rmas', { year: shown.slice(0, 4) })}
          </Text>
          {rma ? (
            <Group>
              <RingProgress
                size={84}
                thickness={9}
                sections={[
                  {
                    value: Math.min(
                      100,
                      rma.threshold.usedPct ?? (rma.threshold.rmaCount > 0 ? 100 : 0),
                    ),
                    color: rma.threshold.exceeded
                      ? 'red'
                      : rma.threshold.isWarning
                        ? 'yellow'
                        : 'green',
                  },
                ]}
                label={
                  <Text ta="center" size="sm" fw={700} data-testid="rma-used">
                    {rma.threshold.rmaCount}/{rma.threshold.allowed}
                  </Text>
                }
              />
              <Stack gap={2}>
                <Text size="sm">
                  {t('service.summary.allowed', {
                    allowed: rma.threshold.allowed,
                    base: rma.threshold.base,
                  })}
                </Text>
                {rma.threshold.exceeded ? (
                  <Badge color="red">
                    {t('service.summary.excess', {
                      excess: rma.threshold.excess,
                      amount: format.money(rma.exposure.amount),
                    })}
                  </Badge>
                ) : rma.threshold.isWarning ? (
                  <Badge color="yellow">{t('service.summary.warning')}</Badge>
                ) : null}
              </Stack>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {t('service.summary.noHeadsets')}
            </Text>
          )}
          <Text size="sm" mt="xs">
            {t('service.summary.rmaMonth', {
              requested: summary.rmas.requested.length,
              late: summary.rmas.late.length,
              unreturned: summary.rmas.unreturned.length,
            })}
          </Text>
        </Paper>
        <Paper withBorder p="md">
          <Text fw={600} mb="xs">
            {t('service.summary.hours')}
          </Text>
          {ledger && ledger.allowedMinutes > 0 ? (
            <>
              <Progress
                value={Math.min(100, (ledger.usedMinutes * 100) / ledger.allowedMinutes)}
                color={ledger.overageMinutes > 0 ? 'red' : 'blue'}
                aria-label={t('service.summary.hours')}
              />
              <SimpleGrid cols={2} mt="xs">
                <Fact
                  label={t('service.summary.allowedHours')}
                  value={hoursText(ledger.allowedMinutes)}
                  testId="hours-allowed"
                />
                <Fact
                  label={t('service.summary.usedHours')}
                  value={hoursText(ledger.usedMinutes)}
                  testId="hours-used"
                />
                <Fact
                  label={t('service.summary.remainingHours')}
                  value={hoursText(ledger.remainingMinutes)}
                  testId="hours-remaining"
                />
                <Fact
                  label={t('service.summary.overage')}
                  value={hoursText(ledger.overageMinutes)}
                  testId="hours-overage"
                />
              </SimpleGrid>
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {t('service.summary.noBlocks', {
                used: hoursText(summary.hours.entries.reduce((s, e) => s + e.minutes, 0)),
              })}
            </Text>
          )}
        </Paper>
        <Paper withBorder p="md">
          <Text fw={600} mb="xs">
            {t('service.summary.cases')}
          </Text>
          <Text size="sm">
            {t('service.summary.caseCounts', {
              opened: summary.cases.opened,
              resolved: summary.cases.resolved,
              open: summary.cases.openAtMonthEnd,
              escalated: summary.cases.escalated,
            })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('service.summary.medianResolve', {
              time:
                summary.cases.medianMinutesToResolve === null
                  ? '–'
                  : hoursText(summary.cases.medianMinutesToResolve),
            })}
          </Text>
        </Paper>
        <Paper withBorder p="md">
          <Text fw={600} mb="xs">
            {t('service.summary.incidents')}
          </Text>
          <Text size="sm">
            {t('service.summary.incidentCounts', {
              opened: summary.incidents.opened,
              resolved: summary.incidents.resolved,
              open: summary.incidents.openAtMonthEnd,
              calls: summary.incidents.jointCalls,
            })}
          </Text>
        </Paper>
      </SimpleGrid>
      {ledger && ledger.allowedMinutes > 0 ? (
        <Paper withBorder p="md" component="section" aria-label={t('service.summary.burnDown')}>
          <Text fw={600} size="sm">
            {t('service.summary.burnDown')}
          </Text>
          <Suspense fallback={<Loader size="sm" />}>
            <BurnDownChart
              rows={burnDownRows(shown, ledger.allowedMinutes, summary.hours.entries, view.today)}
              labels={{
                remaining: t('service.summary.hoursLeft'),
                pace: t('service.summary.evenPace'),
              }}
            />
          </Suspense>
        </Paper>
      ) : null}
      <Tabs defaultValue="time" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="time">{t('service.tabs.time')}</Tabs.Tab>
          <Tabs.Tab value="rmas">{t('service.tabs.rmas')}</Tabs.Tab>
          <Tabs.Tab value="cases">{t('service.tabs.cases')}</Tabs.Tab>
          <Tabs.Tab value="ecps">{t('service.tabs.ecps')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="time" pt="md">
          <TimeSection
            customerId={customerId}
            customerName={view.customer.name}
            entries={summary.hours.entries.slice().reverse()}
            user={user}
            today={view.today}
          />
        </Tabs.Panel>
        <Tabs.Panel value="rmas" pt="md">
          <RmaSection view={view} user={user} />
        </Tabs.Panel>
        <Tabs.Panel value="cases" pt="md">
          <CaseSection cases={view.cases} sites={view.sites} customerId={customerId} user={user} />
        </Tabs.Panel>
        <Tabs.Panel value="ecps" pt="md">
          <EcpsSection
            customer={view.customer}
            incidents={view.incidents}
            user={user}
            today={view.today}
          />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
