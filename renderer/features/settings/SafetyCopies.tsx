/**
 * Settings → Data: the safety copies main keeps before a restore or joining a team book replaces the
 * data, newest first, each restorable (after the same check and question as any backup).
 */
import { Button, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SafetyBackup } from '../../../shared/api';
import { useFormat } from '../../components/format';
import { useTeamSync } from '../../db/team-sync';
import { api } from '../../platform';

export function SafetyCopies({ onRestore }: { onRestore: (name: string) => Promise<void> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { connection } = useTeamSync();
  const [copies, setCopies] = useState<SafetyBackup[] | null>(null);
  // Joining a team book keeps one: the list is read again when the connection changes.
  useEffect(() => {
    let isGone = false;
    void api
      .listSafetyBackups()
      .then((listed) => !isGone && setCopies(listed))
      .catch(() => !isGone && setCopies([]));
    return () => {
      isGone = true;
    };
  }, [connection]);
  if (!copies) return null;
  return (
    <Stack gap="xs" data-testid="safety-copies">
      <Text fw={600} size="sm">
        {t('settings.safetyCopies')}
      </Text>
      <Text size="sm" c="dimmed">
        {t('settings.safetyCopiesIntro')}
      </Text>
      {copies.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('settings.safetyCopiesNone')}
        </Text>
      ) : (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.safetyKept')}</Table.Th>
              <Table.Th>{t('settings.safetyWhy')}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>{t('settings.safetySize')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {copies.map((copy) => (
              <Table.Tr key={copy.name} data-reason={copy.reason}>
                <Table.Td>{format.dateTime(copy.at)}</Table.Td>
                <Table.Td>{t(`settings.safetyReason.${copy.reason}`)}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  {copy.bytes < 2 ** 20
                    ? `${format.number(Math.max(1, Math.round(copy.bytes / 1024)))} KB`
                    : `${format.number(copy.bytes / 2 ** 20, 1)} MB`}
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={t('settings.safetyRestoreOf', { date: format.dateTime(copy.at) })}
                    onClick={() => void onRestore(copy.name)}
                  >
                    {t('settings.safetyRestore')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
