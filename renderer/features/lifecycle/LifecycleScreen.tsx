/** The portfolio's lifecycle: every customer's devices reaching an end within 3, 6 or 12 months, per model. */
import { Loader, Stack, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  lifecycleWindow,
  portfolioLifecycle,
  type LifecycleWindow,
} from '../../../shared/inventory/lifecycle';
import { portfolioReplacements } from '../../../shared/reports/lifecycle-layout';
import { useLifecycleBook } from '../../db/hooks/lifecycle';
import { LifecyclePanel } from './LifecyclePanel';

export default function LifecycleScreen() {
  const { t } = useTranslation();
  const book = useLifecycleBook(null);
  const [months, setMonths] = useState<LifecycleWindow>(12);
  const list = useMemo(() => {
    if (!book) return null;
    const rows = portfolioLifecycle(book.inventories, book.catalog, book.today, months);
    return portfolioReplacements(rows, lifecycleWindow(book.today, months));
  }, [book, months]);
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('lifecycle.title')}
      </Title>
      {list ? (
        <LifecyclePanel
          list={list}
          onMonthsChange={setMonths}
          place={t('lifecycle.columns.customer')}
          intro={t('lifecycle.portfolioIntro')}
        />
      ) : (
        <Loader aria-label={t('lifecycle.title')} />
      )}
    </Stack>
  );
}
