import { Button, Center } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../shared/StatusMessage';

/** Shown if rendering a route throws: a bug, not an API error (those are handled per screen). */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" p="md">
      <StatusMessage
        title={t('somethingWentWrong')}
        description={t('routeError.description')}
        action={<Button onClick={() => window.location.reload()}>{t('routeError.reload')}</Button>}
      />
    </Center>
  );
}
