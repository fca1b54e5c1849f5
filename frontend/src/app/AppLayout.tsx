import { AppShell, Burger, Center, Group, Loader, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { SessionProvider } from '../features/session/SessionContext';
import { useMeQuery } from '../features/session/useMeQuery';
import { ErrorState } from '../shared/QueryState';
import { ShellNavLink, type NavItem } from './ShellNavLink';
import { StoreSwitcher } from './StoreSwitcher';
import { UserMenu } from './UserMenu';

const NAV_ITEMS: NavItem[] = [
  { to: '/', label: 'overview' },
  { to: '/inbox', label: 'inbox' },
  { to: '/analytics', label: 'analytics' },
  {
    to: '/catalog',
    label: 'catalog',
    children: [
      { to: '/catalog/products', label: 'products' },
      { to: '/catalog/imports', label: 'imports' },
    ],
  },
  { to: '/knowledge', label: 'knowledge' },
  { to: '/assistant', label: 'assistant' },
  { to: '/widget', label: 'widget' },
  { to: '/team', label: 'team' },
  { to: '/settings', label: 'settings' },
  { to: '/api-keys', label: 'apiKeys' },
  { to: '/audit', label: 'audit' },
];

export function AppLayout() {
  const { t } = useTranslation('nav');
  const me = useMeQuery();
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);

  if (me.isPending) {
    return (
      <Center mih="100vh">
        <Loader aria-label={t('loadingStore')} />
      </Center>
    );
  }
  if (me.isError) {
    return (
      <Center mih="100vh" p="md">
        <ErrorState error={me.error} />
      </Center>
    );
  }

  return (
    <SessionProvider me={me.data}>
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
        padding="lg"
      >
        <AppShell.Header>
          <Group h="100%" px="md">
            <Burger opened={navOpened} onClick={toggleNav} hiddenFrom="sm" size="sm" aria-label={t('toggleNavigation')} />
            <Title order={3}>{t('appName')}</Title>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="sm" aria-label={t('mainNavigation')}>
          <AppShell.Section>
            <StoreSwitcher />
          </AppShell.Section>
          <AppShell.Section grow mt="md">
            {NAV_ITEMS.map((item) => (
              <ShellNavLink key={item.to} {...item} onNavigate={closeNav} />
            ))}
          </AppShell.Section>
          <AppShell.Section>
            <UserMenu />
          </AppShell.Section>
        </AppShell.Navbar>
        <AppShell.Main>
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </SessionProvider>
  );
}
