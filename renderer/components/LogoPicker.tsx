/**
 * Picks the partner's logo: a PNG or JPEG checked by its bytes (shared/reports/logo.ts) and kept as a
 * data: URL, never as a path. What is wrong with a refused file is said beside the button.
 */
import { Button, Group, Image, Input, Stack } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readLogo, type LogoProblem } from '../../shared/reports/logo';
import { api } from '../platform';

export function LogoPicker({
  value,
  alt,
  onChange,
}: {
  value: string;
  alt: string;
  onChange: (dataUrl: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [problem, setProblem] = useState<LogoProblem | null>(null);
  const pick = async () => {
    const file = await api.openFile({
      filters: [{ name: t('firstPage.chooseLogo'), extensions: ['png', 'jpg', 'jpeg'] }],
    });
    if (!file) return;
    const logo = readLogo(file.bytes);
    if ('problem' in logo) {
      setProblem(logo.problem);
      return;
    }
    setProblem(null);
    onChange(logo.dataUrl);
  };
  return (
    <Input.Wrapper
      label={t('settings.brandLogo')}
      description={t('firstPage.logoHelp')}
      error={problem ? t(`firstPage.logoProblems.${problem}`) : null}
      // A caption over the button, not its name: the button says what it does.
      labelElement="div"
      errorProps={{ id: `${id}-error`, role: 'alert' }}
    >
      <Stack gap="xs" mt={4}>
        {value ? <Image src={value} h={48} w="auto" maw={200} fit="contain" alt={alt} /> : null}
        <Group gap="xs">
          <Button
            variant="default"
            onClick={() => void pick()}
            aria-describedby={problem ? `${id}-error` : undefined}
          >
            {t('firstPage.chooseLogo')}
          </Button>
          {value ? (
            <Button variant="subtle" color="red" onClick={() => onChange('')}>
              {t('firstPage.removeLogo')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
