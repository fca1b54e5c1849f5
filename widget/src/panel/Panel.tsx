import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Chat } from '../chat';
import type { WidgetConfig } from '../config';
import { fill, type PanelStrings } from '../i18n';
import { CLOSE, SEND, STOP } from '../icons';
import type { LinkStatus } from '../link';
import type { OrderQuery } from '../protocol';
import { Icon } from './Icon';
import { Message } from './Message';
import { OrderForm } from './OrderForm';

export interface PanelProps {
  chat: Chat;
  config: WidgetConfig;
  strings: PanelStrings;
  locale: string;
  open: boolean;
  /** The last finished answer, for the polite live region. */
  announcement: string;
  email: string;
  onClose: () => void;
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), textarea:not([disabled])';
const MOBILE = '(max-width: 640px)';

function statusText(status: LinkStatus, strings: PanelStrings): string {
  if (status === 'connecting') return strings.connecting;
  if (status === 'reconnecting') return strings.reconnecting;
  return status === 'refused' ? strings.unavailable : '';
}

function errorText(code: string, strings: PanelStrings): string {
  if (code === 'rate_limited') return strings.rateLimited;
  return code === 'too_large' ? strings.tooLarge : strings.error;
}

function useMobile(): boolean {
  const query = typeof matchMedia === 'function' ? matchMedia(MOBILE) : null;
  const [mobile, setMobile] = useState(query?.matches ?? false);
  useEffect(() => {
    const update = () => setMobile(query?.matches ?? false);
    query?.addEventListener('change', update);
    return () => query?.removeEventListener('change', update);
  }, []);
  return mobile;
}

export function Panel({ chat, config, strings, locale, open, announcement, email, onClose }: PanelProps) {
  const [, setTick] = useState(0);
  const [draft, setDraft] = useState('');
  const [ordering, setOrdering] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const log = useRef<HTMLDivElement>(null);
  const mobile = useMobile();
  useEffect(() => chat.subscribe(() => setTick((n) => n + 1)), [chat]);

  const { messages, busy, conversation, error } = chat.state;
  const status = chat.status;

  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);
  // Keep the newest content in view while an answer streams in.
  useLayoutEffect(() => {
    if (log.current) log.current.scrollTop = log.current.scrollHeight;
  });

  if (!open) return null;

  const send = (text: string, order?: OrderQuery) => {
    if (chat.ask(text, order)) {
      setDraft('');
      setOrdering(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    } else if (e.key === 'Tab' && dialog.current) {
      // Focus stays inside the panel until it is closed.
      const items = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const first = items[0];
      const last = items[items.length - 1];
      const active = (dialog.current.getRootNode() as ShadowRoot | Document).activeElement;
      if (e.shiftKey && (active === first || !items.includes(active as HTMLElement))) {
        e.preventDefault();
        last?.focus();
      } else if (!e.shiftKey && active === last) {
        e.preventDefault();
        first?.focus();
      }
    }
  };

  const last = messages[messages.length - 1];
  const typing = busy && (!last || last.role === 'user' || (last.status === 'streaming' && !last.text));
  const name = config.assistantName || strings.assistant;
  const note = statusText(status, strings);
  const canHandoff =
    config.handoffEnabled && chat.live && conversation !== 'handed_off' && messages.length > 0;

  return (
    <div
      id="aisle-panel"
      ref={dialog}
      class="panel"
      role="dialog"
      aria-modal={mobile ? 'true' : undefined}
      aria-label={fill(strings.dialogLabel, { name })}
      onKeyDown={onKeyDown}
    >
      <header>
        <h2>{name}</h2>
        <button type="button" class="icon" aria-label={strings.closeChat} onClick={onClose}>
          <Icon d={CLOSE} />
        </button>
      </header>
      <div class="log" ref={log} role="log" aria-live="off">
        {messages.length === 0 && config.suggestedQuestions.length > 0 && (
          <ul class="suggestions" aria-label={strings.suggestions}>
            {config.suggestedQuestions.map((q) => (
              <li key={q}>
                <button type="button" disabled={status === 'refused'} onClick={() => send(q)}>
                  {q}
                </button>
              </li>
            ))}
          </ul>
        )}
        <ul class="messages">
          {messages.map((m) => (
            <Message
              key={m.id}
              message={m}
              strings={strings}
              locale={locale}
              assistantName={name}
              onFeedback={chat.live ? (id, value) => chat.feedback(id, value) : null}
            />
          ))}
        </ul>
        {typing && (
          <div class="typing">
            {last?.tool ? strings.working : <span class="dots" aria-hidden="true"><i /><i /><i /></span>}
            <span class="sr">{strings.typing}</span>
          </div>
        )}
        {error && !busy && <p class="error">{errorText(error.code, strings)}</p>}
        {conversation !== 'open' && (
          <p class="banner">{conversation === 'handed_off' ? strings.handedOff : strings.resolved}</p>
        )}
      </div>
      <div class="sr" aria-live="polite">
        {announcement}
      </div>
      {note && (
        <p class="status" role="status">
          {note}
        </p>
      )}
      {ordering ? (
        <OrderForm
          strings={strings}
          email={email}
          onSubmit={(order) => send(fill(strings.orderText, { number: order.number }), order)}
          onCancel={() => setOrdering(false)}
        />
      ) : (
        (config.orderLookup || canHandoff) && (
          <div class="actions">
            {config.orderLookup && (
              <button type="button" disabled={busy} onClick={() => setOrdering(true)}>
                {strings.orderLookup}
              </button>
            )}
            {canHandoff && (
              <button type="button" disabled={busy} onClick={() => chat.handoff()}>
                {strings.talkToPerson}
              </button>
            )}
          </div>
        )
      )}
      <form
        class="composer"
        onSubmit={(e) => {
          e.preventDefault();
          if (busy) chat.stop();
          else send(draft);
        }}
      >
        <textarea
          ref={input}
          rows={1}
          aria-label={strings.messageLabel}
          placeholder={strings.placeholder}
          value={draft}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(e) => {
            // Enter sends, Shift+Enter is a newline; never while an IME is composing.
            if (e.key !== 'Enter' || e.shiftKey || e.isComposing) return;
            e.preventDefault();
            if (!busy) send(draft);
          }}
        />
        {busy ? (
          <button type="submit" class="primary icon" aria-label={strings.stop}>
            <Icon d={STOP} />
          </button>
        ) : (
          <button
            type="submit"
            class="primary icon"
            aria-label={strings.send}
            disabled={!draft.trim() || status === 'refused'}
          >
            <Icon d={SEND} />
          </button>
        )}
      </form>
    </div>
  );
}
