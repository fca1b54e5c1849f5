import type { ReactNode } from 'react';
import { Alert, Button, Skeleton, Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';
import { StatusMessage } from './StatusMessage';
import { LOGIN_URL } from './urls';

export function ErrorState({ error }: { error: ApiError }) {
  const { t } = useTranslation();
  if (error.status === 401 || error.code === 'not_authenticated') {
    return (
      <StatusMessage
        title={t('sessionEnded.title')}
        description={t('sessionEnded.description')}
        action={
          <Button component="a" href={LOGIN_URL}>
            {t('sessionEnded.action')}
          </Button>
        }
      />
    );
  }
  if (error.status === 403) {
    return (
      <StatusMessage
        title={t('noAccess.title')}
        description={t('noAccess.description')}
      />
    );
  }
  return (
    <Alert color="red" title={t('somethingWentWrong')}>
      {error.detail}
    </Alert>
  );
}

function LoadingSkeleton() {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" role="status" aria-label={t('loading')}>
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
