import { Select, TextInput } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { ModalForm } from '../../shared/ModalForm';
import { roleOptions, type Role } from '../../shared/roles';
import { apiKeyRoles } from '../session/permissions';
import { useSession } from '../session/SessionContext';
import { useCreateApiKey, type ApiKeyInput, type CreatedApiKey } from './hooks';

interface CreateApiKeyModalProps {
  opened: boolean;
  onClose: () => void;
  onCreated: (key: CreatedApiKey) => void;
}

export function CreateApiKeyModal({ opened, onClose, onCreated }: CreateApiKeyModalProps) {
  const { role } = useSession();
  const createKey = useCreateApiKey();
  const form = useForm<ApiKeyInput>({
    initialValues: { name: '', role: 'viewer' },
    validate: { name: isNotEmpty('Give the key a name.') },
  });

  return (
    <ModalForm
      title="Create API key"
      opened={opened}
      onClose={onClose}
      form={form}
      submitLabel="Create key"
      onSubmit={async (values) => onCreated(await createKey.mutateAsync(values))}
    >
      <TextInput
        label="Name"
        description="Where the key is used, e.g. “CI” or “Catalog sync”."
        required
        data-autofocus
        {...form.getInputProps('name')}
      />
      <Select<Role>
        label="Role"
        description="The key can do what a member with this role can do."
        data={roleOptions(apiKeyRoles(role))}
        allowDeselect={false}
        required
        {...form.getInputProps('role')}
      />
    </ModalForm>
  );
}
