import { Button, Card, Code, Group, Text, Title } from '@mantine/core';
import { confirmDestructive } from '../../shared/confirm';
import { formatDateTime } from '../../shared/format';
import { KeyStatusBadge } from '../../shared/KeyStatusBadge';
import { PaginatedTable, type Column } from '../../shared/PaginatedTable';
import { useCreateWidgetKey, useRevokeWidgetKey, useRotateWidgetKey, useWidgetKeys, type WidgetKey } from './hooks';

/** Public widget keys (they sit in the storefront's HTML): list, and for admins create, rotate, revoke. */
export function WidgetKeysCard({ editable }: { editable: boolean }) {
  const keys = useWidgetKeys();
  const create = useCreateWidgetKey();
  const rotate = useRotateWidgetKey();
  const revoke = useRevokeWidgetKey();

  const columns: Column<WidgetKey>[] = [
    { header: 'Key', cell: (key) => <Code>{key.key}</Code> },
    { header: 'Created', cell: (key) => formatDateTime(key.created_at) },
    {
      header: 'Status',
      cell: (key) => <KeyStatusBadge revokedAt={key.revoked_at} />,
    },
  ];
  if (editable) {
    columns.push({
      header: 'Actions',
      cell: (key) =>
        !key.revoked_at && (
          <Group gap={4} wrap="nowrap">
            <Button
              variant="subtle"
              size="xs"
              aria-label={`Rotate ${key.key}`}
              loading={rotate.isPending && rotate.variables.id === key.id}
              onClick={() =>
                confirmDestructive({
                  title: 'Rotate widget key',
                  message: `Replace ${key.key} with a new key? The old key stops working at once: update the snippet on your storefront right after.`,
                  confirmLabel: 'Rotate',
                  onConfirm: () => rotate.mutate(key),
                })
              }
            >
              Rotate
            </Button>
            <Button
              variant="subtle"
              color="red"
              size="xs"
              aria-label={`Revoke ${key.key}`}
              loading={revoke.isPending && revoke.variables.id === key.id}
              onClick={() =>
                confirmDestructive({
                  title: 'Revoke widget key',
                  message: `Revoke ${key.key}? Storefronts using it lose the widget at once.`,
                  confirmLabel: 'Revoke',
                  onConfirm: () => revoke.mutate(key),
                })
              }
            >
              Revoke
            </Button>
          </Group>
        ),
    });
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="widget-keys-title">
      <Group justify="space-between" mb="sm">
        <Title id="widget-keys-title" order={3} size="h4">
          Widget keys
        </Title>
        {editable && (
          <Button size="xs" variant="light" loading={create.isPending} onClick={() => create.mutate(undefined)}>
            Create key
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        Public keys: they appear in your storefront’s HTML and only work from your allowed websites.
      </Text>
      <PaginatedTable label="Widget keys" list={keys} columns={columns} emptyMessage="No widget keys yet." />
    </Card>
  );
}
