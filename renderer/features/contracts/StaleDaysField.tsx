/**
 * The contract's stale rule (TERMS.md §12): no limit, one of the usual limits, or another number of
 * days typed in. The draft holds the days as text ('' for none), as the register does.
 */
import { Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STALE_DAYS_CHOICES } from '../../../shared/contracts/fields';

const NONE = 'none';
const OTHER = 'other';

const isChoice = (days: string) => STALE_DAYS_CHOICES.some((d) => String(d) === days.trim());

export function StaleDaysField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (days: string) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const [isTyping, setTyping] = useState(() => value.trim() !== '' && !isChoice(value));
  const choice = isTyping ? OTHER : value.trim() === '' ? NONE : value.trim();
  return (
    <Stack gap={4} data-testid="stale-days">
      <Group align="start" grow>
        <Select
          label={t('staleRule.label')}
          data={[
            { value: NONE, label: t('staleRule.none') },
            ...STALE_DAYS_CHOICES.map((d) => ({
              value: String(d),
              label: t('staleRule.days', { days: d }),
            })),
            { value: OTHER, label: t('staleRule.other') },
          ]}
          value={choice}
          onChange={(next) => {
            setTyping(next === OTHER);
            if (next === NONE) onChange('');
            else if (next !== OTHER && next !== null) onChange(next);
          }}
          allowDeselect={false}
          error={isTyping ? undefined : error}
        />
        {isTyping ? (
          <TextInput
            label={t('staleRule.typed')}
            inputMode="numeric"
            value={value}
            onChange={(e) => onChange(e.currentTarget.value)}
            error={error}
          />
        ) : null}
      </Group>
      <Text size="xs" c="dimmed">
        {t('staleRule.hint')}
      </Text>
    </Stack>
  );
}
