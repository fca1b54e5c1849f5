import { Button, Card, Code, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { confirmDestructive } from '../../shared/confirm';
import { formatDateTime } from '../../shared/format';
import { KeyStatusBadge } from '../../shared/KeyStatusBadge';
import { PaginatedTable, type Column } from '../../shared/PaginatedTable';
import { useCreateWidgetKey, useRevokeWidgetKey, useRotateWidgetKey, useWidgetKeys, type WidgetKey } from './hooks';

/** Public widget keys (they sit in the storefront's HTML): list, and for admins create, rotate, revoke. */
export function WidgetKeysCard({ editable }: { editable: boolean }) {
  const { t } = useTranslation('widget');
  const keys = useWidgetKeys();
  const create = useCreateWidgetKey();
  const rotate = useRotateWidgetKey();
  const revoke = useRevokeWidgetKey();

  const columns: Column<WidgetKey>[] = [
    { header: t('keys.column.key'), cell: (key) => <Code>{key.key}</Code> },
    { header: t('keys.column.created'), cell: (key) => formatDateTime(key.created_at) },
    {
      header: t('keys.column.status'),
      cell: (key) => <KeyStatusBadge revokedAt={key.revoked_at} />,
    },
  ];
  if (editable) {
    columns.push({
      header: t('keys.column.actions'),
      cell: (key) =>
        !key.revoked_at && (
          <Group gap={4} wrap="nowrap">
            <Button
              variant="subtle"
              size="xs"
              aria-label={t('keys.rotateKey', { key: key.key })}
              loading={rotate.isPending && rotate.variables.id === key.id}
              onClick={() =>
                confirmDestructive({
                  title: t('keys.confirmRotate.title'),
                  message: t('keys.confirmRotate.message', { key: key.key }),
                  confirmLabel: t('keys.rotate'),
                  onConfirm: () => rotate.mutate(key),
                })
              }
            >
              {t('keys.rotate')}
            </Button>
            <Button
              variant="subtle"
              color="red"
              size="xs"
              aria-label={t('keys.revokeKey', { key: key.key })}
              loading={revoke.isPending && revoke.variables.id === key.id}
              onClick={() =>
                confirmDestructive({
                  title: t('keys.confirmRevoke.title'),
                  message: t('keys.confirmRevoke.message', { key: key.key }),
                  confirmLabel: t('keys.revoke'),
                  onConfirm: () => revoke.mutate(key),
                })
              }
            >
              {t('keys.revoke')}
            </Button>
          </Group>
        ),
    });
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="widget-keys-title">
      <Group justify="space-between" mb="sm">
        <Title id="widget-keys-title" order={3} size="h4">
          {t('keys.title')}
        </Title>
        {editable && (
          <Button size="xs" variant="light" loading={create.isPending} onClick={() => create.mutate(undefined)}>
            {t('keys.create')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('keys.description')}
      </Text>
      <PaginatedTable label={t('keys.title')} list={keys} columns={columns} emptyMessage={t('keys.empty')} />
    </Card>
  );
}
