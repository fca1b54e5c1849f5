/**
 * A small, safe Markdown subset for answers: paragraphs, bullet and numbered lists, **bold**,
 * *italic*, `code`, [links](https://...) and citation markers [n]. It builds Preact nodes, so
 * server text only ever becomes text nodes; links are kept only for absolute http(s) URLs and
 * open in a new tab without access to the storefront. Anything else stays literal text.
 */
import type { ComponentChildren, VNode } from 'preact';
import type { Citation } from './protocol';
import { safeHttpUrl } from './url';

export interface MarkdownProps {
  text: string;
  citations?: Citation[];
  /** Accessible name of a citation link, e.g. "Source 1: Returns policy". */
  citationLabel?: (citation: Citation) => string;
}

// code | **bold** | *italic* or _italic_ | [text](url) | [n]
const INLINE =
  /`([^`\n]+)`|\*\*(.+?)\*\*|(?:\*([^*\s](?:[^*]*[^*\s])?)\*|\b_([^_\s](?:[^_]*[^_\s])?)_\b)|\[([^\]\n]+)\]\(([^)\s]+)\)|\[(\d{1,3})\]/g;

function link(href: string, children: ComponentChildren, label?: string): VNode {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" aria-label={label}>
      {children}
    </a>
  );
}

function inline(text: string, props: MarkdownProps): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let last = 0;
  for (const m of text.matchAll(new RegExp(INLINE))) {
    const index = m.index ?? 0;
    if (index > last) out.push(text.slice(last, index));
    last = index + m[0].length;
    const [whole, code, bold, star, underscore, label, url, marker] = m;
    if (code !== undefined) out.push(<code>{code}</code>);
    else if (bold !== undefined) out.push(<strong>{inline(bold, props)}</strong>);
    else if (star !== undefined || underscore !== undefined)
      out.push(<em>{inline((star ?? underscore) as string, props)}</em>);
    else if (label !== undefined) {
      const href = safeHttpUrl(url);
      out.push(href ? link(href, inline(label, props)) : whole);
    } else {
      const citation = props.citations?.find((c) => String(c.n) === marker);
      const href = safeHttpUrl(citation?.url);
      out.push(
        citation && href ? (
          <sup class="cite">{link(href, `[${marker}]`, props.citationLabel?.(citation))}</sup>
        ) : (
          whole
        ),
      );
    }
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

const BULLET = /^\s*[-*•]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;

/** Split into blocks: runs of bullet lines, runs of numbered lines, and paragraphs. */
function blocks(text: string, props: MarkdownProps): VNode[] {
  const out: VNode[] = [];
  let para: string[] = [];
  let items: string[] = [];
  let kind: 'ul' | 'ol' | null = null;
  const flush = () => {
    if (para.length) {
      const lines = para.flatMap((l, i) => (i ? [<br />, ...inline(l, props)] : inline(l, props)));
      out.push(<p>{lines}</p>);
    }
    if (kind) {
      const List = kind;
      out.push(
        <List>
          {items.map((item) => (
            <li>{inline(item, props)}</li>
          ))}
        </List>,
      );
    }
    para = [];
    items = [];
    kind = null;
  };
  for (const line of text.split(/\r?\n/)) {
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const next = bullet ? 'ul' : numbered ? 'ol' : null;
    if (next) {
      if (para.length || kind !== next) flush();
      kind = next;
      items.push(((bullet ?? numbered) as RegExpExecArray)[1] ?? '');
    } else if (line.trim() === '') {
      flush();
    } else {
      if (kind) flush();
      para.push(line);
    }
  }
  flush();
  return out;
}

export function Markdown(props: MarkdownProps) {
  return <div class="md">{blocks(props.text, props)}</div>;
}
