import type { Ref } from 'preact';
import type { Strings } from '../i18n';
import { ChatIcon } from './icons';

interface Props {
  open: boolean;
  strings: Strings;
  onToggle: () => void;
  buttonRef: Ref<HTMLButtonElement>;
}

export function Launcher({ open, strings, onToggle, buttonRef }: Props) {
  return (
    <button
      ref={buttonRef}
      type="button"
      class="aisle-launcher"
      aria-label={strings.openChat}
      aria-expanded={open ? 'true' : 'false'}
      aria-controls="aisle-panel"
      onClick={onToggle}
    >
      <ChatIcon />
    </button>
  );
}
