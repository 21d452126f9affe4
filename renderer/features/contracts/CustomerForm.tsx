/** Create or edit a customer: name, master account, country (its business-day calendar), Lens accounts. */
import { Select, SimpleGrid, TagsInput, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../shared/model/entities';
import { COUNTRY_CODES } from '../../../shared/terms/holidays';
import { saveCustomer } from '../../db/contracts';
import { db } from '../../db/instance';
import { FormDialog } from '../../components/FormDialog';
import { nameKey } from '../../../shared/model/name-key';

export function CustomerForm({
  customer,
  user,
  names,
  onClose,
  onSaved,
}: {
  customer: Customer | null;
  user: string;
  /** Other customers' names, to refuse a second customer of the same name. */
  names: readonly string[];
  onClose: () => void;
  onSaved?: (customer: Customer) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Customer>(
    () =>
      customer ?? {
        id: crypto.randomUUID(),
        name: '',
        masterAccountId: '',
        country: 'SE',
        lensAccounts: [],
        csm: user,
        accountManager: '',
        isArchived: false,
      },
  );
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<Customer>) => setDraft((d) => ({ ...d, ...patch }));

  const save = async () => {
    const name = draft.name.trim();
    if (!name) {
      setError(t('customerForm.nameRequired'));
      return false;
    }
    if (names.some((n) => nameKey(n) === nameKey(name))) {
      setError(t('customerForm.nameTaken', { name }));
      return false;
    }
    const saved = { ...draft, name, masterAccountId: draft.masterAccountId.trim() };
    await saveCustomer(db, user, saved);
    onSaved?.(saved);
    return true;
  };

  return (
    <FormDialog
      onClose={onClose}
      title={t(customer ? 'customerForm.edit' : 'customerForm.new')}
      size="lg"
      onSubmit={save}
    >
      <TextInput
        label={t('customerForm.name')}
        required
        data-autofocus
        value={draft.name}
        onChange={(e) => set({ name: e.currentTarget.value })}
        error={error}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('customerForm.masterAccountId')}
          value={draft.masterAccountId}
          onChange={(e) => set({ masterAccountId: e.currentTarget.value })}
        />
        <Select
          label={t('customerForm.country')}
          description={t('customerForm.countryHelp')}
          data={COUNTRY_CODES.map((c) => ({ value: c, label: t(`countries.${c}`) }))}
          value={draft.country}
          onChange={(value) => set({ country: value ?? 'SE' })}
          allowDeselect={false}
        />
        <TextInput
          label={t('customerForm.csm')}
          value={draft.csm}
          onChange={(e) => set({ csm: e.currentTarget.value })}
        />
        <TextInput
          label={t('customerForm.accountManager')}
          value={draft.accountManager}
          onChange={(e) => set({ accountManager: e.currentTarget.value })}
        />
      </SimpleGrid>
      <TagsInput
        label={t('customerForm.lensAccounts')}
        description={t('customerForm.lensAccountsHelp')}
        value={draft.lensAccounts}
        onChange={(lensAccounts) => set({ lensAccounts })}
      />
    </FormDialog>
  );
}
