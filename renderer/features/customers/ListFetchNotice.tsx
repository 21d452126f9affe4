/** Says so while a customer's device list is fetched from the team book, and when it could not be. */
import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { fetchListAgain, useListFetch } from '../../db/hooks/customer';

export function ListFetchNotice({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const fetch = useListFetch(customerId);
  if (!fetch) return null;
  if (fetch.state === 'fetching')
    return (
      <Alert color="blue" data-testid="list-fetch">
        <Group gap="xs">
          <Loader size="xs" aria-hidden />
          <Text size="sm">{t('explorer.fetching')}</Text>
        </Group>
      </Alert>
    );
  return (
    <Alert color="red" icon={<IconAlertTriangle size={16} />} role="alert" data-testid="list-fetch">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{t('explorer.fetchFailed', { reason: fetch.reason })}</Text>
        <Button size="xs" variant="default" onClick={() => fetchListAgain(customerId, fetch.hash)}>
          {t('explorer.fetchAgain')}
        </Button>
      </Group>
    </Alert>
  );
}
