import { NavLink } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useMatch } from 'react-router';
import type { resources } from '../i18n/locales/en';

export interface NavItem {
  to: string;
  /** The entry's key under `link` in the `nav` catalog. */
  label: keyof (typeof resources)['nav']['link'];
  /** Pages grouped under this entry; the entry itself then only opens and closes the group. */
  children?: Omit<NavItem, 'children'>[];
}

interface ShellNavLinkProps extends NavItem {
  onNavigate: () => void;
}

function ShellNavGroup({ to, label, children = [], onNavigate }: ShellNavLinkProps) {
  const { t } = useTranslation('nav');
  const inside = useMatch({ path: to, end: false }) !== null;
  return (
    <NavLink label={t(`link.${label}`)} defaultOpened active={inside} variant="subtle" childrenOffset="md">
      {children.map((child) => (
        <ShellNavLink key={child.to} {...child} onNavigate={onNavigate} />
      ))}
    </NavLink>
  );
}

export function ShellNavLink(props: ShellNavLinkProps) {
  const { to, label, children, onNavigate } = props;
  const { t } = useTranslation('nav');
  const active = useMatch({ path: to, end: to === '/' }) !== null;
  if (children) return <ShellNavGroup {...props} />;
  return (
    <NavLink
      component={Link}
      to={to}
      label={t(`link.${label}`)}
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={onNavigate}
    />
  );
}
