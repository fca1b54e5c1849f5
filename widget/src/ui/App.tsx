import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Strings } from '../i18n';
import {
  addUserMessage,
  applyEvent,
  initialChatState,
  interruptPending,
  pendingAssistant,
  type ChatState,
} from '../state';
import type { ConnectionStatus, Transport } from '../transport';
import { ChatPanel } from './ChatPanel';
import { Launcher } from './Launcher';

export type Position = 'right' | 'left';

export interface AppProps {
  transport: Transport;
  strings: Strings;
  /** BCP 47 tag used for number/price formatting and the `lang` attribute. */
  locale: string;
  position?: Position;
  /** Start with the panel open (tests, previews). */
  initiallyOpen?: boolean;
}

export function App({ transport, strings, locale, position = 'right', initiallyOpen = false }: AppProps) {
  const [open, setOpen] = useState(initiallyOpen);
  const [draft, setDraft] = useState('');
  const [chat, setChat] = useState<ChatState>(initialChatState);
  const [status, setStatus] = useState<ConnectionStatus>(transport.status);
  const launcherRef = useRef<HTMLButtonElement>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const chatRef = useRef(chat);
  chatRef.current = chat;

  useEffect(() => {
    const offEvent = transport.onEvent((event) => setChat((s) => applyEvent(s, event)));
    const offStatus = transport.onStatus((next) => {
      setStatus(next);
      if (next !== 'open') setChat((s) => interruptPending(s));
    });
    setStatus(transport.status);
    return () => {
      offEvent();
      offStatus();
    };
  }, [transport]);

  // Connect lazily: only shoppers who open the chat cost a socket.
  useEffect(() => {
    if (open) transport.connect();
  }, [open, transport]);

  // Move focus into the composer when the panel opens.
  useEffect(() => {
    if (open) textareaRef.current?.focus();
  }, [open]);

  const close = useCallback(() => {
    setOpen(false);
    launcherRef.current?.focus();
  }, []);

  // Escape anywhere in the widget (panel or launcher) closes the panel.
  const onKeyDown = (e: KeyboardEvent) => {
    if (open && e.key === 'Escape' && !e.isComposing) {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  };

  const busy = pendingAssistant(chat) !== null;
  const canSend = status === 'open' && !busy;

  const send = useCallback(() => {
    const text = draft.trim();
    if (!text || status !== 'open' || pendingAssistant(chatRef.current)) return;
    const conversationId = chatRef.current.conversationId ?? undefined;
    const sent = transport.send(text, conversationId ? { conversationId } : {});
    if (!sent) return; // keep the draft; the status line explains why
    setChat((s) => addUserMessage(s, text));
    setDraft('');
  }, [draft, status, transport]);

  return (
    <div class={`aisle-root aisle-root--${position}`} lang={locale} onKeyDown={onKeyDown}>
      {open && (
        <ChatPanel
          strings={strings}
          locale={locale}
          status={status}
          messages={chat.messages}
          draft={draft}
          canSend={canSend}
          onDraft={setDraft}
          onSend={send}
          onClose={close}
          textareaRef={textareaRef}
        />
      )}
      <Launcher open={open} strings={strings} onToggle={() => setOpen((o) => !o)} buttonRef={launcherRef} />
    </div>
  );
}
