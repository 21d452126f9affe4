/**
 * The two things every report export says about sending: that a month still in progress can change,
 * and, once the files are saved, the question whether they went to the customer (Mark as sent / Not
 * yet). The report screen, one customer's export and the batch export all show them the same way.
 */
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localToday, monthOf } from '../../../shared/terms/dates';
import { DialogButtons } from '../../components/DialogButtons';
import { useFormat } from '../../components/format';

/** Says so when `month` (YYYY-MM) is this month or later: its figures can still change. */
export function MonthInProgress({ month }: { month: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (month < monthOf(localToday())) return null;
  return (
    <Alert color="orange" data-testid="month-in-progress">
      {t('reports.inProgress', { month: format.month(month) })}
    </Alert>
  );
}

/** After saving: the question, and the report(s) marked as sent only when the user says so. */
export function MarkSentStep({
  question,
  month,
  isBusy,
  onMarkSent,
  onClose,
}: {
  question: string;
  month: string;
  isBusy: boolean;
  onMarkSent: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack data-testid="mark-sent">
      <Text size="sm">{question}</Text>
      <MonthInProgress month={month} />
      <DialogButtons onCancel={onClose} cancelLabel={t('reports.notYet')}>
        <Button loading={isBusy} onClick={onMarkSent} data-autofocus>
          {t('reports.markSent')}
        </Button>
      </DialogButtons>
    </Stack>
  );
}
