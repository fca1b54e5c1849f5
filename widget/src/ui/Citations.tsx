import type { Citation } from '../protocol';
import { safeHttpUrl } from '../url';

interface Props {
  items: Citation[];
  heading: string;
}

export function Citations({ items, heading }: Props) {
  if (items.length === 0) return null;
  return (
    <div class="aisle-citations">
      <div class="aisle-citations-heading">{heading}</div>
      <ol>
        {items.map((c, i) => {
          const href = safeHttpUrl(c.url);
          const label = c.section ? `${c.title} — ${c.section}` : c.title;
          return (
            <li key={`${i}-${c.url}`}>
              {href ? (
                <a href={href} target="_blank" rel="noopener noreferrer">
                  {label}
                </a>
              ) : (
                <span class="aisle-citation-text">{label}</span>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
