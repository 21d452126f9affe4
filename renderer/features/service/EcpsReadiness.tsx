/**
 * The customer's signed ECPS authorisation and its agreements with cloud partners (TERMS.md §8), and
 * the warnings they give when an incident is opened without them.
 */
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { DateField } from '../../components/inputs';
import { useTranslation } from 'react-i18next';
import { CLOUD_PARTNERS, type CloudAgreement, type Customer } from '../../../shared/model/entities';
import type { EcpsWarning } from '../../../shared/service/ecps';
import { useFormat } from '../../components/format';
import { saveCustomer } from '../../db/contracts';
import { db } from '../../db/instance';

export function useWarningText() {
  const { t } = useTranslation();
  const format = useFormat();
  return (w: EcpsWarning) =>
    t(`service.ecps.warnings.${w.kind}`, {
      partner: 'partner' in w ? t(`service.ecps.partners.${w.partner}`) : '',
      date: 'validUntil' in w ? format.date(w.validUntil) : '',
    });
}

export function Readiness({
  customer,
  user,
  today,
}: {
  customer: Customer;
  user: string;
  today: string;
}) {
  const { t } = useTranslation();
  const [authorisation, setAuthorisation] = useState(
    customer.ecpsAuthorisation ?? { signedOn: '', signer: '', documentRef: '' },
  );
  const [agreements, setAgreements] = useState<CloudAgreement[]>(customer.cloudAgreements ?? []);
  const save = () =>
    saveCustomer(db, user, {
      ...customer,
      ecpsAuthorisation:
        authorisation.signer.trim() || authorisation.signedOn ? authorisation : null,
      cloudAgreements: agreements.filter((a) => a.validUntil),
    });
  return (
    <Paper withBorder p="md" data-testid="ecps-readiness">
      <Title order={3} size="h5" mb="xs">
        {t('service.ecps.authorisation')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <DateField
          label={t('service.fields.signedOn')}
          value={authorisation.signedOn}
          onChange={(signedOn) => setAuthorisation({ ...authorisation, signedOn: signedOn ?? '' })}
        />
        <TextInput
          label={t('service.fields.signer')}
          value={authorisation.signer}
          onChange={(e) => setAuthorisation({ ...authorisation, signer: e.currentTarget.value })}
        />
        <TextInput
          label={t('service.fields.documentRef')}
          value={authorisation.documentRef}
          onChange={(e) =>
            setAuthorisation({ ...authorisation, documentRef: e.currentTarget.value })
          }
        />
      </SimpleGrid>
      <Title order={3} size="h5" mt="md" mb="xs">
        {t('service.ecps.agreements')}
      </Title>
      <Stack gap="xs">
        {agreements.map((a, i) => (
          <Group key={i} align="end">
            <Select
              label={t('service.fields.cloudPartner')}
              data={CLOUD_PARTNERS.map((p) => ({
                value: p,
                label: t(`service.ecps.partners.${p}`),
              }))}
              value={a.partner}
              onChange={(v) =>
                setAgreements(
                  agreements.map((x, j) => (j === i ? { ...x, partner: v ?? 'other' } : x)),
                )
              }
              allowDeselect={false}
            />
            <DateField
              label={t('service.fields.validUntil')}
              value={a.validUntil}
              onChange={(validUntil) =>
                setAgreements(
                  agreements.map((x, j) => (j === i ? { ...x, validUntil: validUntil ?? '' } : x)),
                )
              }
            />
            {a.validUntil && a.validUntil < today ? (
              <Badge color="red">{t('service.ecps.expired')}</Badge>
            ) : null}
            <ActionIcon
              variant="subtle"
              color="red"
              mb={6}
              aria-label={t('service.ecps.removeAgreement')}
              onClick={() => setAgreements(agreements.filter((_, j) => j !== i))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => setAgreements([...agreements, { partner: 'teams', validUntil: '' }])}
          >
            {t('service.ecps.addAgreement')}
          </Button>
          <Button size="xs" onClick={() => void save()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
