import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Analytics, AnalyticsPeriod } from './hooks';
import { me } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

function report(days: AnalyticsPeriod, conversations: number): Analytics {
  return {
    days,
    since: '2025-01-09',
    until: '2025-01-15',
    totals: {
      conversations,
      messages: 40,
      questions: 20,
      handed_off: 2,
      answered_without_handoff_share: 0.8,
      feedback_up: 3,
      feedback_down: 1,
      feedback_positive_share: 0.75,
    },
    daily: [
      { date: '2025-01-14', conversations: 4, messages: 16, questions: 8, feedback_up: 1, feedback_down: 0 },
      { date: '2025-01-15', conversations: 6, messages: 24, questions: 12, feedback_up: 2, feedback_down: 1 },
    ],
    top_questions: [{ text: 'do you ship to austria', count: 5, last_asked_at: '2025-01-15T10:00:00Z' }],
    knowledge_gaps: [{ text: 'is the tent vegan', count: 2, last_asked_at: '2025-01-15T09:00:00Z', best_similarity: 0.31 }],
  };
}

describe('Analytics', () => {
  it('shows totals, charts, top questions and knowledge gaps, and switches the period', async () => {
    const { requests, router } = renderApp('/analytics', {
      'GET /api/v1/me/': { body: me('viewer') },
      'GET /api/v1/analytics/?days=30': { body: report(30, 10) },
      'GET /api/v1/analytics/?days=7': { body: report(7, 3) },
    });

    const totals = await screen.findByRole('list', { name: 'Totals' });
    expect(within(totals).getByRole('listitem', { name: 'Conversations' })).toHaveTextContent('10');
    expect(within(totals).getByRole('listitem', { name: 'Answered without handoff' })).toHaveTextContent('80%');
    expect(within(totals).getByRole('listitem', { name: 'Helpful answers' })).toHaveTextContent('75%');
    expect(screen.getByRole('img', { name: /10 conversations and 40 messages/ })).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'Top questions' })).getByText('do you ship to austria')).toBeInTheDocument();
    const gaps = screen.getByRole('table', { name: 'Knowledge gaps' });
    expect(within(gaps).getByRole('row', { name: /is the tent vegan/ })).toHaveTextContent('31%');

    await userEvent.click(screen.getByRole('radio', { name: '7 days' }));

    await waitFor(() =>
      expect(within(screen.getByRole('list', { name: 'Totals' })).getByRole('listitem', { name: 'Conversations' })).toHaveTextContent('3'),
    );
    expect(router.state.location.search).toBe('?days=7');
    expect(requests.map((request) => request.url)).toContain('/api/v1/analytics/?days=7');
  });

  it('shows dashes and empty tables for a store without conversations', async () => {
    const empty = report(30, 0);
    empty.totals.answered_without_handoff_share = null;
    empty.totals.feedback_positive_share = null;
    empty.top_questions = [];
    empty.knowledge_gaps = [];
    renderApp('/analytics', { 'GET /api/v1/me/': { body: me('owner') }, 'GET /api/v1/analytics/': { body: empty } });

    const totals = await screen.findByRole('list', { name: 'Totals' });
    expect(within(totals).getByRole('listitem', { name: 'Helpful answers' })).toHaveTextContent('—');
    expect(screen.getByText('No questions in this period.')).toBeInTheDocument();
  });
});
