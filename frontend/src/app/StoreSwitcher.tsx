import { Combobox, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../features/session/SessionContext';
import { RoleBadge } from '../shared/roles';

/** Current store and role; the menu links to the user's other stores (each on its own host). */
export function StoreSwitcher() {
  const { t } = useTranslation('nav');
  const { tenant, role, stores } = useSession();
  return (
    <Menu position="bottom-start" width={240}>
      <Menu.Target>
        <UnstyledButton aria-label={t('switchStore', { name: tenant.name })} w="100%" p="xs">
          <Group justify="space-between" wrap="nowrap">
            <div>
              <Text fw={600} truncate>
                {tenant.name}
              </Text>
              <RoleBadge role={role} />
            </div>
            <Combobox.Chevron />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('yourStores')}</Menu.Label>
        {stores.map((store) =>
          store.slug === tenant.slug ? (
            <Menu.Item key={store.slug} disabled aria-current="true" rightSection={<RoleBadge role={store.role} />}>
              {store.name}
            </Menu.Item>
          ) : (
            <Menu.Item key={store.slug} component="a" href={store.url} rightSection={<RoleBadge role={store.role} />}>
              {store.name}
            </Menu.Item>
          ),
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
