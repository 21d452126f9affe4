/**
 * Monthly reports: each customer's report for a month (with the CSM's note), exported as a workbook and
 * frozen in the archive as sent; an archived month re-exports as sent and shows what changed since. All
 * customers for a month go into one folder with the portfolio workbook, with a progress bar.
 */
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  ScrollArea,
  Group,
  Loader,
  Modal,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet, IconFolderDown } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { safeFileName } from '../../../shared/files';
import type { Customer, ReportRecord } from '../../../shared/model/entities';
import { type MonthlyReport, type ReportLanguage } from '../../../shared/reports/monthly';
import { describeReportChanges } from '../../../shared/reports/describe-changes';
import { monthlyWorkbook } from '../../../shared/reports/monthly-layout';
import { portfolioWorkbook } from '../../../shared/reports/portfolio-layout';
import {
  addMonthsToMonth,
  lastDayOfMonth,
  localToday,
  monthOf,
  toDayNumber,
} from '../../../shared/terms/dates';
import { EmptyState } from '../../components/EmptyState';
import { useFormat } from '../../components/format';
import { useCustomers } from '../../db/hooks/book';
import { useReportArchive, useReportReadiness } from '../../db/hooks/reports';
import { db } from '../../db/instance';
import { archiveReport, currentReport, reportId } from '../../db/reports';
import type { Settings } from '../../db/settings';
import { exportWorkbook, exportWorkbooks, type Workbook } from '../../components/export-workbook';
import { ActionsHeader } from '../../components/ActionsHeader';
import { DialogButtons } from '../../components/DialogButtons';

const fileNameOf = (report: MonthlyReport) =>
  safeFileName(`${report.customer.name} ${report.contract?.number ?? ''} ${report.month}.xlsx`);

function ExportDialog({
  customer,
  month,
  archived,
  settings,
  language,
  onClose,
}: {
  customer: Customer;
  month: string;
  archived: ReportRecord | undefined;
  settings: Settings;
  language: ReportLanguage;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const sent = archived?.figures as MonthlyReport | undefined;
  const [note, setNote] = useState(sent?.note ?? '');
  const [changes, setChanges] = useState<string[] | null>(null);
  const [isBusy, setBusy] = useState(false);

  const showChanges = async () => {
    const now = await currentReport(db, customer.id, month, note);
    if (now && sent) setChanges(describeReportChanges(sent, now, language));
  };
  const save = async (report: MonthlyReport, isArchiving: boolean) => {
    setBusy(true);
    try {
      const saved = await exportWorkbook(
        fileNameOf(report),
        monthlyWorkbook(report, language),
        (path) => t('reports.exported', { path }),
      );
      if (!saved) return;
      if (isArchiving) await archiveReport(db, settings.userName, customer.id, report);
      onClose();
    } finally {
      setBusy(false);
    }
  };
  const exportCurrent = async () => {
    const report = await currentReport(db, customer.id, month, note);
    if (report) await save(report, true);
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      size="lg"
      title={t('reports.exportTitle', { customer: customer.name, month: format.month(month) })}
    >
      <Stack>
        {sent && archived ? (
          <Alert
            color="blue"
            title={t('reports.sentOn', {
              date: format.date(archived.exportedAt),
              user: archived.exportedBy,
            })}
          >
            <Text size="sm">{t('reports.sentExplain')}</Text>
            <Group mt="xs">
              <Button size="xs" variant="default" onClick={() => void showChanges()}>
                {t('reports.whatChanged')}
              </Button>
            </Group>
            {changes ? (
              changes.length === 0 ? (
                <Text size="sm" mt="xs" data-testid="report-changes">
                  {t('reports.nothingChanged')}
                </Text>
              ) : (
                <Stack gap={0} mt="xs" data-testid="report-changes">
                  {changes.slice(0, 20).map((line) => (
                    <Text size="xs" key={line}>
                      {line}
                    </Text>
                  ))}
                </Stack>
              )
            ) : null}
          </Alert>
        ) : null}
        <Textarea
          label={t('reports.note')}
          description={t('reports.noteHelp')}
          autosize
          minRows={3}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <DialogButtons onCancel={onClose}>
          {sent ? (
            <Button variant="default" loading={isBusy} onClick={() => void save(sent, false)}>
              {t('reports.reexport')}
            </Button>
          ) : null}
          <Button loading={isBusy} onClick={() => void exportCurrent()}>
            {t(sent ? 'reports.exportCurrent' : 'reports.export')}
          </Button>
        </DialogButtons>
      </Stack>
    </Modal>
  );
}

type Readiness = NonNullable<ReturnType<typeof useReportReadiness>>;

/**
 * Every customer's report for a month, in one go: first what will be exported and what is wrong with
 * it (no contract, an inventory older than the partner's limit), then the export with its progress;
 * only the reports actually written are marked as sent.
 */
function BatchDialog({
  customers,
  month,
  readiness,
  archivedOf,
  settings,
  language,
  onClose,
}: {
  customers: Customer[];
  month: string;
  readiness: Readiness;
  archivedOf: (customerId: string) => ReportRecord | undefined;
  settings: Settings;
  language: ReportLanguage;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const end = lastDayOfMonth(month);
  const staleDays = settings.partner.staleInventoryDays;
  const warningOf = (customerId: string): string | null => {
    const ready = readiness.get(customerId);
    if (!ready?.contract) return t('reports.warnNoContract');
    if (!ready.asOf) return t('reports.warnNoInventory');
    const age = toDayNumber(end) - toDayNumber(ready.asOf);
    return age > staleDays
      ? t('reports.warnStale', { date: format.date(ready.asOf), days: format.number(age) })
      : null;
  };
  const [chosen, setChosen] = useState<Set<string>>(
    () => new Set(customers.filter((c) => readiness.get(c.id)?.contract).map((c) => c.id)),
  );
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const picked = customers.filter((c) => chosen.has(c.id));
  const toggle = (id: string) =>
    setChosen((set) => {
      const next = new Set(set);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const run = async () => {
    const total = picked.length + 1;
    setProgress({ done: 0, total });
    try {
      const reports: { customer: Customer; report: MonthlyReport; name: string }[] = [];
      const files: { name: string; workbook: Workbook }[] = [];
      for (const [i, customer] of picked.entries()) {
        const sent = archivedOf(customer.id)?.figures as MonthlyReport | undefined;
        const report = await currentReport(db, customer.id, month, sent?.note ?? '');
        if (report) {
          const name = fileNameOf(report);
          reports.push({ customer, report, name });
          files.push({ name, workbook: monthlyWorkbook(report, language) });
        }
        setProgress({ done: i + 1, total });
      }
      const portfolio = portfolioWorkbook(
        reports.map((r) => r.report),
        month,
        language,
        settings.brand.name,
      );
      files.push({ name: safeFileName(`portfolio ${month}.xlsx`), workbook: portfolio });
      setProgress({ done: total, total });
      const saved = await exportWorkbooks(t('reports.chooseFolder'), files);
      if (!saved) return;
      const written = new Set(saved.files.map((path) => path.split(/[\\/]/).pop() ?? path));
      const sent = reports.filter((r) => written.has(r.name));
      for (const { customer, report } of sent)
        await archiveReport(db, settings.userName, customer.id, report);
      notifications.show({
        color: 'green',
        message: t('reports.batchDone', {
          count: sent.length,
          folder: saved.folder || t('reports.downloads'),
        }),
      });
      onClose();
    } finally {
      setProgress(null);
    }
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={progress ? () => undefined : onClose}
      size="lg"
      title={t('reports.batchTitle', { month: format.month(month) })}
    >
      <Stack data-testid="batch-dialog">
        <Text size="sm">{t('reports.batchExplain')}</Text>
        <ScrollArea.Autosize mah={380}>
          <Table>
            <Table.Tbody>
              {customers.map((customer) => {
                const warning = warningOf(customer.id);
                return (
                  <Table.Tr key={customer.id} data-customer={customer.name}>
                    <Table.Td w={40}>
                      <Checkbox
                        aria-label={customer.name}
                        checked={chosen.has(customer.id)}
                        onChange={() => toggle(customer.id)}
                        disabled={progress !== null}
                      />
                    </Table.Td>
                    <Table.Td>{customer.name}</Table.Td>
                    <Table.Td>
                      {warning ? (
                        <Text size="sm" c="orange" data-testid="batch-warning">
                          {warning}
                        </Text>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('reports.readyAsOf', {
                            date: format.date(readiness.get(customer.id)?.asOf ?? end),
                          })}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
        {progress ? (
          <Stack gap={4} data-testid="batch-progress">
            <Text size="sm">
              {t('reports.batchProgress', { done: progress.done, total: progress.total })}
            </Text>
            <Progress
              value={(progress.done * 100) / progress.total}
              aria-label={t('reports.exportAll')}
            />
          </Stack>
        ) : null}
        <DialogButtons onCancel={onClose}>
          <Button
            onClick={() => void run()}
            loading={progress !== null}
            disabled={picked.length === 0}
          >
            {t('reports.exportChosen', { count: picked.length })}
          </Button>
        </DialogButtons>
      </Stack>
    </Modal>
  );
}

export default function ReportsScreen({ settings }: { settings: Settings }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const language: ReportLanguage = i18n.language === 'sv' ? 'sv' : 'en';
  const customers = useCustomers();
  const archive = useReportArchive();
  const current = monthOf(localToday());
  const [month, setMonth] = useState(addMonthsToMonth(current, -1));
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
