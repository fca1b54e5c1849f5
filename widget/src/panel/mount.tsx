/**
 * The panel's side of the loader contract: `mountPanel(host)` renders the chat into the
 * loader's shadow root and returns the handle the loader drives (open, close, ask, identify).
 */
import { render } from 'preact';
import { Chat, type ChatOptions } from '../chat';
import { parseConfig } from '../config';
import type { PanelHandle, PanelHost } from '../contract';
import { adoptStyles } from '../css';
import { languageOf } from '../i18n';
import { PANEL_STRINGS } from '../i18n/panel';
import css from './panel.css?inline';
import { Panel } from './Panel';

export function mountPanel(host: PanelHost, seams: Pick<ChatOptions, 'socket' | 'fetch'> = {}): PanelHandle {
  const { key, locale } = host;
  const config = parseConfig(host.config);
  const strings = PANEL_STRINGS[languageOf(locale)];
  adoptStyles(host.root, css);
  let open = false;
  let unread = 0;
  let announcement = '';
  let email = host.email ?? '';

  const chat = new Chat({
    key,
    wsUrl: config.wsUrl,
    httpUrl: config.httpUrl,
    locale,
    email: host.email,
    ...seams,
    onFinished: (message) => {
      if (message.role === 'user') return;
      host.emit('message', { message_id: message.id, role: message.role, text: message.text });
      if (open) {
        const who = message.role === 'agent' ? strings.agent : config.assistantName || strings.assistant;
        announcement = `${who}: ${message.text}`;
        draw();
      } else {
        host.setUnread(++unread);
      }
    },
  });

  const draw = () =>
    render(
      <Panel
        chat={chat}
        config={config}
        strings={strings}
        locale={locale}
        open={open}
        announcement={announcement}
        email={email}
        onClose={host.requestClose}
      />,
      host.container,
    );

  // A remembered conversation connects at once, so a team member's reply can raise the badge.
  if (chat.resumable) chat.start();
  draw();

  return {
    open() {
      open = true;
      unread = 0;
      host.setUnread(0);
      chat.start();
      draw();
    },
    close() {
      open = false;
      draw();
    },
    ask(text) {
      chat.ask(text);
    },
    identify(address) {
      email = address;
      chat.identify(address);
      draw();
    },
  };
}
