import type { ReactNode } from 'react';
import { Alert, Button, Skeleton, Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ApiError } from '../api/client';
import { StatusMessage } from './StatusMessage';
import { LOGIN_URL } from './urls';

export function ErrorState({ error }: { error: ApiError }) {
  if (error.status === 401 || error.code === 'not_authenticated') {
    return (
      <StatusMessage
        title="Your session has ended"
        description="Sign in again to continue."
        action={
          <Button component="a" href={LOGIN_URL}>
            Sign in
          </Button>
        }
      />
    );
  }
  if (error.status === 403) {
    return (
      <StatusMessage
        title="You don't have access"
        description="Your role in this store doesn't allow this. Ask a store owner or admin if you need access."
      />
    );
  }
  return (
    <Alert color="red" title="Something went wrong">
      {error.detail}
    </Alert>
  );
}

function LoadingSkeleton() {
  return (
    <Stack gap="xs" role="status" aria-label="Loading">
      {Array.from({ length: 3 }, (_, index) => (
        <Skeleton key={index} height={28} />
      ))}
    </Stack>
  );
}

interface QueryStateProps<T> {
  query: UseQueryResult<T, ApiError>;
  children: (data: T) => ReactNode;
}

/** Renders a loading skeleton, the error (or no-access) state, or the data. */
export function QueryState<T>({ query, children }: QueryStateProps<T>) {
  if (query.isPending) return <LoadingSkeleton />;
  if (query.isError) return <ErrorState error={query.error} />;
  return <>{children(query.data)}</>;
}
