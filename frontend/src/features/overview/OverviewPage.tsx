import type { ReactNode } from 'react';
import { Badge, Card, DataList, SimpleGrid, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shared/PageHeader';
import { RoleBadge } from '../../shared/roles';
import { useSession } from '../session/SessionContext';
import { OnboardingChecklist } from './OnboardingChecklist';

export function OverviewPage() {
  const { t } = useTranslation('overview');
  const { tenant, role } = useSession();
  const details: [string, ReactNode][] = [
    [t('name'), tenant.name],
    [t('slug'), tenant.slug],
    [
      t('status'),
      <Badge variant="dot" color={tenant.status === 'active' ? 'green' : 'yellow'}>
        {tenant.status}
      </Badge>,
    ],
    [t('yourRole'), <RoleBadge role={role} />],
  ];
  return (
    <>
      <PageHeader title={tenant.name} description={t('description')} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder padding="lg">
          <Title order={3} size="h4" mb="md">
            {t('store')}
          </Title>
          <DataList aria-label={t('storeDetails')}>
            {details.map(([label, value]) => (
              <DataList.Item key={label}>
                <DataList.ItemLabel>{label}</DataList.ItemLabel>
                <DataList.ItemValue>{value}</DataList.ItemValue>
              </DataList.Item>
            ))}
          </DataList>
        </Card>
        <OnboardingChecklist />
      </SimpleGrid>
    </>
  );
}
