/**
 * Settings → End-of-life register (TERMS.md §12): the partner's lines per model, added, edited and
 * deleted in a dialog or imported from a file, by the roles that may change the catalog; the others
 * read it.
 */
import { ActionIcon, Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconFileImport, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EOL_DATE_FIELDS, type EolDateField, type EolRecord } from '../../../shared/catalog';
import type { ParsedEolFile } from '../../../shared/eol-register-file';
import { messageOf } from '../../../shared/errors';
import { showUndo } from '../../components/undo';
import { deleteEolLine, undoEolWrite } from '../../db/eol-register';
import { useCatalog, useEolRegister } from '../../db/hooks/imports';
import { db } from '../../db/instance';
import { useCatalogHint, useEolWords } from './eol-words';
import { EolImportDialog, pickEolFile } from './EolImportDialog';
import { EolLineDialog } from './EolLineDialog';

/** The table's columns: the note, the source and the notice go under their model. */
const COLUMNS = ['model', ...EOL_DATE_FIELDS] as const;

function LineRow({
  line,
  hint,
  mayWrite,
  onEdit,
  onDelete,
}: {
  line: EolRecord;
  /** The catalog's date where the line gives none. */
  hint: (model: string, field: EolDateField) => string | undefined;
  mayWrite: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const words = useEolWords();
  return (
    <Table.Tr>
      <Table.Td miw={200}>
        <Text size="sm" fw={500}>
          {line.model}
        </Text>
        {line.note ? <Text size="xs">{line.note}</Text> : null}
        <Group gap="xs">
          <Text size="xs" c="dimmed">
            {t('eolRegister.sourceOf', { source: line.source })}
          </Text>
          {line.notice ? (
            <Anchor
              href={line.notice}
              target="_blank"
              rel="noreferrer"
              size="xs"
              aria-label={t('eolRegister.openNotice', { model: line.model })}
            >
              {words.label('notice')}
            </Anchor>
          ) : null}
        </Group>
      </Table.Td>
      {EOL_DATE_FIELDS.map((field) => (
        <Table.Td key={field} style={{ whiteSpace: 'nowrap' }}>
          {line[field] ? (
            words.value(field, line[field])
          ) : (
            <Text size="xs" c="dimmed">
              {hint(line.model, field) ?? ''}
            </Text>
          )}
        </Table.Td>
      ))}
      {mayWrite ? (
        <Table.Td>
          <Group gap={4} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              aria-label={t('eolRegister.edit', { model: line.model })}
              onClick={onEdit}
            >
              <IconPencil size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('eolRegister.remove', { model: line.model })}
              onClick={onDelete}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}

export function EolRegisterSettings({ user, mayWrite }: { user: string; mayWrite: boolean }) {
  const { t } = useTranslation();
  const words = useEolWords();
  const register = useEolRegister();
  const catalog = useCatalog();
  const hint = useCatalogHint(catalog);
  const [editing, setEditing] = useState<EolRecord | 'new' | null>(null);
  const [parsed, setParsed] = useState<ParsedEolFile | null>(null);

  const remove = (line: EolRecord) =>
    modals.openConfirmModal({
      title: t('eolRegister.deleteTitle', { model: line.model }),
      children: <Text size="sm">{t('eolRegister.deleteBody')}</Text>,
      labels: { confirm: t('eolRegister.deleteConfirm'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void deleteEolLine(db, user, line.id).then((done) =>
          showUndo(t('eolRegister.deleted', { model: line.model }), t('common.undo'), () =>
            undoEolWrite(db, user, done),
          ),
        ),
    });
  const importFile = async () => {
    try {
      const read = await pickEolFile(t('eolRegister.fileKind'));
      if (read) setParsed(read);
    } catch (error) {
      notifications.show({ color: 'red', message: messageOf(error), autoClose: false });
    }
  };

  return (
    <Stack>
      <Text size="sm">{t('eolRegister.intro')}</Text>
      {mayWrite ? (
        <Group gap="xs">
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('eolRegister.add')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconFileImport size={16} />}
            onClick={() => void importFile()}
          >
            {t('eolRegister.import')}
          </Button>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {t('eolRegister.readOnly')}
        </Text>
      )}
      {register && register.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('eolRegister.empty')}
        </Text>
      ) : null}
      {register && register.length > 0 ? (
        <Table.ScrollContainer minWidth={640}>
          <Table data-testid="eol-register" aria-label={t('eolRegister.lines')}>
            <Table.Thead>
              <Table.Tr>
                {COLUMNS.map((field) => (
                  <Table.Th key={field}>{words.label(field)}</Table.Th>
                ))}
                {mayWrite ? <Table.Th aria-label={t('common.actions')} /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {register.map((line) => (
                <LineRow
                  key={line.id}
                  line={line}
                  hint={hint}
                  mayWrite={mayWrite}
                  onEdit={() => setEditing(line)}
                  onDelete={() => remove(line)}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {editing ? (
        <EolLineDialog
          line={editing === 'new' ? null : editing}
          register={register ?? []}
          catalog={catalog}
          user={user}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {parsed ? (
        <EolImportDialog
          parsed={parsed}
          register={register ?? []}
          user={user}
          onClose={() => setParsed(null)}
        />
      ) : null}
    </Stack>
  );
}
