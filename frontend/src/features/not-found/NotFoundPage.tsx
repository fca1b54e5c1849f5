import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatusMessage } from '../../shared/StatusMessage';

export function NotFoundPage() {
  const { t } = useTranslation('nav');
  return (
    <StatusMessage
      title={t('notFound.title')}
      description={t('notFound.description')}
      action={
        <Button component={Link} to="/">
          {t('notFound.action')}
        </Button>
      }
    />
  );
}
