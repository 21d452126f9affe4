/** A CSM-time entry's fields and its edit dialog: the customer's time section and the time screen share them. */
import { Checkbox, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TIME_ACTIVITIES, type TimeEntry } from '../../../shared/model/entities';
import { type ServiceIssue } from '../../../shared/service/issues';
import { db } from '../../db/instance';
import { saveTimeEntry } from '../../db/service';
import { FormDialog } from '../FormDialog';
import { DateField, DurationField } from '../inputs';
import { serviceIssuesByField, useServiceWrite } from '../service-form';

/** The entry fields, laid out in a row (quick entry) or a grid (the edit dialog). */
export function TimeEntryFields({
  entry,
  onChange,
  issues,
}: {
  entry: TimeEntry;
  onChange: (patch: Partial<TimeEntry>) => void;
  issues: readonly ServiceIssue[];
}) {
  const { t } = useTranslation();
  // A refusal speaks of the entry as it was saved: a field changed since shows its own state, not
  // the refusal (a duration first typed as no duration was refused as "NaN minutes").
  const [edited, setEdited] = useState(() => ({ of: issues, fields: new Set<string>() }));
  const changed = edited.of === issues ? edited.fields : new Set<string>();
  const errors = serviceIssuesByField(
    t,
    issues.filter((issue) => !changed.has(issue.field)),
  );
  const change = (patch: Partial<TimeEntry>) => {
    setEdited({ of: issues, fields: new Set([...changed, ...Object.keys(patch)]) });
    onChange(patch);
  };
  return (
    <>
      <DateField
        label={t('service.fields.date')}
        value={entry.date}
        onChange={(date) => change({ date: date ?? '' })}
        error={errors.get('date')}
        required
      />
      <DurationField
        label={t('service.fields.minutes')}
        title={t('inputs.durationHelp')}
        value={entry.minutes}
        onChange={(minutes) => change({ minutes })}
        error={errors.get('minutes')}
      />
      <Select
        label={t('service.fields.activity')}
        data={TIME_ACTIVITIES.map((a) => ({ value: a, label: t(`service.activities.${a}`) }))}
        value={entry.activity}
        onChange={(value) => change({ activity: value ?? 'other' })}
        allowDeselect={false}
      />
      <TextInput
        label={t('service.fields.note')}
        value={entry.note}
        onChange={(e) => change({ note: e.currentTarget.value })}
      />
      <Checkbox
        mt="xl"
        label={t('service.fields.isBillable')}
        checked={entry.isBillable}
        onChange={(e) => change({ isBillable: e.currentTarget.checked })}
      />
    </>
  );
}

export function TimeEntryDialog({
  entry,
  user,
  onClose,
}: {
  entry: TimeEntry;
  user: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(entry);
  const { issues, write } = useServiceWrite();
  return (
    <FormDialog
      onClose={onClose}
      title={t('service.time.edit')}
      onSubmit={() => write(() => saveTimeEntry(db, user, draft))}
    >
      <SimpleGrid cols={2}>
        <TimeEntryFields
          entry={draft}
          onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
          issues={issues}
        />
      </SimpleGrid>
    </FormDialog>
  );
}
