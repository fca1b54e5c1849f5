import { Select, TextInput } from '@mantine/core';
import { isEmail, useForm } from '@mantine/form';
import { ModalForm } from '../../shared/ModalForm';
import { roleOptions, type Role } from '../../shared/roles';
import { assignableRoles } from '../session/permissions';
import { useSession } from '../session/SessionContext';
import { useCreateInvitation, type InvitationInput } from './hooks';

export function InviteModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { role } = useSession();
  const createInvitation = useCreateInvitation();
  const form = useForm<InvitationInput>({
    initialValues: { email: '', role: 'editor' },
    validate: { email: isEmail('Enter a valid email address.') },
  });

  return (
    <ModalForm
      title="Invite a team member"
      opened={opened}
      onClose={onClose}
      form={form}
      submitLabel="Send invitation"
      onSubmit={createInvitation.mutateAsync}
    >
      <TextInput label="Email" type="email" required data-autofocus {...form.getInputProps('email')} />
      <Select<Role>
        label="Role"
        data={roleOptions(assignableRoles(role))}
        allowDeselect={false}
        required
        {...form.getInputProps('role')}
      />
    </ModalForm>
  );
}
