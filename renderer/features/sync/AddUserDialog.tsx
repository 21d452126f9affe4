/**
 * Adding a team user (Settings → Team sync → Users): name, e-mail, role and an optional last day;
 * then the new user's access token, shown this once with Copy. The token lives only in this dialog's
 * state: closing it forgets the token, and nothing in the renderer stores it.
 */
import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../shared/model/synced-entities';
import { expiryOfLastDay, userEmailSchema, type AddedUser } from '../../../shared/sync/users';
import { FormDialog } from '../../components/FormDialog';
import { DateField } from '../../components/inputs';
import { api } from '../../platform';
import { useSyncErrorText } from './SyncStatus';

/** The roles as a Select offers them, in the user's words. */
export function useRoleOptions() {
  const { t } = useTranslation();
  return ROLES.map((role) => ({ value: role, label: t(`teamSync.roles.${role}`) }));
}

export function AddUserDialog({
  onClose,
  onAdded,
}: {
  onClose: () => void;
  /** The user made, with its token, for the token dialog. */
  onAdded: (added: AddedUser) => void;
}) {
  const { t } = useTranslation();
  const roles = useRoleOptions();
  const errorText = useSyncErrorText();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('csm');
  const [expires, setExpires] = useState<string | null>(null);
  const [isChecked, setChecked] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const nameError = !name.trim() ? t('teamSync.users.nameRequired') : null;
  const emailError = userEmailSchema.safeParse(email).success
    ? null
    : t('teamSync.users.emailInvalid');
  const expiresError =
    expires && !expiryOfLastDay(expires) ? t('teamSync.users.expiresPast') : null;

  const submit = async () => {
    setChecked(true);
    setFailure(null);
    if (nameError || emailError || expiresError) return false;
    const answer = await api.addTeamUser({ name, email, role, expires });
    if (!answer.ok) {
      setFailure(errorText(answer));
      return false;
    }
    onAdded(answer.value);
    return true;
  };

  return (
    <FormDialog
      title={t('teamSync.users.addTitle')}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('teamSync.users.addSubmit')}
    >
      <TextInput
        label={t('teamSync.users.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={isChecked ? nameError : null}
        required
        data-autofocus
      />
      <TextInput
        label={t('teamSync.users.email')}
        type="email"
        value={email}
        onChange={(e) => setEmail(e.currentTarget.value)}
        error={isChecked ? emailError : null}
        required
        spellCheck={false}
      />
      <Select
        label={t('teamSync.users.role')}
        data={roles}
        value={role}
        onChange={(value) => value && setRole(value)}
        allowDeselect={false}
        required
      />
      <DateField
        label={t('teamSync.users.expires')}
        description={t('teamSync.users.expiresHint')}
        value={expires}
        onChange={setExpires}
        error={isChecked ? expiresError : null}
      />
      {failure ? (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      ) : null}
    </FormDialog>
  );
}

/** The new user's token, this once: Copy, and the word that it will not be shown again. */
export function NewTokenDialog({ added, onClose }: { added: AddedUser; onClose: () => void }) {
  const { t } = useTranslation();
  const { name } = added.user;
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('teamSync.users.tokenTitle', { name })}
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="lg"
    >
      <Stack>
        <Text size="sm">{t('teamSync.users.tokenBody', { name })}</Text>
        <Code block data-testid="new-user-token" style={{ wordBreak: 'break-all' }}>
          {added.token}
        </Code>
        <Alert color="yellow">{t('teamSync.users.tokenOnce')}</Alert>
        <Group justify="flex-end">
          <CopyButton value={added.token}>
            {({ copied, copy }) => (
              <Button
                variant="default"
                color={copied ? 'teal' : undefined}
                onClick={copy}
                data-autofocus
              >
                {copied ? t('teamSync.users.copied') : t('teamSync.users.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose}>{t('teamSync.users.done')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
