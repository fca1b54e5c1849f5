/**
 * One shopper's chat, outside the UI: owns the connection, the reduced state and what is
 * remembered in localStorage, and says when an assistant or agent message is finished (for the
 * live region, the unread badge and the host page's `message` event).
 */
import { ChatLink, type LinkOptions, type LinkStatus } from './link';
import type { FeedbackValue, OrderQuery, ServerFrame } from './protocol';
import type { LinkState } from './sse';
import {
  chatReducer,
  initialChat,
  type ChatAction,
  type ChatMessage,
  type ChatState,
} from './state';
import { loadConversation, saveConversation, sessionId } from './storage';

export interface ChatOptions {
  key: string;
  wsUrl: string;
  httpUrl: string;
  locale: string;
  email: string | null;
  onFinished: (message: ChatMessage) => void;
  /** Test seams, passed to the link. */
  socket?: LinkOptions['socket'];
  fetch?: typeof fetch;
}

let localIds = 0;

export class Chat {
  state: ChatState = initialChat;
  status: LinkStatus = 'connecting';
  private readonly link: ChatLink;
  private readonly linkState: LinkState;
  private readonly listeners = new Set<() => void>();
  private readonly key: string;
  private readonly onFinished: (message: ChatMessage) => void;
  /** Highest seq this browser has shown: agent messages beyond it (e.g. replied while away) are new. */
  private seenSeq: number;
  private started = false;

  constructor(o: ChatOptions) {
    const saved = loadConversation(o.key);
    this.key = o.key;
    this.onFinished = o.onFinished;
    this.seenSeq = saved?.seq ?? 0;
    // lastSeq 0: a fresh page has nothing in memory, so the server replays the whole history.
    this.linkState = { conversationId: saved?.id ?? null, lastSeq: 0, email: o.email };
    this.link = new ChatLink({
      wsUrl: o.wsUrl,
      httpUrl: o.httpUrl,
      key: o.key,
      sessionId: sessionId(o.key),
      locale: o.locale,
      state: this.linkState,
      onFrame: (frame) => this.receive(frame),
      onStatus: (status) => {
        this.status = status;
        this.notify();
      },
      socket: o.socket,
      fetch: o.fetch,
    });
  }

  /** Whether a conversation is remembered, so connecting early can catch agent replies. */
  get resumable(): boolean {
    return this.linkState.conversationId !== null;
  }

  /** Feedback and handoff need the WebSocket. */
  get live(): boolean {
    return this.link.live;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.link.start();
  }

  ask(text: string, order?: OrderQuery): boolean {
    const clean = text.trim();
    if (!clean || this.state.busy || this.status === 'refused') return false;
    this.start();
    const id = `local-${++localIds}`;
    if (!this.link.send({ type: 'message', text: clean, client_id: id, ...(order ? { order } : {}) }))
      return false;
    this.apply({ type: 'sent', id, text: clean });
    return true;
  }

  stop(): void {
    this.link.send({ type: 'stop' });
  }

  feedback(messageId: string, value: FeedbackValue): void {
    this.link.send({ type: 'feedback', message_id: messageId, value });
  }

  handoff(): void {
    if (this.link.send({ type: 'handoff' })) this.apply({ type: 'handoff' });
  }

  identify(email: string): void {
    this.link.send({ type: 'identify', email });
  }

  close(): void {
    this.link.close();
  }

  private apply(action: ChatAction) {
    this.state = chatReducer(this.state, action);
    this.notify();
  }

  private notify() {
    for (const listener of [...this.listeners]) listener();
  }

  private receive(frame: ServerFrame) {
    const before = this.state;
    this.apply(frame);
    let finished: ChatMessage | undefined;
    if (frame.type === 'done') {
      finished = this.state.messages.find((m) => m.id === frame.message_id && m.text);
    } else if (frame.type === 'message') {
      const fresh =
        frame.role === 'agent' &&
        frame.seq > this.seenSeq &&
        !before.messages.some((m) => m.id === frame.message_id);
      this.seenSeq = Math.max(this.seenSeq, frame.seq);
      if (fresh) finished = this.state.messages.find((m) => m.id === frame.message_id);
    }
    // Only these change what is remembered (not every delta: localStorage writes are synchronous).
    if ((frame.type === 'ready' || frame.type === 'message') && this.state.conversationId) {
      saveConversation(this.key, { id: this.state.conversationId, seq: this.seenSeq });
    }
    if (finished) this.onFinished(finished);
  }
}
