/**
 * The partner's terms (TERMS.md §1, §3 and the dashboards): the eligibility minimum per category that
 * at least one chosen category must meet, the currency of new contracts, when a category counts as
 * approaching its baseline, and when an inventory needs a fresh import.
 */
import { Button, Group, NumberInput, Select, SimpleGrid, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES } from '../../../shared/model/category';
import { numberFrom } from '../../components/number-input';
import { CURRENCY_CODES } from '../../../shared/terms/money';
import type { PartnerSettings } from '../../../shared/terms/settings';

const whole = (value: string | number, fallback: number) => {
  const number = numberFrom(value);
  return number !== null && Number.isSafeInteger(number) && number >= 0 ? number : fallback;
};

export function PartnerTerms({
  partner,
  onSave,
}: {
  partner: PartnerSettings;
  onSave: (partner: PartnerSettings) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(partner);
  return (
    <>
      <Text size="sm" c="dimmed">
        {t('settings.eligibilityHelp')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {CATEGORIES.map((category) => (
          <NumberInput
            key={category}
            label={t('settings.eligibilityMinimum', { category: t(`classes.${category}`) })}
            min={0}
            allowDecimal={false}
            value={draft.eligibilityMinimum[category]}
            onChange={(value) =>
              setDraft((d) => ({
                ...d,
                eligibilityMinimum: { ...d.eligibilityMinimum, [category]: whole(value, 0) },
              }))
            }
          />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('settings.defaultCurrency')}
          data={CURRENCY_CODES}
          value={draft.defaultCurrency}
          onChange={(value) => setDraft((d) => ({ ...d, defaultCurrency: value ?? 'SEK' }))}
          allowDeselect={false}
        />
        <NumberInput
          label={t('settings.approachingPct')}
          min={0}
          max={100}
          suffix=" %"
          allowDecimal={false}
          value={draft.approachingPct}
          onChange={(value) =>
            setDraft((d) => ({ ...d, approachingPct: Math.min(100, whole(value, 80)) }))
          }
        />
        <NumberInput
          label={t('settings.staleInventoryDays')}
          min={1}
          allowDecimal={false}
          value={draft.staleInventoryDays}
          onChange={(value) =>
            setDraft((d) => ({ ...d, staleInventoryDays: Math.max(1, whole(value, 35)) }))
          }
        />
      </SimpleGrid>
      <Group justify="flex-end">
        <Button onClick={() => void onSave(draft)}>{t('settings.save')}</Button>
      </Group>
    </>
  );
}
