import { Select, TextInput } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('apiKeys');
  const { role } = useSession();
  const createKey = useCreateApiKey();
  const form = useForm<ApiKeyInput>({
    initialValues: { name: '', role: 'viewer' },
    validate: { name: isNotEmpty(t('createModal.nameRequired')) },
  });

  return (
    <ModalForm
      title={t('createModal.title')}
      opened={opened}
      onClose={onClose}
      form={form}
      submitLabel={t('createModal.submit')}
      onSubmit={async (values) => onCreated(await createKey.mutateAsync(values))}
    >
      <TextInput
        label={t('createModal.name')}
        description={t('createModal.nameDescription')}
        required
        data-autofocus
        {...form.getInputProps('name')}
      />
      <Select<Role>
        label={t('createModal.role')}
        description={t('createModal.roleDescription')}
        data={roleOptions(apiKeyRoles(role))}
        allowDeselect={false}
        required
        {...form.getInputProps('role')}
      />
    </ModalForm>
  );
}
