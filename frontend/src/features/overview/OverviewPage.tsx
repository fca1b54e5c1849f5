import type { ReactNode } from 'react';
import { Badge, Card, DataList, SimpleGrid, Title } from '@mantine/core';
import { PageHeader } from '../../shared/PageHeader';
import { RoleBadge } from '../../shared/roles';
import { useSession } from '../session/SessionContext';
import { OnboardingChecklist } from './OnboardingChecklist';

export function OverviewPage() {
  const { tenant, role } = useSession();
  const details: [string, ReactNode][] = [
    ['Name', tenant.name],
    ['Slug', tenant.slug],
    [
      'Status',
      <Badge variant="dot" color={tenant.status === 'active' ? 'green' : 'yellow'}>
        {tenant.status}
      </Badge>,
    ],
    ['Your role', <RoleBadge role={role} />],
  ];
  return (
    <>
      <PageHeader title={tenant.name} description="Store overview" />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder padding="lg">
          <Title order={3} size="h4" mb="md">
            Store
          </Title>
          <DataList aria-label="Store details">
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
