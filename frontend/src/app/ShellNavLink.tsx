import { NavLink } from '@mantine/core';
import { Link, useMatch } from 'react-router';

export interface NavItem {
  to: string;
  label: string;
  /** Pages grouped under this entry; the entry itself then only opens and closes the group. */
  children?: Omit<NavItem, 'children'>[];
}

interface ShellNavLinkProps extends NavItem {
  onNavigate: () => void;
}

function ShellNavGroup({ to, label, children = [], onNavigate }: ShellNavLinkProps) {
  const inside = useMatch({ path: to, end: false }) !== null;
  return (
    <NavLink label={label} defaultOpened active={inside} variant="subtle" childrenOffset="md">
      {children.map((child) => (
        <ShellNavLink key={child.to} {...child} onNavigate={onNavigate} />
      ))}
    </NavLink>
  );
}

export function ShellNavLink(props: ShellNavLinkProps) {
  const { to, label, children, onNavigate } = props;
  const active = useMatch({ path: to, end: to === '/' }) !== null;
  if (children) return <ShellNavGroup {...props} />;
  return (
    <NavLink
      component={Link}
      to={to}
      label={label}
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={onNavigate}
    />
  );
}
