/**
 * Monthly reports: each customer's report for a month and whether it was sent, with the export of one
 * customer's report (ExportDialog) or of all customers' at once (BatchDialog).
 */
import { Badge, Button, Group, Loader, Select, Stack, Table, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconFolderDown } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer, ReportRecord } from '../../../shared/model/entities';
import { type ReportLanguage } from '../../../shared/reports/monthly';
import { addMonthsToMonth, localToday, monthOf } from '../../../shared/terms/dates';
import { EmptyState } from '../../components/EmptyState';
import { useFormat } from '../../components/format';
import { useCustomers } from '../../db/hooks/book';
import { useReportArchive, useReportReadiness } from '../../db/hooks/reports';
import { reportId } from '../../db/reports';
import type { Settings } from '../../db/settings';
import { ActionsHeader } from '../../components/ActionsHeader';
import { BatchDialog } from './BatchDialog';
import { ExportDialog } from './ExportDialog';
import { MonthInProgress } from './MarkSent';

/**
 * The month a CSM most likely sends: last month, until every customer's report for it is sent; then
 * this month.
 */
function monthToSend(
  current: string,
  customers: readonly Customer[] | undefined,
  archive: readonly ReportRecord[] | undefined,
): string {
  const last = addMonthsToMonth(current, -1);
  const active = (customers ?? []).filter((c) => !c.isArchived);
  if (!archive || active.length === 0) return last;
  const sent = new Set(archive.map((r) => r.id));
  return active.every((c) => sent.has(reportId(c.id, last))) ? current : last;
}

export default function ReportsScreen({ settings }: { settings: Settings }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const language: ReportLanguage = i18n.language === 'sv' ? 'sv' : 'en';
  const customers = useCustomers();
  const archive = useReportArchive();
  const current = monthOf(localToday());
  const [chosenMonth, setMonth] = useState<string | null>(null);
  const month = chosenMonth ?? monthToSend(current, customers, archive);
  // Chosen once the book is read, so the month does not change under the user as reports are sent.
  if (chosenMonth === null && customers && archive) setMonth(month);
  const [exporting, setExporting] = useState<Customer | null>(null);
  const [isBatchOpen, setBatchOpen] = useState(false);
  const readiness = useReportReadiness(month);
  if (!customers || !archive || !readiness) return <Loader aria-label={t('reports.title')} />;
  const active = customers.filter((c) => !c.isArchived);
  const archivedOf = (customerId: string) =>
    archive.find((r) => r.id === reportId(customerId, month));
  const months = Array.from({ length: 13 }, (_, i) => addMonthsToMonth(current, -i));

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('reports.title')}
        </Title>
        <Group gap="xs" align="end">
          <Select
            label={t('reports.month')}
            data={months.map((m) => ({ value: m, label: format.month(m) }))}
            value={month}
            onChange={(v) => setMonth(v ?? month)}
            allowDeselect={false}
            w={170}
          />
          <Button
            leftSection={<IconFolderDown size={16} />}
            onClick={() => setBatchOpen(true)}
            disabled={active.length === 0}
          >
            {t('reports.exportAll')}
          </Button>
        </Group>
      </Group>
      {active.length > 0 ? <MonthInProgress month={month} /> : null}
      {active.length === 0 ? (
        <EmptyState icon={<IconFileSpreadsheet />} title={t('reports.emptyTitle')}>
          {t('reports.emptyBody')}
        </EmptyState>
      ) : (
        <Table data-testid="report-list" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.customer')}</Table.Th>
              <Table.Th>{t('reports.status')}</Table.Th>
              <ActionsHeader />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {active.map((customer) => {
              const archived = archivedOf(customer.id);
              return (
                <Table.Tr key={customer.id} data-customer={customer.name}>
                  <Table.Td>{customer.name}</Table.Td>
                  <Table.Td>
                    {archived ? (
                      <Badge color="green" variant="light">
                        {t('reports.sent', { date: format.date(archived.exportedAt) })}
                      </Badge>
                    ) : (
                      <Badge color="gray" variant="light">
                        {t('reports.notSent')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Button size="xs" variant="default" onClick={() => setExporting(customer)}>
                      {t('reports.exportButton')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {isBatchOpen ? (
        <BatchDialog
          customers={active}
          month={month}
          readiness={readiness}
          archivedOf={archivedOf}
          settings={settings}
          language={language}
          onClose={() => setBatchOpen(false)}
        />
      ) : null}
      {exporting ? (
        <ExportDialog
          customer={exporting}
          month={month}
          archived={archivedOf(exporting.id)}
          settings={settings}
          language={language}
          onClose={() => setExporting(null)}
        />
      ) : null}
    </Stack>
  );
}
