import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OnboardingStep } from './hooks';
import { me } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

const STEPS: OnboardingStep[] = [
  { key: 'knowledge', done: true, detail: '2 sources ready' },
  { key: 'catalog', done: true, detail: '120 active products' },
  { key: 'assistant', done: false, detail: 'Still on the default settings.' },
  { key: 'widget', done: false, detail: 'Still on the default settings.' },
  { key: 'install', done: false, detail: 'Create a widget key for the snippet.' },
  { key: 'live', done: false, detail: 'No shopper has written through the widget yet.' },
];

describe('Getting started checklist', () => {
  it('shows each step with the state the server computed, and where to take the open ones', async () => {
    renderApp('/', { 'GET /api/v1/me/': { body: me('viewer') }, 'GET /api/v1/onboarding/': { body: { steps: STEPS } } });

    const list = await screen.findByRole('list', { name: 'Getting started steps' });
    const steps = within(list).getAllByRole('listitem');
    expect(steps.map((step) => step.getAttribute('aria-label'))).toEqual([
      'Add knowledge: done',
      'Import your catalog: done',
      'Shape the assistant: to do',
      'Customise the widget: to do',
      'Install the snippet: to do',
      'Go live: to do',
    ]);
    expect(screen.getByText('2 of 6 steps done')).toBeInTheDocument();
    expect(steps[0]).toHaveTextContent('2 sources ready');
    expect(within(steps[0]!).queryByRole('link')).not.toBeInTheDocument();
    expect(within(steps[4]!).getByRole('link', { name: 'Get the snippet' })).toHaveAttribute('href', '/app/widget');
    expect(within(steps[5]!).getByRole('link', { name: 'Open the inbox' })).toHaveAttribute('href', '/app/inbox');
  });

  it('shows the server error instead of the steps', async () => {
    renderApp('/', {
      'GET /api/v1/me/': { body: me('owner') },
      'GET /api/v1/onboarding/': { status: 500, body: { code: 'server_error', detail: 'Checklist unavailable.' } },
    });

    expect(await screen.findByRole('alert')).toHaveTextContent('Checklist unavailable.');
  });
});
