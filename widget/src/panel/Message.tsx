import { fill, type PanelStrings } from '../i18n';
import { CHAT, THUMB_DOWN, THUMB_UP } from '../icons';
import { Markdown } from '../markdown';
import type { Citation, FeedbackValue } from '../protocol';
import type { ChatMessage } from '../state';
import { safeHttpUrl } from '../url';
import { Icon } from './Icon';
import { Products } from './Products';

interface Props {
  message: ChatMessage;
  strings: PanelStrings;
  locale: string;
  assistantName: string;
  /** Null when feedback cannot be sent (SSE fallback). */
  onFeedback: ((id: string, value: FeedbackValue) => void) | null;
}

function Sources({ citations, strings }: { citations: Citation[]; strings: PanelStrings }) {
  return (
    <div class="sources">
      <span class="sources-title">{strings.sources}</span>
      <ol>
        {citations.map((c) => {
          const href = safeHttpUrl(c.url);
          const label = c.section ? `${c.title} — ${c.section}` : c.title;
          return (
            <li key={c.n} value={c.n}>
              {href ? (
                <a href={href} target="_blank" rel="noopener noreferrer">
                  {label}
                </a>
              ) : (
                label
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

export function Message({ message: m, strings, locale, assistantName, onFeedback }: Props) {
  if (m.role === 'user') {
    return (
      <li class="msg user">
        <span class="sr">{strings.you}: </span>
        <div class="bubble plain">{m.text}</div>
      </li>
    );
  }
  const who = m.role === 'agent' ? strings.agent : assistantName;
  const thumbs: Array<[FeedbackValue, string, string]> = [
    ['up', strings.helpful, THUMB_UP],
    ['down', strings.notHelpful, THUMB_DOWN],
  ];
  const sourceLabel = (c: Citation) => fill(strings.source, { n: c.n, title: c.title });
  return (
    <li class={`msg ${m.role}`}>
      <span class={m.role === 'agent' ? 'who' : 'sr'}>
        {m.role === 'agent' && <Icon d={CHAT} />}
        {who}
        {m.role === 'agent' ? '' : ': '}
      </span>
      {m.text && (
        <div class="bubble">
          <Markdown text={m.text} citations={m.citations} citationLabel={sourceLabel} />
        </div>
      )}
      {m.citations.length > 0 && <Sources citations={m.citations} strings={strings} />}
      {m.products.length > 0 && <Products products={m.products} strings={strings} locale={locale} />}
      {m.status === 'stopped' && <span class="note">{strings.stopped}</span>}
      {m.role === 'assistant' && m.status === 'complete' && onFeedback && (
        <div class="thumbs">
          {thumbs.map(([value, label, d]) => (
            <button
              key={value}
              type="button"
              aria-label={label}
              aria-pressed={m.feedback === value ? 'true' : 'false'}
              onClick={() => onFeedback(m.id, value)}
            >
              <Icon d={d} />
            </button>
          ))}
        </div>
      )}
    </li>
  );
}
