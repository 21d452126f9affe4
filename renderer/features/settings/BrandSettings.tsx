/**
 * The partner's brand on its reports: name, colours and logo, with a preview of the report's first
 * page's head as a customer will see it. Saved with the partner terms, so it syncs with them.
 */
import { Button, ColorInput, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { firstPageKicker } from '../../../shared/reports/first-page';
import { localToday, monthOf } from '../../../shared/terms/dates';
import type { PartnerBrand } from '../../../shared/terms/settings';
import { FirstPageHeader } from '../../components/FirstPagePreview';
import { useFormat } from '../../components/format';
import { LogoPicker } from '../../components/LogoPicker';

export function BrandSettings({
  brand,
  mayWrite,
  onSave,
}: {
  brand: PartnerBrand;
  mayWrite: boolean;
  onSave: (brand: PartnerBrand) => Promise<void>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [draft, setDraft] = useState(brand);
  const preview = {
    brand: { name: draft.name, logo: draft.logo, color: draft.primaryColor },
    kicker: firstPageKicker(draft.name, format.language),
    title: `${t('firstPage.previewCustomer')} · ${format.month(monthOf(localToday()))}`,
    context: [],
    warnings: [],
  };
  return (
    <>
      <TextInput
        label={t('settings.brandName')}
        value={draft.name}
        onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
        maxLength={120}
      />
      <Group>
        {(['primaryColor', 'accentColor'] as const).map((key) => (
          <ColorInput
            key={key}
            label={t(`settings.${key}`)}
            eyeDropperButtonProps={{ 'aria-label': t('settings.pickColour') }}
            value={draft[key]}
            onChange={(value) => setDraft({ ...draft, [key]: value })}
            format="hex"
          />
        ))}
      </Group>
      <LogoPicker
        value={draft.logo}
        alt={draft.name}
        onChange={(logo) => setDraft({ ...draft, logo })}
      />
      <Stack
        gap={4}
        component="figure"
        m={0}
        aria-label={t('firstPage.preview')}
        data-testid="brand-preview"
      >
        <Text size="sm" fw={500} component="figcaption">
          {t('firstPage.preview')}
        </Text>
        <Stack
          p="md"
          bg="white"
          c="dark"
          style={{ border: '1px solid var(--mantine-color-gray-4)' }}
        >
          <FirstPageHeader page={preview} />
        </Stack>
      </Stack>
      <Group justify="flex-end">
        <Button onClick={() => void onSave(draft)} disabled={!mayWrite}>
          {t('settings.save')}
        </Button>
      </Group>
    </>
  );
}
