/**
 * The one scaffold of every form in the app: a real <form>, so Enter in a field (Ctrl+Enter in a
 * note) saves and Escape cancels; the Save button shows the work and cannot be pressed twice; a save the rules refuse keeps
 * the dialog open with each issue beside its field (useRefusableWrite).
 */
import { Button, Modal, Stack, type ModalProps } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogButtons } from './DialogButtons';
import { isSubmitKey } from './submit-key';

/** A form's save: true when saved, false when refused (the form shows why). */
export type Submit = () => Promise<boolean> | boolean;

/** Submit handling for any form: one run at a time, and whether one is running. */
export function useSubmit(submit: Submit, onSaved?: () => void) {
  const [isSaving, setSaving] = useState(false);
  const onSubmit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (isSaving) return;
    setSaving(true);
    try {
      if (await submit()) onSaved?.();
    } finally {
      setSaving(false);
    }
  };
  return { isSaving, onSubmit: (event?: FormEvent) => void onSubmit(event) };
}

/**
 * A write whose refusal is part of the form: `refusal` picks the issues out of an error the rules
 * threw (anything else is thrown on). `write` answers whether it saved.
 */
export function useRefusableWrite<Issue>(refusal: (error: unknown) => readonly Issue[] | null) {
  const [issues, setIssues] = useState<readonly Issue[]>([]);
  const write = async (action: () => Promise<unknown>): Promise<boolean> => {
    try {
      await action();
      setIssues([]);
      return true;
    } catch (error) {
      const refused = refusal(error);
      if (!refused) throw error;
      setIssues(refused);
      return false;
    }
  };
  return { issues, setIssues, write };
}

export function FormDialog({
  title,
  size,
  onClose,
  onSubmit,
  submitLabel,
  actions,
  canSubmit = true,
  children,
}: {
  title: string;
  size?: ModalProps['size'];
  onClose: () => void;
  /** The save; the dialog closes when it answers true. */
  onSubmit: Submit;
  /** The Save button's words; "Save" when none. */
  submitLabel?: string;
  /** More buttons between Cancel and Save. */
  actions?: ReactNode;
  /** False while the form is not complete enough to try. */
  canSubmit?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { isSaving, onSubmit: submit } = useSubmit(onSubmit, onClose);
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      size={size}
      title={title}
    >
      <form
        onSubmit={submit}
        onKeyDown={(event) => {
          // Enter saves from a field; Ctrl+Enter also from a multi-line note.
          if (isSubmitKey(event) && canSubmit) submit();
        }}
        noValidate
      >
        <Stack>
          {children}
          <DialogButtons onCancel={onClose}>
            {actions}
            <Button type="submit" loading={isSaving} disabled={!canSubmit}>
              {submitLabel ?? t('common.save')}
            </Button>
          </DialogButtons>
        </Stack>
      </form>
    </Modal>
  );
}
