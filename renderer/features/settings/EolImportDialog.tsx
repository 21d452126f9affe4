/**
 * Importing an end-of-life register file: all or nothing. A file with any problem is refused with
 * each problem by row and column; otherwise a preview shows the lines added, changed (old → new) and
 * kept, and only the user's confirmation writes them, in one transaction, undoable.
 */
import { Alert, List, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EolRecord } from '../../../shared/catalog';
import { planEolImport, type ParsedEolFile } from '../../../shared/eol-register-file';
import { FormDialog } from '../../components/FormDialog';
import { showUndo } from '../../components/undo';
import { undoEolWrite, writeEolLines } from '../../db/eol-register';
import { db } from '../../db/instance';
import { api } from '../../platform';
import { useEolWords } from './eol-words';

/** Picks a register file and reads it; null when the user cancelled. */
export async function pickEolFile(kind: string): Promise<ParsedEolFile | null> {
  const file = await api.openFile({
    filters: [{ name: kind, extensions: ['csv', 'xlsx', 'txt'] }],
  });
  if (!file) return null;
  return api.parseEolRegister({
    fileName: file.name,
    bytes: file.bytes as Uint8Array<ArrayBuffer>,
  });
}

/** A line of the preview: what it is, and below it what changes. */
interface PreviewLine {
  head: string;
  details?: string[];
}

function LineList({ title, lines }: { title: string; lines: PreviewLine[] }) {
  if (lines.length === 0) return null;
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        {title}
      </Title>
      <List size="sm" spacing={2}>
        {lines.map(({ head, details }) => (
          <List.Item key={head}>
            {head}
            {details?.map((detail) => (
              <Text size="xs" key={detail}>
                {detail}
              </Text>
            ))}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

function Problems({ parsed }: { parsed: ParsedEolFile }) {
  const { t } = useTranslation();
  const words = useEolWords();
  return (
    <Alert color="red" title={t('eolRegister.refused', { file: parsed.file })}>
      <ScrollArea.Autosize mah={320}>
        <Table data-testid="eol-problems">
          <Table.Tbody>
            {parsed.problems.map((p, i) => (
              <Table.Tr key={i}>
                <Table.Td>{words.problem(p)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Alert>
  );
}

export function EolImportDialog({
  parsed,
  register,
  user,
  onClose,
}: {
  parsed: ParsedEolFile;
  register: readonly EolRecord[];
  user: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const words = useEolWords();
  const plan = useMemo(
    () => planEolImport(parsed, register, () => crypto.randomUUID()),
    [parsed, register],
  );
  const isRefused = parsed.problems.length > 0;
  const toDo = plan.added.length + plan.changed.length;
  const confirm = async () => {
    const done = await writeEolLines(db, user, [
      ...plan.added.map((after) => ({ before: null, after })),
      ...plan.changed.map(({ before, after }) => ({ before, after })),
    ]);
    showUndo(
      t('eolRegister.imported', {
        file: parsed.file,
        added: plan.added.length,
        changed: plan.changed.length,
      }),
      t('common.undo'),
      () => undoEolWrite(db, user, done),
    );
    return true;
  };
  const changes = plan.changed.map(({ before, after, fields }) => ({
    head: after.model,
    details: fields.map((field) =>
      t('eolRegister.change', {
        field: words.label(field),
        before: words.value(field, before[field]),
        after: words.value(field, after[field]),
      }),
    ),
  }));
  const named = (line: EolRecord) => ({ head: line.model });

  return (
    <FormDialog
      title={t('eolRegister.previewTitle', { file: parsed.file })}
      size="lg"
      onClose={onClose}
      onSubmit={confirm}
      submitLabel={t('eolRegister.confirm')}
      canSubmit={!isRefused && toDo > 0}
    >
      {isRefused ? (
        <Problems parsed={parsed} />
      ) : (
        <ScrollArea.Autosize mah={420}>
          <Stack data-testid="eol-preview">
            {toDo === 0 ? <Text size="sm">{t('eolRegister.nothingNew')}</Text> : null}
            <LineList
              title={t('eolRegister.added', { count: plan.added.length })}
              lines={plan.added.map((line) => ({ head: words.describe(line) }))}
            />
            <LineList
              title={t('eolRegister.changed', { count: plan.changed.length })}
              lines={changes}
            />
            <LineList
              title={t('eolRegister.kept', { count: plan.kept.length })}
              lines={plan.kept.map(named)}
            />
          </Stack>
        </ScrollArea.Autosize>
      )}
    </FormDialog>
  );
}
