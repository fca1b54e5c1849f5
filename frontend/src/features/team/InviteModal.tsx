import { Select, TextInput } from '@mantine/core';
import { isEmail, useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ModalForm } from '../../shared/ModalForm';
import { roleOptions, type Role } from '../../shared/roles';
import { assignableRoles } from '../session/permissions';
import { useSession } from '../session/SessionContext';
import { useCreateInvitation, type InvitationInput } from './hooks';

export function InviteModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('team');
  const { role } = useSession();
  const createInvitation = useCreateInvitation();
  const form = useForm<InvitationInput>({
    initialValues: { email: '', role: 'editor' },
    validate: { email: isEmail(t('inviteModal.invalidEmail')) },
  });

  return (
    <ModalForm
      title={t('inviteModal.title')}
      opened={opened}
      onClose={onClose}
      form={form}
      submitLabel={t('inviteModal.submit')}
      onSubmit={createInvitation.mutateAsync}
    >
      <TextInput label={t('inviteModal.email')} type="email" required data-autofocus {...form.getInputProps('email')} />
      <Select<Role>
        label={t('inviteModal.role')}
        data={roleOptions(assignableRoles(role))}
        allowDeselect={false}
        required
        {...form.getInputProps('role')}
      />
    </ModalForm>
  );
}
