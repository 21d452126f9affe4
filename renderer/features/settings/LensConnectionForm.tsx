/**
 * A Lens API connection's form: its name, client ID and secret (the secret goes to main and never
 * comes back; a stored one is sent only to the addresses it was saved for), its tenants (listed by
 * Lens, or typed) and, behind "Addresses", another Lens environment's token and API addresses.
 */
import { Accordion, Alert, PasswordInput, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../components/FormDialog';
import { LENS_ENDPOINTS, lensEndpointProblem, type LensConnection } from '../../../shared/lens';
import { useFormat } from '../../components/format';
import { api } from '../../platform';
import { messageOf } from '../../../shared/errors';
import { mapLensTenants } from '../../db/contracts';
import { useCustomers } from '../../db/hooks/book';
import { db } from '../../db/instance';
import { LensTenants, type TenantChoice } from './LensTenants';

export interface Draft {
  id?: string;
  label: string;
  clientId: string;
  clientSecret: string;
  tenantIds: string;
  tokenUrl: string;
  apiUrl: string;
}

export const blank: Draft = {
  label: '',
  clientId: '',
  clientSecret: '',
  tenantIds: '',
  tokenUrl: LENS_ENDPOINTS.tokenUrl,
  apiUrl: LENS_ENDPOINTS.apiUrl,
};

export const draftOf = (c: LensConnection): Draft => ({
  id: c.id,
  label: c.label,
  clientId: c.clientId,
  clientSecret: '',
  tenantIds: c.tenants.map((t) => t.id).join('\n'),
  tokenUrl: c.tokenUrl,
  apiUrl: c.apiUrl,
});

export function ConnectionForm({
  draft,
  user,
  onClose,
  onSaved,
}: {
  draft: Draft;
  /** Who maps tenants to customers from here (the change log names them). */
  user: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const customers = useCustomers();
  const [choices, setChoices] = useState<TenantChoice[] | null>(null);
  const [value, setValue] = useState(draft);
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof Draft) => (text: string) => setValue((v) => ({ ...v, [key]: text }));
  const tenantIds = [...new Set(value.tenantIds.split(/[\s,;]+/).filter(Boolean))];
  // A stored secret is only sent where it was saved for: new addresses need it typed again.
  const needsSecret =
    value.id === undefined ||
    value.tokenUrl.trim() !== draft.tokenUrl ||
    value.apiUrl.trim() !== draft.apiUrl;
  const addressError = (url: string) =>
    lensEndpointProblem(url.trim(), true) ? t('lens.notLensAddress') : undefined;
  const isComplete =
    value.label.trim() !== '' &&
    value.clientId.trim() !== '' &&
    (!needsSecret || value.clientSecret !== '') &&
    tenantIds.length > 0 &&
    !addressError(value.tokenUrl) &&
    !addressError(value.apiUrl);

  const save = async () => {
    setError(null);
    try {
      const saved = await api.saveLensConnection({
        ...(value.id ? { id: value.id } : {}),
        label: value.label.trim(),
        clientId: value.clientId.trim(),
        clientSecret: value.clientSecret,
        tokenUrl: value.tokenUrl.trim(),
        apiUrl: value.apiUrl.trim(),
        tenantIds,
      });
      // The listed tenants chosen for a customer they do not match yet become its Lens accounts.
      await mapLensTenants(
        db,
        user,
        (choices ?? [])
          .filter((c) => c.customerId !== '' && tenantIds.includes(c.tenant.id))
          .map((c) => ({ customerId: c.customerId, account: c.tenant.name || c.tenant.id })),
      );
      notifications.show({
        color: 'green',
        message: t('lens.saved', {
          tenants: saved.tenants
            .map((tenant) =>
              t('lens.tenantLine', {
                name: tenant.name,
                id: tenant.id,
                devices: format.number(tenant.devices),
              }),
            )
            .join('; '),
        }),
      });
      onSaved();
      return true;
    } catch (e) {
      setError(messageOf(e));
      return false;
    }
  };

  return (
    <FormDialog
      onClose={onClose}
      title={t('lens.formTitle')}
      size="lg"
      onSubmit={() => isComplete && save()}
      submitLabel={t('lens.save')}
      canSubmit={isComplete}
    >
      <TextInput
        label={t('lens.label')}
        description={t('lens.labelHint')}
        value={value.label}
        onChange={(e) => set('label')(e.currentTarget.value)}
        required
        data-autofocus
      />
      <TextInput
        label={t('lens.clientId')}
        value={value.clientId}
        onChange={(e) => set('clientId')(e.currentTarget.value)}
        required
        autoComplete="off"
        spellCheck={false}
      />
      <PasswordInput
        label={t('lens.clientSecret')}
        description={
          value.id ? t(needsSecret ? 'lens.clientSecretAgain' : 'lens.clientSecretKeep') : undefined
        }
        value={value.clientSecret}
        onChange={(e) => set('clientSecret')(e.currentTarget.value)}
        required={needsSecret}
        autoComplete="new-password"
      />
      <Textarea
        label={t('lens.tenantIds')}
        description={t('lens.tenantIdsHint')}
        value={value.tenantIds}
        onChange={(e) => set('tenantIds')(e.currentTarget.value)}
        autosize
        minRows={2}
        required
        spellCheck={false}
      />
      <LensTenants
        credentials={{
          ...(value.id ? { id: value.id } : {}),
          clientId: value.clientId.trim(),
          clientSecret: value.clientSecret,
          tokenUrl: value.tokenUrl.trim(),
          apiUrl: value.apiUrl.trim(),
        }}
        canList={
          value.clientId.trim() !== '' &&
          (!needsSecret || value.clientSecret !== '') &&
          !addressError(value.tokenUrl) &&
          !addressError(value.apiUrl)
        }
        customers={customers ?? []}
        chosen={tenantIds}
        onToggle={(id, isChosen) =>
          set('tenantIds')(
            (isChosen ? [...tenantIds, id] : tenantIds.filter((t) => t !== id)).join('\n'),
          )
        }
        choices={choices}
        onChoices={(listed) => {
          // Listed for the first time: every tenant is taken, as a new connection usually wants.
          if (choices === null && tenantIds.length === 0)
            set('tenantIds')(listed.map((c) => c.tenant.id).join('\n'));
          setChoices(listed);
        }}
      />
      <Accordion variant="contained">
        <Accordion.Item value="advanced">
          <Accordion.Control>{t('lens.advanced')}</Accordion.Control>
          <Accordion.Panel>
            <Stack>
              <TextInput
                label={t('lens.tokenUrl')}
                value={value.tokenUrl}
                onChange={(e) => set('tokenUrl')(e.currentTarget.value)}
                error={addressError(value.tokenUrl)}
                spellCheck={false}
              />
              <TextInput
                label={t('lens.apiUrl')}
                value={value.apiUrl}
                onChange={(e) => set('apiUrl')(e.currentTarget.value)}
                error={addressError(value.apiUrl)}
                spellCheck={false}
              />
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
      {error ? (
        <Alert color="red" role="alert" data-testid="lens-connection-error">
          {error}
        </Alert>
      ) : null}
    </FormDialog>
  );
}
