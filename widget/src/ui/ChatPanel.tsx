import type { Ref } from 'preact';
import type { Strings } from '../i18n';
import type { ChatMessage } from '../state';
import type { ConnectionStatus } from '../transport';
import { Composer } from './Composer';
import { CloseIcon } from './icons';
import { MessageList } from './MessageList';

interface Props {
  strings: Strings;
  locale: string;
  status: ConnectionStatus;
  messages: ChatMessage[];
  draft: string;
  canSend: boolean;
  onDraft: (value: string) => void;
  onSend: () => void;
  onClose: () => void;
  textareaRef: Ref<HTMLTextAreaElement>;
}

function statusText(status: ConnectionStatus, strings: Strings): string | null {
  switch (status) {
    case 'idle':
    case 'connecting':
      return strings.connecting;
    case 'reconnecting':
      return strings.reconnecting;
    case 'unavailable':
    case 'closed':
      return strings.unavailable;
    case 'open':
      return null;
  }
}

export function ChatPanel(props: Props) {
  const { strings, status } = props;
  const note = statusText(status, strings);
  return (
    <div
      id="aisle-panel"
      class="aisle-panel"
      role="dialog"
      aria-label={strings.dialogLabel}
    >
      <header class="aisle-header">
        <h2 class="aisle-title">{strings.title}</h2>
        <button type="button" class="aisle-close" aria-label={strings.closeChat} onClick={props.onClose}>
          <CloseIcon />
        </button>
      </header>
      <MessageList messages={props.messages} strings={strings} locale={props.locale} />
      <div class="aisle-status" role="status" data-status={status}>
        {note}
      </div>
      <Composer
        value={props.draft}
        canSend={props.canSend}
        strings={strings}
        onInput={props.onDraft}
        onSend={props.onSend}
        textareaRef={props.textareaRef}
      />
    </div>
  );
}
