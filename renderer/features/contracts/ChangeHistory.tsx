/** The change log of a contract and its true-ups: who, when, what, before → after. */
import { Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeFields } from '../../../shared/contracts/history';
import type { ChangeRecord } from '../../../shared/model/entities';

/** A changed value as the history shows it. */
export const shown = (value: unknown): string =>
  value === undefined || value === null
    ? '–'
    : typeof value === 'string'
      ? value
      : JSON.stringify(value);

export function ChangeHistory({ changes }: { changes: readonly ChangeRecord[] }) {
  const { t, i18n } = useTranslation();
  const time = new Intl.DateTimeFormat(i18n.language === 'sv' ? 'sv-SE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return (
    <Paper withBorder p="md" component="section" aria-label={t('history.title')}>
      <Title order={2} size="h4" mb="sm">
        {t('history.title')}
      </Title>
      {changes.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('history.none')}
        </Text>
      ) : (
        <Table data-testid="change-history" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('history.when')}</Table.Th>
              <Table.Th>{t('history.who')}</Table.Th>
              <Table.Th>{t('history.what')}</Table.Th>
              <Table.Th>{t('history.change')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changes.map((change) => {
              const fields = changeFields(change);
              return (
                <Table.Tr key={change.id ?? `${change.at}-${change.entityId}`}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {time.format(new Date(change.at))}
                  </Table.Td>
                  <Table.Td>{change.user || '–'}</Table.Td>
                  <Table.Td>
                    {t(
                      `history.actions.${change.entity === 'trueUp' ? 'trueUp' : 'contract'}.${change.action}`,
                    )}
                  </Table.Td>
                  <Table.Td>
                    {fields.slice(0, 12).map((f) => (
                      <Text size="xs" key={f.path} ff="monospace">
                        {f.path}: {shown(f.before)} → {shown(f.after)}
                      </Text>
                    ))}
                    {fields.length > 12 ? (
                      <Text size="xs">{t('history.more', { count: fields.length - 12 })}</Text>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
