import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ConversationDetail, ConversationListItem, TranscriptMessage } from './hooks';
import type { Role } from '../../shared/roles';
import { mockWebSocket } from '../../test/fakeWebSocket';
import { requestsTo } from '../../test/fetchMock';
import { me, page } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

const ID = '5b0c1d1e-0000-4000-8000-000000000001';

function conversation(overrides: Partial<ConversationListItem> = {}): ConversationListItem {
  return {
    id: ID,
    channel: 'widget',
    status: 'open',
    locale: 'en',
    started_at: '2025-01-15T10:00:00Z',
    last_activity_at: '2025-01-15T10:05:00Z',
    message_count: 2,
    preview: 'Do you ship to Austria?',
    last_message: 'Yes, we ship to Austria within 5 days [1].',
    feedback: { up: 1, down: 0 },
    handed_off: false,
    ...overrides,
  };
}

function message(seq: number, overrides: Partial<TranscriptMessage> = {}): TranscriptMessage {
  return {
    id: `m-${seq}`,
    seq,
    role: 'user',
    status: 'complete',
    content: 'Do you ship to Austria?',
    citations: [],
    products: [],
    tool_calls: [],
    feedback: null,
    feedback_comment: '',
    timings: {},
    model: '',
    created_at: '2025-01-15T10:00:00Z',
    author: null,
    ...overrides,
  };
}

function detail(overrides: Partial<ConversationDetail> = {}): ConversationDetail {
  return {
    ...conversation(),
    messages: [
      message(1),
      message(2, {
        role: 'assistant',
        content: 'Yes, we ship to Austria within 5 days [1].',
        citations: [{ n: 1, kind: 'knowledge', title: 'Shipping policy', url: 'https://shop.example/shipping', section: 'Europe' }],
        products: [
          {
            id: 7,
            title: 'Lupine 2 Tent',
            handle: 'lupine',
            url: 'https://shop.example/lupine',
            image: null,
            min_price: '399.00',
            max_price: '399.00',
            currency: 'USD',
            available: true,
            variant: null,
          },
        ],
        tool_calls: [{ name: 'search_products', arguments: { query: 'tent' }, result: { count: 1 } }],
        feedback: 'up',
      }),
    ],
    ...overrides,
  };
}

const LIST = 'GET /api/v1/conversations/';

function inbox(role: Role, routes = {}) {
  const sockets = mockWebSocket();
  const app = renderApp('/inbox', { 'GET /api/v1/me/': { body: me(role) }, ...routes });
  return { ...app, sockets };
}

describe('Inbox', () => {
  it('lists conversations newest first and narrows them with filters kept in the URL', async () => {
    const { requests, router } = inbox('viewer', {
      [LIST]: { body: page([conversation(), conversation({ id: 'other', status: 'handed_off', preview: 'Where is my order?' })]) },
    });

    const table = await screen.findByRole('table', { name: 'Conversations' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Do you ship to Austria?');
    expect(rows[0]).toHaveTextContent('Open');
    expect(within(rows[0]!).getByLabelText('1 helpful, 0 not helpful')).toBeInTheDocument();
    expect(rows[1]).toHaveTextContent('Handed off');
    expect(within(rows[0]!).getByRole('link', { name: 'Do you ship to Austria?' })).toHaveAttribute('href', `/app/inbox/${ID}`);

    await userEvent.click(screen.getByRole('combobox', { name: 'Status' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Handed off' }));

    await waitFor(() =>
      expect(requests.map((request) => request.url)).toContain('/api/v1/conversations/?page=1&status=handed_off'),
    );
    expect(router.state.location.search).toBe('?status=handed_off');
  });

  it('refetches the list when the admin socket reports a new message', async () => {
    const { requests, sockets } = inbox('viewer', { [LIST]: { body: page([conversation()]) } });
    await screen.findByRole('table', { name: 'Conversations' });
    expect(sockets).toHaveLength(1);
    expect(sockets[0]!.url).toMatch(/^ws:\/\/[^/]+\/ws\/app\/events\/$/);
    const before = requestsTo(requests, 'GET', '/api/v1/conversations/').length;

    act(() => sockets[0]!.receive({ type: 'conversation.message', conversation_id: ID, channel: 'widget', message: message(3) }));

    await waitFor(() => expect(requestsTo(requests, 'GET', '/api/v1/conversations/').length).toBeGreaterThan(before));
  });

  it('says when nothing has arrived yet', async () => {
    inbox('owner', { [LIST]: { body: page([]) } });
    expect(await screen.findByRole('heading', { name: 'No conversations yet' })).toBeInTheDocument();
  });
});

describe('Conversation', () => {
  function open(role: Role, conversationDetail: ConversationDetail, routes = {}) {
    const sockets = mockWebSocket();
    const app = renderApp(`/inbox/${ID}`, {
      'GET /api/v1/me/': { body: me(role) },
      [`GET /api/v1/conversations/${ID}/`]: { body: conversationDetail },
      ...routes,
    });
    return { ...app, sockets };
  }

  it('shows the transcript with sources, products, tool calls and feedback', async () => {
    open('viewer', detail());

    const transcript = await screen.findByRole('list', { name: 'Transcript' });
    const answer = within(transcript).getByRole('listitem', { name: 'Assistant message' });
    expect(within(answer).getByRole('link', { name: 'Shipping policy' })).toHaveAttribute('href', 'https://shop.example/shipping');
    expect(within(answer).getByRole('link', { name: 'Lupine 2 Tent' })).toBeInTheDocument();
    expect(answer).toHaveTextContent('$399.00');
    expect(within(answer).getByRole('button', { name: 'Tool: search_products' })).toBeInTheDocument();
    expect(answer).toHaveTextContent('Rated helpful');
    // a viewer reads but cannot act
    expect(screen.queryByRole('button', { name: 'Mark resolved' })).not.toBeInTheDocument();
  });

  it('lets an editor resolve an open conversation', async () => {
    const { requests } = open('editor', detail(), {
      [`POST /api/v1/conversations/${ID}/resolve/`]: { body: detail({ status: 'resolved' }) },
    });

    await userEvent.click(await screen.findByRole('button', { name: 'Mark resolved' }));

    await waitFor(() => expect(requestsTo(requests, 'POST', `/api/v1/conversations/${ID}/resolve/`)).toHaveLength(1));
    expect(await screen.findByText('Conversation resolved.')).toBeInTheDocument();
  });

  it('lets an editor reply to a handed-off conversation', async () => {
    const handedOff = detail({ status: 'handed_off', handed_off: true });
    const { requests } = open('editor', handedOff, {
      [`POST /api/v1/conversations/${ID}/replies/`]: {
        status: 201,
        body: message(3, { role: 'agent', content: 'Hi, Ann here.', author: 'Ann' }),
      },
    });

    await userEvent.type(await screen.findByRole('textbox', { name: /Reply to the shopper/ }), '  Hi, Ann here. ');
    await userEvent.click(screen.getByRole('button', { name: 'Send reply' }));

    await waitFor(() => expect(requestsTo(requests, 'POST', `/api/v1/conversations/${ID}/replies/`)).toHaveLength(1));
    expect(requestsTo(requests, 'POST', `/api/v1/conversations/${ID}/replies/`)[0]!.body).toEqual({ text: 'Hi, Ann here.' });
    await waitFor(() => expect(screen.getByRole('textbox', { name: /Reply to the shopper/ })).toHaveValue(''));
  });

  it('offers no reply box unless the conversation is handed off, nor to a viewer', async () => {
    open('viewer', detail({ status: 'handed_off', handed_off: true }));
    await screen.findByRole('list', { name: 'Transcript' });
    expect(screen.queryByRole('textbox', { name: /Reply to the shopper/ })).not.toBeInTheDocument();
  });
});
