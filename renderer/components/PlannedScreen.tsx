/** A screen whose issue has not landed yet: its title and an empty state saying what will be there. */
import { Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from './EmptyState';

export function plannedScreen(key: 'renewals' | 'imports' | 'reports', icon: ReactNode) {
  return function PlannedScreen() {
    const { t } = useTranslation();
    return (
      <Stack>
        <Title order={1} size="h2">
          {t(`${key}.title`)}
        </Title>
        <EmptyState icon={icon} title={t(`${key}.emptyTitle`)}>
          {t(`${key}.emptyBody`)}
        </EmptyState>
      </Stack>
    );
  };
}
