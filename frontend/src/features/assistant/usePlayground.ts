import { useCallback, useRef, useState } from 'react';
import { apiEventStream, isApiError } from '../../api/client';
import { i18n } from '../../i18n';
import { EMPTY_REPLY, replyWithFrame, type AssistantReply, type ChatFrame } from './chat';

export interface PlaygroundExchange {
  id: number;
  question: string;
  reply: AssistantReply;
}

const PLAYGROUND_PATH = '/playground/messages/';

/**
 * The playground conversation: each question streams its answer over
 * `POST /playground/messages/` (server-sent events). The conversation continues until `reset`.
 */
export function usePlayground() {
  const [exchanges, setExchanges] = useState<PlaygroundExchange[]>([]);
  const [streaming, setStreaming] = useState(false);
  const conversationId = useRef<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const nextId = useRef(1);

  const ask = useCallback(async (question: string) => {
    const id = nextId.current++;
    const update = (change: (reply: AssistantReply) => AssistantReply) =>
      setExchanges((current) =>
        current.map((exchange) => (exchange.id === id ? { ...exchange, reply: change(exchange.reply) } : exchange)),
      );
    setExchanges((current) => [...current, { id, question, reply: EMPTY_REPLY }]);
    setStreaming(true);
    const controller = new AbortController();
    abort.current = controller;
    const body = { text: question, ...(conversationId.current && { conversation_id: conversationId.current }) };
    try {
      for await (const event of apiEventStream(PLAYGROUND_PATH, body, controller.signal)) {
        const frame = JSON.parse(event.data) as ChatFrame;
        if (frame.type === 'ready') conversationId.current = frame.conversation_id;
        update((reply) => replyWithFrame(reply, frame));
      }
      // A stream that ends without `done` (the connection dropped) leaves no reply streaming.
      update((reply) => (reply.status === 'streaming' ? { ...reply, status: 'stopped' } : reply));
    } catch (error) {
      if (controller.signal.aborted) {
        update((reply) => ({ ...reply, status: 'stopped' }));
      } else {
        const detail = isApiError(error) ? error.detail : i18n.t('assistant:playground.unreadable');
        update((reply) => ({ ...reply, status: 'failed', error: detail }));
      }
    } finally {
      abort.current = null;
      setStreaming(false);
    }
  }, []);

  /** Closing the connection stops the answer; the server keeps what was said. */
  const stop = useCallback(() => abort.current?.abort(), []);

  const reset = useCallback(() => {
    abort.current?.abort();
    conversationId.current = null;
    setExchanges([]);
  }, []);

  return { exchanges, streaming, ask, stop, reset };
}
