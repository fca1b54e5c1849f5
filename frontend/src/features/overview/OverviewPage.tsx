import type { ReactNode } from 'react';
import { Badge, Card, DataList, List, SimpleGrid, Text, Title } from '@mantine/core';
import { PageHeader } from '../../shared/PageHeader';
import { RoleBadge } from '../../shared/roles';
import { useSession } from '../session/SessionContext';

const GETTING_STARTED = [
  { title: 'Add knowledge', description: 'Give the assistant your policies, FAQs and brand voice.' },
  { title: 'Import your catalog', description: 'Connect your product feed so the assistant can recommend products.' },
  { title: 'Install the widget', description: 'Add the Aisle snippet to your storefront.' },
];

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
        <Card withBorder padding="lg">
          <Title order={3} size="h4" mb="md">
            Getting started
          </Title>
          <List spacing="sm" type="ordered" aria-label="Getting started">
            {GETTING_STARTED.map((step) => (
              <List.Item key={step.title}>
                <Text fw={500}>{step.title}</Text>
                <Text size="sm" c="dimmed">
                  {step.description}
                </Text>
              </List.Item>
            ))}
          </List>
        </Card>
      </SimpleGrid>
    </>
  );
}
