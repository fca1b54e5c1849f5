import { useSearchParams } from 'react-router';
import { CONVERSATION_CHANNELS, CONVERSATION_STATUSES, FEEDBACK_VALUES, type ConversationListParams } from './hooks';

const FILTER_KEYS = ['status', 'channel', 'feedback', 'since', 'until'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

const ALLOWED: Partial<Record<FilterKey, readonly string[]>> = {
  status: CONVERSATION_STATUSES,
  channel: CONVERSATION_CHANNELS,
  feedback: FEEDBACK_VALUES,
};
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The inbox filters, kept in the URL (reloadable, shareable); unknown values are ignored. */
export function useInboxFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const values: ConversationListParams = {};
  for (const key of FILTER_KEYS) {
    const value = searchParams.get(key);
    const allowed = ALLOWED[key];
    if (value && (allowed ? allowed.includes(value) : DATE.test(value))) Object.assign(values, { [key]: value });
  }
  const update = (patch: ConversationListParams) =>
    setSearchParams(
      (params) => {
        for (const [key, value] of Object.entries(patch)) {
          if (value) params.set(key, value);
          else params.delete(key);
        }
        return params;
      },
      { replace: true },
    );
  const clear = () => setSearchParams({}, { replace: true });
  return { values, update, clear, filtered: Object.keys(values).length > 0 };
}
