import type { ReactNode } from 'react';
import { EmptyState } from '@mantine/core';

interface StatusMessageProps {
  title: string;
  description: ReactNode;
  action?: ReactNode;
}

/** A centred, headed message for empty, not-found and no-access states. */
export function StatusMessage({ title, description, action }: StatusMessageProps) {
  return (
    <EmptyState mt="xl">
      <EmptyState.Title order={2}>{title}</EmptyState.Title>
      <EmptyState.Description>{description}</EmptyState.Description>
      {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
    </EmptyState>
  );
}
