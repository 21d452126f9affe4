/** The change log of a contract and its true-ups: who, when, what, before → after. */
import { Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  describeContract,
  describeContractChanges,
  describeTrueUp,
} from '../../../shared/contracts/describe';
import type { Language } from '../../../shared/i18n';
import type { ChangeRecord, Contract, TrueUp } from '../../../shared/model/entities';

/** What a change did, in the user's words. */
function describeChange(change: ChangeRecord, language: Language): string[] {
  if (change.entity === 'trueUp')
    return describeTrueUp(change.before as TrueUp | null, change.after as TrueUp, language);
  if (change.action === 'create') return describeContract(change.after as Contract, language);
  if (change.before && change.after)
    return describeContractChanges(change.before as Contract, change.after as Contract, language);
  return [];
}

export function ChangeHistory({ changes }: { changes: readonly ChangeRecord[] }) {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'sv' ? 'sv' : 'en';
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
              const lines = describeChange(change, language);
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
                    {lines.slice(0, 12).map((line) => (
                      <Text size="xs" key={line}>
                        {line}
                      </Text>
                    ))}
                    {lines.length > 12 ? (
                      <Text size="xs">{t('history.more', { count: lines.length - 12 })}</Text>
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
