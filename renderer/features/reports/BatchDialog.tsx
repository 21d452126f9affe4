/**
 * Every customer's report for a month, in one go: first what will be exported and what is wrong with
 * it (no contract, an inventory older than the partner's limit), then the export with its progress;
 * only the reports actually written are marked as sent. They go into one folder with the portfolio
 * workbook.
 */
import { Button, Checkbox, Modal, Progress, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer, ReportRecord } from '../../../shared/model/entities';
import { type MonthlyReport, type ReportLanguage } from '../../../shared/reports/monthly';
import { monthlyWorkbook } from '../../../shared/reports/monthly-layout';
import { portfolioWorkbook } from '../../../shared/reports/portfolio-layout';
import { lastDayOfMonth, toDayNumber } from '../../../shared/terms/dates';
import { useFormat } from '../../components/format';
import type { useReportReadiness } from '../../db/hooks/reports';
import { db } from '../../db/instance';
import { archiveReport, currentReport } from '../../db/reports';
import type { Settings } from '../../db/settings';
import { exportWorkbooks, type Workbook } from '../../components/export-workbook';
import { DialogButtons } from '../../components/DialogButtons';
import { portfolioFileName, reportFileName } from './report-file-name';
import { MarkSentStep } from './MarkSent';

type Readiness = NonNullable<ReturnType<typeof useReportReadiness>>;

/** The reports just saved, waiting for the user to say they went to the customers. */
interface SavedBatch {
  reports: { customer: Customer; report: MonthlyReport; name: string }[];
  folder: string;
}

export function BatchDialog({
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
  const [savedBatch, setSavedBatch] = useState<SavedBatch | null>(null);
  const [isMarking, setMarking] = useState(false);
  const picked = customers.filter((c) => chosen.has(c.id));
  const toggle = (id: string) =>
    setChosen((set) => {
      const next = new Set(set);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const markSent = async (batch: SavedBatch) => {
    setMarking(true);
    try {
      for (const { customer, report } of batch.reports)
        await archiveReport(db, settings.userName, customer.id, report);
      notifications.show({
        color: 'green',
        message: t('reports.batchDone', { count: batch.reports.length }),
      });
      onClose();
    } finally {
      setMarking(false);
    }
  };

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
          const name = reportFileName(report);
          reports.push({ customer, report, name });
          files.push({ name, workbook: monthlyWorkbook(report, language) });
        }
        setProgress({ done: i + 1, total });
      }
      const portfolio = portfolioWorkbook(
        reports.map((r) => r.report),
        month,
        language,
        settings.partner.brand.name,
      );
      files.push({ name: portfolioFileName(month), workbook: portfolio });
      setProgress({ done: total, total });
      const saved = await exportWorkbooks(t('reports.chooseFolder'), files);
      if (!saved) return;
      const written = new Set(saved.files.map((path) => path.split(/[\\/]/).pop() ?? path));
      // Saving files is not sending them: they are marked as sent only when the user says so.
      setSavedBatch({
        reports: reports.filter((r) => written.has(r.name)),
        folder: saved.folder || t('reports.downloads'),
      });
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
      {savedBatch ? (
        <MarkSentStep
          question={t('reports.batchMarkQuestion', {
            count: savedBatch.reports.length,
            folder: savedBatch.folder,
          })}
          month={month}
          isBusy={isMarking}
          onMarkSent={() => void markSent(savedBatch)}
          onClose={onClose}
        />
      ) : (
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
      )}
    </Modal>
  );
}
