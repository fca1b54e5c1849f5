import { useEffect, useRef } from 'react';
import type { Schema } from '../api/client';

/** Live events on /ws/app/events/ that the admin site acts on (others are ignored). */
export type AdminEvent =
  | {
      type: 'conversation.message';
      conversation_id: string;
      channel: Schema<'ChannelEnum'>;
      message: Schema<'InboxMessageOutput'>;
    }
  | { type: 'conversation.updated'; conversation_id: string; status: Schema<'ConversationStatusEnum'> };

const ADMIN_EVENTS_PATH = '/ws/app/events/';
/** The server closes with this code for someone who is not a member: retrying can't help. */
const CLOSE_FORBIDDEN = 4403;
const MAX_RETRY_MS = 30_000;

function isAdminEvent(value: unknown): value is AdminEvent {
  return Boolean(value) && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * Live events of this store's admin site over `/ws/app/events/` (same host, session cookie).
 * Reconnects with backoff after a drop; `onReconnect` runs once a dropped socket is back, so a
 * page can refetch what it may have missed meanwhile.
 */
export function useAdminEvents(onEvent: (event: AdminEvent) => void, onReconnect?: () => void): void {
  const handlers = useRef({ onEvent, onReconnect });
  useEffect(() => {
    handlers.current = { onEvent, onReconnect };
  });

  useEffect(() => {
    let socket: WebSocket | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let stopped = false;

    const connect = () => {
      const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
      socket = new WebSocket(`${scheme}://${window.location.host}${ADMIN_EVENTS_PATH}`);
      socket.onopen = () => {
        if (failures > 0) handlers.current.onReconnect?.();
        failures = 0;
      };
      socket.onmessage = (message: MessageEvent) => {
        let data: unknown;
        try {
          data = JSON.parse(String(message.data));
        } catch {
          return;
        }
        if (isAdminEvent(data)) handlers.current.onEvent(data);
      };
      socket.onclose = (event: CloseEvent) => {
        if (stopped || event.code === CLOSE_FORBIDDEN) return;
        failures += 1;
        timer = setTimeout(connect, Math.min(MAX_RETRY_MS, 1000 * 2 ** (failures - 1)));
      };
    };

    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      socket?.close();
    };
  }, []);
}
