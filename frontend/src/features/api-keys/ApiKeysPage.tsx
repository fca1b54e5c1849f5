import { useState } from 'react';
import { Button, Code } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { confirmDestructive } from '../../shared/confirm';
import { formatDateTime } from '../../shared/format';
import { KeyStatusBadge } from '../../shared/KeyStatusBadge';
import { PageHeader } from '../../shared/PageHeader';
import { PaginatedTable, type Column } from '../../shared/PaginatedTable';
import { RoleBadge } from '../../shared/roles';
import { canManage } from '../session/permissions';
import { useSession } from '../session/SessionContext';
import { CreateApiKeyModal } from './CreateApiKeyModal';
import { useApiKeys, useRevokeApiKey, type ApiKey, type CreatedApiKey } from './hooks';
import { OneTimeKeyModal } from './OneTimeKeyModal';

export function ApiKeysPage() {
  const { t } = useTranslation('apiKeys');
  const { role } = useSession();
  const manage = canManage(role);
  const apiKeys = useApiKeys();
  const revoke = useRevokeApiKey();
  const [createOpened, create] = useDisclosure(false);
  const [createdKey, setCreatedKey] = useState<CreatedApiKey | null>(null);

  const confirmRevoke = (key: ApiKey) =>
    confirmDestructive({
      title: t('confirmRevoke.title'),
      message: t('confirmRevoke.message', { name: key.name, prefix: key.prefix }),
      confirmLabel: t('revoke'),
      onConfirm: () => revoke.mutate(key),
    });

  const columns: Column<ApiKey>[] = [
    { header: t('column.name'), cell: (key) => key.name },
    { header: t('column.key'), cell: (key) => <Code>{key.prefix}…</Code> },
    { header: t('column.role'), cell: (key) => <RoleBadge role={key.role} /> },
    { header: t('column.createdBy'), cell: (key) => key.created_by },
    { header: t('column.created'), cell: (key) => formatDateTime(key.created_at) },
    { header: t('column.lastUsed'), cell: (key) => formatDateTime(key.last_used_at, t('never')) },
    {
      header: t('column.status'),
      cell: (key) => <KeyStatusBadge revokedAt={key.revoked_at} />,
    },
  ];

  if (manage) {
    columns.push({
      header: t('column.actions'),
      cell: (key) =>
        !key.revoked_at && (
          <Button
            variant="subtle"
            color="red"
            size="xs"
            aria-label={t('revokeKey', { name: key.name })}
            loading={revoke.isPending && revoke.variables.id === key.id}
            onClick={() => confirmRevoke(key)}
          >
            {t('revoke')}
          </Button>
        ),
    });
  }

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        action={manage && <Button onClick={create.open}>{t('create')}</Button>}
      />
      <PaginatedTable label={t('table')} list={apiKeys} columns={columns} emptyMessage={t('empty')} />
      {manage && <CreateApiKeyModal opened={createOpened} onClose={create.close} onCreated={setCreatedKey} />}
      <OneTimeKeyModal apiKey={createdKey} onClose={() => setCreatedKey(null)} />
    </>
  );
}
