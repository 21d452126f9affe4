/**
 * First run: the user's name (for the change log), the partner's name and logo (for the reports), then
 * the demo portfolio or an empty start.
 */
import { Button, Center, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../db/instance';
import { readSettings, writeSetting } from '../../db/settings';
import { LogoPicker } from '../../components/LogoPicker';
import { useDataActions } from '../settings/data-actions';
import { navigate } from '../../components/route';
import { messageOf } from '../../../shared/errors';

export function FirstRun() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [partner, setPartner] = useState('');
  const [logo, setLogo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const { loadDemo } = useDataActions(name.trim());

  const start = async (withDemo: boolean) => {
    const user = name.trim();
    if (!user) {
      setError(t('firstRun.nameRequired'));
      return;
    }
    setBusy(true);
    try {
      if (withDemo) await loadDemo(user);
      if (partner.trim() || logo) {
        const terms = (await readSettings(db)).partner;
        const brand = { ...terms.brand, name: partner.trim(), logo };
        await writeSetting(db, user, 'partner', { ...terms, brand });
      }
      await writeSetting(db, user, 'userName', user);
      navigate('portfolio');
    } catch (failure) {
      notifications.show({
        color: 'red',
        message: t('errors.generic', {
          message: messageOf(failure),
        }),
      });
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void start(true);
  };

  return (
    <Center mih="100%" p="xl" component="main">
      <Paper withBorder shadow="sm" p="xl" maw={560} w="100%">
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={1} size="h2">
              {t('firstRun.title')}
            </Title>
            <Text c="dimmed">{t('firstRun.intro')}</Text>
            <TextInput
              label={t('firstRun.nameLabel')}
              description={t('firstRun.nameDescription')}
              value={name}
              onChange={(event) => {
                setName(event.currentTarget.value);
                setError(null);
              }}
              error={error}
              autoFocus
              required
              autoComplete="name"
              maxLength={100}
            />
            <TextInput
              label={t('firstPage.partnerLabel')}
              description={t('firstPage.partnerDescription')}
              value={partner}
              onChange={(event) => setPartner(event.currentTarget.value)}
              autoComplete="organization"
              maxLength={120}
            />
            <LogoPicker value={logo} alt={partner} onChange={setLogo} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => void start(false)} disabled={isBusy}>
                {t('firstRun.startEmpty')}
              </Button>
              <Button type="submit" loading={isBusy}>
                {t('firstRun.loadDemo')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
