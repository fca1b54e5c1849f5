import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Strings } from '../i18n';
import type { AssistantMessage, ChatMessage } from '../state';
import { Citations } from './Citations';
import { ProductCard } from './ProductCard';

interface Props {
  messages: ChatMessage[];
  strings: Strings;
  locale: string;
}

function AssistantBubble({ message, strings, locale }: { message: AssistantMessage; strings: Strings; locale: string }) {
  const waiting = !message.complete && message.text === '';
  return (
    <li class="aisle-msg aisle-msg--assistant" data-complete={message.complete ? 'true' : 'false'}>
      <span class="aisle-sr-only">{strings.assistant}: </span>
      {message.text !== '' && <div class="aisle-bubble aisle-text">{message.text}</div>}
      {waiting && (
        <div class="aisle-bubble aisle-typing">
          {message.tool ? (
            <span class="aisle-tool">{strings.working}</span>
          ) : (
            <span class="aisle-dots" aria-hidden="true">
              <i />
              <i />
              <i />
            </span>
          )}
        </div>
      )}
      <Citations items={message.citations} heading={strings.sources} />
      {message.products.length > 0 && (
        <ul class="aisle-products" aria-label={strings.products}>
          {message.products.map((p, i) => (
            <ProductCard key={`${i}-${p.id}`} product={p} locale={locale} />
          ))}
        </ul>
      )}
      {message.error && (
        <div class="aisle-error" data-code={message.error.code}>
          {message.error.code === 'connection_lost'
            ? strings.interrupted
            : message.error.detail
              ? `${strings.error} ${message.error.detail}`
              : strings.error}
        </div>
      )}
    </li>
  );
}

export function MessageList({ messages, strings, locale }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  // Keep the newest content in view while an answer streams in.
  useLayoutEffect(() => {
    const el = ref.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [messages]);

  return (
    <div ref={ref} class="aisle-log" role="log" aria-live="polite" aria-relevant="additions text">
      {messages.length === 0 ? (
        <p class="aisle-empty">{strings.empty}</p>
      ) : (
        <ul class="aisle-messages">
          {messages.map((m) =>
            m.role === 'user' ? (
              <li key={m.id} class="aisle-msg aisle-msg--user">
                <span class="aisle-sr-only">{strings.you}: </span>
                <div class="aisle-bubble aisle-text">{m.text}</div>
              </li>
            ) : (
              <AssistantBubble key={m.id} message={m} strings={strings} locale={locale} />
            ),
          )}
        </ul>
      )}
    </div>
  );
}
