import type { Ref } from 'preact';
import type { Strings } from '../i18n';
import { SendIcon } from './icons';

interface Props {
  value: string;
  canSend: boolean;
  strings: Strings;
  onInput: (value: string) => void;
  onSend: () => void;
  textareaRef: Ref<HTMLTextAreaElement>;
}

export function Composer({ value, canSend, strings, onInput, onSend, textareaRef }: Props) {
  const onKeyDown = (e: KeyboardEvent) => {
    // Enter sends, Shift+Enter inserts a newline; never send mid IME composition.
    if (e.key !== 'Enter' || e.shiftKey || e.isComposing || e.keyCode === 229) return;
    e.preventDefault();
    onSend();
  };
  return (
    <form
      class="aisle-composer"
      onSubmit={(e) => {
        e.preventDefault();
        onSend();
      }}
    >
      <textarea
        ref={textareaRef}
        class="aisle-input"
        aria-label={strings.messageLabel}
        placeholder={strings.placeholder}
        rows={1}
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <button
        type="submit"
        class="aisle-send"
        aria-label={strings.send}
        disabled={!canSend || value.trim() === ''}
      >
        <SendIcon />
      </button>
    </form>
  );
}
