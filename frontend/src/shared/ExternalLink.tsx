import type { ReactNode } from 'react';
import { Anchor } from '@mantine/core';

/** The URL if it is an absolute http(s) URL, else null (e.g. `javascript:` or a relative path). */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

interface ExternalLinkProps {
  /** Untrusted: only an http(s) URL becomes a link; anything else renders the children as plain text. */
  href: string | null | undefined;
  children: ReactNode;
}

/** A link to another site, opened in a new tab without giving it access to this one. */
export function ExternalLink({ href, children }: ExternalLinkProps) {
  const safe = safeHttpUrl(href);
  if (!safe) return <>{children}</>;
  return (
    <Anchor href={safe} target="_blank" rel="noopener noreferrer">
      {children}
    </Anchor>
  );
}
