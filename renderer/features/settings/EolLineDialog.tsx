/**
 * A line of the end-of-life register, added or edited: the model, its three dates (each with the
 * catalog's date for the model beside it where the line gives none), the notice and a note. The
 * rules (shared/catalog/eol-lines.ts) check it before the write; a model another line has is refused
 * naming that line, also when a line arrived from the team since the dialog opened.
 */
import { Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EOL_DATE_FIELDS,
  eolDraftOf,
  emptyEolDraft,
  readEolDraft,
  type Catalog,
  type EolDraft,
  type EolField,
  type EolIssue,
  type EolRecord,
} from '../../../shared/catalog';
import { FormDialog, useRefusableWrite } from '../../components/FormDialog';
import { DateField } from '../../components/inputs';
import { showUndo } from '../../components/undo';
import { EolDuplicateError, saveEolLine, undoEolWrite } from '../../db/eol-register';
import { db } from '../../db/instance';
import { useCatalogHint, useEolWords } from './eol-words';

const refusal = (error: unknown): EolIssue[] | null =>
  error instanceof EolDuplicateError
    ? [{ field: 'model', code: 'duplicate', model: error.model }]
    : null;

export function EolLineDialog({
  line,
  register,
  catalog,
  user,
  onClose,
}: {
  /** The line to edit; null: a new one. */
  line: EolRecord | null;
  register: readonly EolRecord[];
  catalog: Catalog | undefined;
  user: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const words = useEolWords();
  const [draft, setDraft] = useState<EolDraft>(() => (line ? eolDraftOf(line) : emptyEolDraft()));
  const { issues, setIssues, write } = useRefusableWrite(refusal);
  const hint = useCatalogHint(catalog);
  const errorOf = (field: EolField) => {
    const found = issues.find((i) => i.field === field);
    return found ? words.issue(found) : undefined;
  };
  const set = (field: EolField) => (value: string | null) =>
    setDraft((d) => ({ ...d, [field]: value ?? '' }));

  const submit = async () => {
    const read = readEolDraft(draft, register, line?.id ?? null);
    if (!read.line) {
      setIssues(read.issues);
      return false;
    }
    const saved = { ...read.line, id: line?.id ?? crypto.randomUUID(), source: user };
    return write(async () => {
      const done = await saveEolLine(db, user, saved);
      const recounted = done.snapshots.length;
      showUndo(
        [
          t('eolRegister.saved', { model: saved.model }),
          recounted ? t('eolRegister.recounted', { count: recounted }) : '',
        ].join(' '),
        t('common.undo'),
        () => undoEolWrite(db, user, done),
      );
    });
  };

  return (
    <FormDialog
      title={line ? t('eolRegister.edit', { model: line.model }) : t('eolRegister.addTitle')}
      onClose={onClose}
      onSubmit={submit}
    >
      <Stack>
        <TextInput
          label={words.label('model')}
          required
          data-autofocus
          value={draft.model}
          error={errorOf('model')}
          onChange={(e) => set('model')(e.currentTarget.value)}
        />
        {EOL_DATE_FIELDS.map((field) => (
          <DateField
            key={field}
            label={words.label(field)}
            description={draft[field] ? undefined : hint(draft.model, field)}
            value={draft[field]}
            error={errorOf(field)}
            onChange={set(field)}
          />
        ))}
        <TextInput
          label={words.label('notice')}
          description={t('eolRegister.noticeHint')}
          type="url"
          value={draft.notice}
          error={errorOf('notice')}
          onChange={(e) => set('notice')(e.currentTarget.value)}
        />
        <Textarea
          label={words.label('note')}
          rows={2}
          value={draft.note}
          error={errorOf('note')}
          onChange={(e) => set('note')(e.currentTarget.value)}
        />
      </Stack>
    </FormDialog>
  );
}
