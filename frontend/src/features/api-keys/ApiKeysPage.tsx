import { useState } from 'react';
import { Button, Code } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
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
  const { role } = useSession();
  const manage = canManage(role);
  const apiKeys = useApiKeys();
  const revoke = useRevokeApiKey();
  const [createOpened, create] = useDisclosure(false);
  const [createdKey, setCreatedKey] = useState<CreatedApiKey | null>(null);

  const confirmRevoke = (key: ApiKey) =>
    confirmDestructive({
      title: 'Revoke API key',
      message: `Revoke “${key.name}” (${key.prefix})? Anything using it will stop working immediately.`,
      confirmLabel: 'Revoke',
      onConfirm: () => revoke.mutate(key),
    });

  const columns: Column<ApiKey>[] = [
    { header: 'Name', cell: (key) => key.name },
    { header: 'Key', cell: (key) => <Code>{key.prefix}…</Code> },
    { header: 'Role', cell: (key) => <RoleBadge role={key.role} /> },
    { header: 'Created by', cell: (key) => key.created_by },
    { header: 'Created', cell: (key) => formatDateTime(key.created_at) },
    { header: 'Last used', cell: (key) => formatDateTime(key.last_used_at, 'Never') },
    {
      header: 'Status',
      cell: (key) => <KeyStatusBadge revokedAt={key.revoked_at} />,
    },
  ];

  if (manage) {
    columns.push({
      header: 'Actions',
      cell: (key) =>
        !key.revoked_at && (
          <Button
            variant="subtle"
            color="red"
            size="xs"
            aria-label={`Revoke ${key.name}`}
            loading={revoke.isPending && revoke.variables.id === key.id}
            onClick={() => confirmRevoke(key)}
          >
            Revoke
          </Button>
        ),
    });
  }

  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys let your own systems call the Aisle API for this store."
        action={manage && <Button onClick={create.open}>Create API key</Button>}
      />
      <PaginatedTable label="API keys" list={apiKeys} columns={columns} emptyMessage="No API keys yet." />
      {manage && <CreateApiKeyModal opened={createOpened} onClose={create.close} onCreated={setCreatedKey} />}
      <OneTimeKeyModal apiKey={createdKey} onClose={() => setCreatedKey(null)} />
    </>
  );
}
