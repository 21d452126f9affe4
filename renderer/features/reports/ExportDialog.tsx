/**
 * One customer's report for a month, with the CSM's note and a preview of the first page the customer
 * reads (as the note is typed): exported as a workbook and frozen in the archive as sent; an archived
 * month re-exports as sent and shows what changed since.
 */
import { Alert, Button, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer, ReportRecord } from '../../../shared/model/entities';
import { type MonthlyReport, type ReportLanguage } from '../../../shared/reports/monthly';
import { describeReportChanges } from '../../../shared/reports/describe-changes';
import { monthlyWorkbook } from '../../../shared/reports/monthly-layout';
import { firstPage } from '../../../shared/reports/first-page';
import { FirstPagePreview } from '../../components/FirstPagePreview';
import { useFormat } from '../../components/format';
import { db } from '../../db/instance';
import { archiveReport, currentReport } from '../../db/reports';
import type { Settings } from '../../db/settings';
import { exportWorkbook } from '../../components/export-workbook';
import { DialogButtons } from '../../components/DialogButtons';
import { isSubmitKey } from '../../components/submit-key';
import { reportFileName } from './report-file-name';
import { MarkSentStep, MonthInProgress } from './MarkSent';

export function ExportDialog({
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
  const [withPdf, setWithPdf] = useState(true);
  /** Why the last export failed (e.g. offline), shown above the buttons until the next try. */
  const [failure, setFailure] = useState<string | null>(null);
  /** The report just saved, waiting for the user to say it went to the customer. */
  const [saved, setSaved] = useState<MonthlyReport | null>(null);
  /** Today's report, without the note (the preview adds the note as it is typed). */
  const [draft, setDraft] = useState<MonthlyReport | null>(null);
  useEffect(() => {
    let isGone = false;
    void currentReport(db, customer.id, month, '').then((report) => {
      if (!isGone) setDraft(report);
    });
    return () => {
      isGone = true;
    };
  }, [customer.id, month]);

  const showChanges = async () => {
    const now = await currentReport(db, customer.id, month, note);
    if (now && sent) setChanges(describeReportChanges(sent, now, language));
  };
  const save = async (report: MonthlyReport, isArchiving: boolean) => {
    setBusy(true);
    setFailure(null);
    try {
      const saved = await exportWorkbook(
        reportFileName(report),
        monthlyWorkbook(report, language),
        (path, pdf) =>
          pdf ? t('reports.exportedWithPdf', { path, pdf }) : t('reports.exported', { path }),
        withPdf,
        setFailure,
      );
      if (!saved) return;
      // Saving a file is not sending it: the report is marked as sent only when the user says so.
      if (isArchiving) setSaved(report);
      else onClose();
    } finally {
      setBusy(false);
    }
  };
  const markSent = async (report: MonthlyReport) => {
    setBusy(true);
    try {
      await archiveReport(db, settings.userName, customer.id, report);
      notifications.show({
        color: 'green',
        message: t('reports.markedSent', { customer: customer.name, month: format.month(month) }),
      });
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
      size="xl"
      title={t('reports.exportTitle', { customer: customer.name, month: format.month(month) })}
    >
      {saved ? (
        <MarkSentStep
          question={t('reports.markSentQuestion')}
          month={month}
          isBusy={isBusy}
          onMarkSent={() => void markSent(saved)}
          onClose={onClose}
        />
      ) : (
        <Stack>
          <MonthInProgress month={month} />
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
            // As in every other dialog: Ctrl+Enter in the note exports.
            onKeyDown={(e) => {
              if (isSubmitKey(e) && !isBusy) void exportCurrent();
            }}
          />
          {draft ? (
            <FirstPagePreview
              page={firstPage({ ...draft, note }, language)}
              language={language}
              label={t('firstPage.preview')}
            />
          ) : null}
          <Checkbox
            label={t('reports.withPdf')}
            description={t('reports.withPdfHelp')}
            checked={withPdf}
            onChange={(e) => setWithPdf(e.currentTarget.checked)}
          />
          {failure ? (
            <Alert color="red" role="alert" data-testid="export-failed">
              {failure}
            </Alert>
          ) : null}
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
      )}
    </Modal>
  );
}
