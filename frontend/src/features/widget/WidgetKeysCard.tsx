import { Button, Card, Code, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { confirmDestructive } from '../../shared/confirm';
import { formatDateTime } from '../../shared/format';
import { KeyStatusBadge } from '../../shared/KeyStatusBadge';
import { PaginatedTable, type Column } from '../../shared/PaginatedTable';
import { useCreateWidgetKey, useRevokeWidgetKey, useRotateWidgetKey, useWidgetKeys, type WidgetKey } from './hooks';

/** Rotate or revoke one key, after the user confirms. */
function KeyAction({
  action,
  widgetKey,
  mutation,
}: {
  action: 'rotate' | 'revoke';
  widgetKey: WidgetKey;
  mutation: ReturnType<typeof useRotateWidgetKey | typeof useRevokeWidgetKey>;
}) {
  const { t } = useTranslation('widget', { keyPrefix: 'keys' });
  const confirm = action === 'rotate' ? 'confirmRotate' : 'confirmRevoke';
  return (
    <Button
      variant="subtle"
      color={action === 'revoke' ? 'red' : undefined}
      size="xs"
      aria-label={t(`${action}Key`, { key: widgetKey.key })}
      loading={mutation.isPending && mutation.variables.id === widgetKey.id}
      onClick={() =>
        confirmDestructive({
          title: t(`${confirm}.title`),
          message: t(`${confirm}.message`, { key: widgetKey.key }),
          confirmLabel: t(action),
          onConfirm: () => mutation.mutate(widgetKey),
        })
      }
    >
      {t(action)}
    </Button>
  );
}

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
            <KeyAction action="rotate" widgetKey={key} mutation={rotate} />
            <KeyAction action="revoke" widgetKey={key} mutation={revoke} />
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
