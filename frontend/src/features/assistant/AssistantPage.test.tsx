import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/roles';
import { requestsTo, type Routes } from '../../test/fetchMock';
import { me } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import type { ChatFrame } from './chat';
import type { AssistantSettings } from './hooks';

const SETTINGS_PATH = '/api/v1/assistant/settings/';
const PLAYGROUND = '/api/v1/playground/messages/';

const SETTINGS: AssistantSettings = {
  name: 'Assistant',
  tone: 'friendly',
  language_policy: 'match',
  store_language: 'en',
  refused_topics: ['medical advice'],
  escalation_message: 'Let me connect you with our team.',
  handoff_enabled: true,
  provider: 'grounded',
  llm_api_flavour: 'openai',
  llm_base_url: '',
  llm_api_version: '',
  llm_model: '',
  llm_temperature: 0.2,
  llm_api_key_set: false,
  updated_at: '2025-01-15T10:00:00Z',
};

const LLM: AssistantSettings = {
  ...SETTINGS,
  provider: 'openai',
  llm_base_url: 'https://api.openai.com/v1',
  llm_model: 'gpt-4o-mini',
  llm_api_key_set: true,
};

const ANSWER: ChatFrame[] = [
  { type: 'ready', conversation_id: 'c-1', last_seq: 0 },
  { type: 'tool', message_id: 'm-1', name: 'search_products', status: 'started', result: {} },
  { type: 'tool', message_id: 'm-1', name: 'search_products', status: 'finished', result: { count: 1 } },
  { type: 'delta', message_id: 'm-1', text: 'Returns are free within ' },
  { type: 'delta', message_id: 'm-1', text: '30 days [1].' },
  {
    type: 'citations',
    message_id: 'm-1',
    citations: [
      { n: 1, kind: 'knowledge', title: 'Returns policy', url: 'https://shop.example/returns', section: 'Refunds', source_name: 'Help' },
    ],
  },
  {
    type: 'products',
    message_id: 'm-1',
    products: [
      {
        id: 5,
        title: 'Cascade 3L Shell',
        handle: 'cascade',
        url: 'https://shop.example/products/cascade',
        image: null,
        min_price: '289.00',
        max_price: '289.00',
        currency: 'USD',
        available: true,
        variant: null,
      },
    ],
  },
  {
    type: 'done',
    message_id: 'm-1',
    status: 'complete',
    timings: { retrieval_ms: 12.4, first_token_ms: 40.2, total_ms: 210, server_first_delta_ms: 45, server_total_ms: 215 },
  },
];

function renderAssistant(role: Role, extra: Routes = {}) {
  return renderApp('/assistant', {
    'GET /api/v1/me/': { body: me(role) },
    [`GET ${SETTINGS_PATH}`]: { body: SETTINGS },
    ...extra,
  });
}

describe('Assistant page', () => {
  it('saves only the changed settings, refused topics included', async () => {
    const { requests } = renderAssistant('admin', {
      [`PATCH ${SETTINGS_PATH}`]: { body: { ...SETTINGS, name: 'Ava', refused_topics: ['medical advice', 'politics'] } },
    });

    const name = await screen.findByRole('textbox', { name: 'Name' });
    await userEvent.clear(name);
    await userEvent.type(name, 'Ava');
    await userEvent.type(screen.getByRole('combobox', { name: 'Refused topics' }), 'politics{Enter}');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText('Assistant settings saved.')).toBeInTheDocument();
    expect(requestsTo(requests, 'PATCH', SETTINGS_PATH)[0]?.body).toEqual({
      name: 'Ava',
      refused_topics: ['medical advice', 'politics'],
    });
  });

  it('shows a server field error under its field', async () => {
    renderAssistant('owner', {
      [`PATCH ${SETTINGS_PATH}`]: {
        status: 400,
        body: { code: 'invalid', detail: 'A language code like en or pt-BR.', field: 'store_language' },
      },
    });

    const language = await screen.findByRole('textbox', { name: 'Store language' });
    await userEvent.clear(language);
    await userEvent.type(language, 'english!');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    await waitFor(() =>
      expect(language).toHaveAccessibleDescription(expect.stringContaining('A language code like en or pt-BR.')),
    );
  });

  it('configures an OpenAI-compatible provider, with the key write-only, and tests the connection', async () => {
    const { requests } = renderAssistant('admin', {
      [`GET ${SETTINGS_PATH}`]: { body: LLM },
      'PUT /api/v1/assistant/settings/llm-key/': { body: LLM },
      'POST /api/v1/assistant/settings/test-connection/': {
        body: { ok: true, detail: '', model: 'gpt-4o-mini', latency_ms: 321.7 },
      },
    });

    expect(await screen.findByText('Key set')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Base URL' })).toHaveValue('https://api.openai.com/v1');
    expect(screen.queryByRole('textbox', { name: 'API version' })).not.toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('Replace API key'), 'sk-new');
    await userEvent.click(screen.getByRole('button', { name: 'Save key' }));
    await waitFor(() => expect(requestsTo(requests, 'PUT', '/api/v1/assistant/settings/llm-key/')).toHaveLength(1));
    expect(requestsTo(requests, 'PUT', '/api/v1/assistant/settings/llm-key/')[0]?.body).toEqual({ key: 'sk-new' });
    await waitFor(() => expect(screen.getByLabelText('Replace API key')).toHaveValue(''));

    await userEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('gpt-4o-mini answered in 322 ms.')).toBeInTheDocument();
  });

  it('asks for the API version and deployment when the flavour is Azure', async () => {
    renderAssistant('admin', { [`GET ${SETTINGS_PATH}`]: { body: { ...LLM, llm_api_flavour: 'azure' } } });

    expect(await screen.findByRole('textbox', { name: 'API version' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Deployment' })).toHaveValue('gpt-4o-mini');
    expect(screen.getByRole('textbox', { name: 'Resource endpoint' })).toBeInTheDocument();
  });

  it('is in the main navigation, marked as the current page', async () => {
    renderAssistant('viewer');

    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('link', { name: 'Assistant' })).toHaveAttribute('aria-current', 'page');
  });

  it('shows the settings read-only to an editor, without key or test controls', async () => {
    renderAssistant('editor', { [`GET ${SETTINGS_PATH}`]: { body: LLM } });

    expect(await screen.findByRole('textbox', { name: 'Name' })).toBeDisabled();
    expect(screen.getByText('Only owners and admins can change the assistant.')).toBeInTheDocument();
    expect(screen.getByText('Key set')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save settings' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Replace API key')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Test connection' })).not.toBeInTheDocument();
  });

  it('streams a playground answer with its sources, products, tool calls and timings, then continues the conversation', async () => {
    document.cookie = 'csrftoken=tok1';
    const { requests } = renderAssistant('viewer', { [`POST ${PLAYGROUND}`]: { events: ANSWER } });

    await userEvent.type(await screen.findByRole('textbox', { name: 'Message' }), 'Can I return a jacket?{Enter}');

    const answer = await screen.findByRole('article', { name: 'Answer to: Can I return a jacket?' });
    await waitFor(() => expect(within(answer).getByLabelText('Timings')).toBeInTheDocument());
    expect(answer).toHaveTextContent('Returns are free within 30 days [1].');
    const sources = within(answer).getByRole('list', { name: 'Sources' });
    expect(sources).toHaveTextContent('[1] Returns policy · Help · Refunds');
    expect(within(sources).getByRole('link', { name: 'Returns policy' })).toHaveAttribute('href', 'https://shop.example/returns');
    expect(within(answer).getByRole('link', { name: 'Cascade 3L Shell' })).toHaveAttribute('href', '/app/catalog/products/5');
    expect(within(answer).getByLabelText('Tool calls')).toHaveTextContent('search_products · finished');
    expect(within(answer).getByLabelText('Timings')).toHaveTextContent(
      'retrieval 12 ms · first token 40 ms · answer 210 ms · first delta 45 ms · turn 215 ms',
    );
    const [first] = requestsTo(requests, 'POST', PLAYGROUND);
    expect(first?.body).toEqual({ text: 'Can I return a jacket?' });
    expect(first?.headers.get('Accept')).toBe('text/event-stream');
    expect(first?.headers.get('X-CSRFToken')).toBe('tok1');

    await userEvent.type(screen.getByRole('textbox', { name: 'Message' }), 'And shoes?');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    await screen.findByRole('article', { name: 'Answer to: And shoes?' });
    expect(requestsTo(requests, 'POST', PLAYGROUND)[1]?.body).toEqual({ text: 'And shoes?', conversation_id: 'c-1' });
  });

  it('shows an error frame and a refused turn in the conversation', async () => {
    renderAssistant('viewer', {
      [`POST ${PLAYGROUND}`]: [
        {
          events: [
            { type: 'ready', conversation_id: 'c-2', last_seq: 0 },
            { type: 'error', message_id: 'm-2', code: 'unavailable', detail: 'The assistant cannot answer right now.' },
            { type: 'done', message_id: 'm-2', status: 'failed', timings: {} },
          ] satisfies ChatFrame[],
        },
        { status: 429, body: { code: 'rate_limited', detail: 'Too many messages. Try again in a minute.' } },
      ],
    });

    await userEvent.type(await screen.findByRole('textbox', { name: 'Message' }), 'hello{Enter}');
    expect(await screen.findByText('The assistant cannot answer right now.')).toBeInTheDocument();
    await userEvent.type(screen.getByRole('textbox', { name: 'Message' }), 'again{Enter}');
    expect(await screen.findByText('Too many messages. Try again in a minute.')).toBeInTheDocument();
  });

  it('ends the turn with an error, keeping the text so far, when a frame is not JSON', async () => {
    renderAssistant('viewer', {
      [`POST ${PLAYGROUND}`]: {
        stream: 'event: delta\ndata: {"type":"delta","message_id":"m-3","text":"Partly "}\n\nevent: delta\ndata: {not json\n\n',
      },
    });

    await userEvent.type(await screen.findByRole('textbox', { name: 'Message' }), 'hello{Enter}');

    const answer = await screen.findByRole('article', { name: 'Answer to: hello' });
    expect(await within(answer).findByText('The answer could not be read.')).toBeInTheDocument();
    expect(answer).toHaveTextContent('Partly');
    expect(screen.getByRole('button', { name: 'Send' })).toBeInTheDocument();
  });
});
