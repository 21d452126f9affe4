/**
 * Monthly reports: each customer's report for a month (with the CSM's note), exported as a workbook and
 * frozen in the archive as sent; an archived month re-exports as sent and shows what changed since. All
 * customers for a month go into one folder with the portfolio workbook, with a progress bar.
 */
import {
  Alert,
  Badge,
  Button,
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
import {
  reportChanges,
  type MonthlyReport,
  type ReportLanguage,
} from '../../../shared/reports/monthly';
import { monthlyWorkbook } from '../../../shared/reports/monthly-layout';
import { portfolioWorkbook } from '../../../shared/reports/portfolio-layout';
import { addMonthsToMonth, localToday, monthOf } from '../../../shared/terms/dates';
import { EmptyState } from '../../components/EmptyState';
import { shown } from '../contracts/ChangeHistory';
import { useFormat } from '../../components/shell/format';
import { useCustomers, useReportArchive } from '../../db/hooks';
import { db } from '../../db/instance';
import { archiveReport, currentReport, reportId } from '../../db/reports';
import type { Settings } from '../../db/settings';
import { api } from '../../platform';
import { ActionsHeader } from '../../components/ActionsHeader';
import { DialogButtons } from '../../components/DialogButtons';

const fileNameOf = (report: MonthlyReport) =>
  safeFileName(`${report.customer.name} ${report.contract?.number ?? ''} ${report.month}.xlsx`);

async function workbookBytes(
  report: MonthlyReport,
  language: ReportLanguage,
): Promise<Uint8Array<ArrayBuffer>> {
  return (await api.buildWorkbook(monthlyWorkbook(report, language))) as Uint8Array<ArrayBuffer>;
}

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
  const [changes, setChanges] = useState<ReturnType<typeof reportChanges> | null>(null);
  const [isBusy, setBusy] = useState(false);

  const showChanges = async () => {
    const now = await currentReport(db, customer.id, month, note);
    if (now && sent) setChanges(reportChanges(sent, now));
  };
  const save = async (report: MonthlyReport, isArchiving: boolean) => {
    setBusy(true);
    try {
      const saved = await api.saveFile({
        suggestedName: fileNameOf(report),
        bytes: await workbookBytes(report, language),
        filters: [{ name: 'Excel', extensions: ['xlsx'] }],
      });
      if (!saved) return;
      if (isArchiving) await archiveReport(db, settings.userName, customer.id, report);
      notifications.show({ color: 'green', message: t('reports.exported', { path: saved.path }) });
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
      opened
      onClose={onClose}
      size="lg"
      title={t('reports.exportTitle', { customer: customer.name, month })}
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
                  {changes.slice(0, 20).map((c) => (
                    <Text size="xs" ff="monospace" key={c.path}>
                      {c.path}: {shown(c.before)} → {shown(c.after)}
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

export default function ReportsScreen({ settings }: { settings: Settings }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const language: ReportLanguage = i18n.language === 'sv' ? 'sv' : 'en';
  const customers = useCustomers();
  const archive = useReportArchive();
  const current = monthOf(localToday());
  const [month, setMonth] = useState(addMonthsToMonth(current, -1));
  const [exporting, setExporting] = useState<Customer | null>(null);
  const [batch, setBatch] = useState<{ done: number; total: number } | null>(null);
  if (!customers || !archive) return <Loader aria-label="Loading" />;
  const active = customers.filter((c) => !c.isArchived);
  const archivedOf = (customerId: string) =>
    archive.find((r) => r.id === reportId(customerId, month));
  const months = Array.from({ length: 13 }, (_, i) => addMonthsToMonth(current, -i));

  const exportAll = async () => {
    setBatch({ done: 0, total: active.length + 1 });
    try {
      const reports: { customer: Customer; report: MonthlyReport }[] = [];
      const files: { name: string; bytes: Uint8Array<ArrayBuffer> }[] = [];
      for (const [i, customer] of active.entries()) {
        const sent = archivedOf(customer.id)?.figures as MonthlyReport | undefined;
        const report = await currentReport(db, customer.id, month, sent?.note ?? '');
        if (report) {
          reports.push({ customer, report });
          files.push({ name: fileNameOf(report), bytes: await workbookBytes(report, language) });
        }
        setBatch({ done: i + 1, total: active.length + 1 });
      }
      const portfolio = portfolioWorkbook(
        reports.map((r) => r.report),
        month,
        language,
        settings.brand.name,
      );
      files.push({
        name: safeFileName(`portfolio ${month}.xlsx`),
        bytes: (await api.buildWorkbook(portfolio)) as Uint8Array<ArrayBuffer>,
      });
      setBatch({ done: active.length + 1, total: active.length + 1 });
      const saved = await api.saveFiles({ title: t('reports.chooseFolder'), files });
      if (!saved) return;
      for (const { customer, report } of reports)
        await archiveReport(db, settings.userName, customer.id, report);
      notifications.show({
        color: 'green',
        message: t('reports.batchDone', {
          count: saved.files.length,
          folder: saved.folder || t('reports.downloads'),
        }),
      });
    } finally {
      setBatch(null);
    }
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('reports.title')}
        </Title>
        <Group gap="xs" align="end">
          <Select
            label={t('reports.month')}
            data={months}
            value={month}
            onChange={(v) => setMonth(v ?? month)}
            allowDeselect={false}
            w={130}
          />
          <Button
            leftSection={<IconFolderDown size={16} />}
            onClick={() => void exportAll()}
            disabled={active.length === 0 || batch !== null}
          >
            {t('reports.exportAll')}
          </Button>
        </Group>
      </Group>
      {batch ? (
        <Stack gap={4} data-testid="batch-progress">
          <Text size="sm">
            {t('reports.batchProgress', { done: batch.done, total: batch.total })}
          </Text>
          <Progress value={(batch.done * 100) / batch.total} aria-label={t('reports.exportAll')} />
        </Stack>
      ) : null}
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
