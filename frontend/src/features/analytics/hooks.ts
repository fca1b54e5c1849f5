import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api, type Schema } from '../../api/client';
import { analyticsPeriodEnumValues } from '../../api/schema';

export type Analytics = Schema<'AnalyticsOutput'>;
export type AnalyticsPeriod = Schema<'AnalyticsPeriodEnum'>;
export type QuestionGroup = Schema<'QuestionOutput'>;
export const ANALYTICS_PERIODS = analyticsPeriodEnumValues;

const DEFAULT_PERIOD: AnalyticsPeriod = 30;

/** The period shown, kept in the URL (`?days=7|30|90`). */
export function useAnalyticsPeriod() {
  const [searchParams, setSearchParams] = useSearchParams();
  const asked = Number(searchParams.get('days'));
  const days = ANALYTICS_PERIODS.find((period) => period === asked) ?? DEFAULT_PERIOD;
  const setDays = (next: AnalyticsPeriod) => setSearchParams({ days: String(next) }, { replace: true });
  return [days, setDays] as const;
}

export function useAnalytics(days: AnalyticsPeriod) {
  return useQuery({
    queryKey: ['analytics', days],
    queryFn: () => api.get('/analytics/', { query: { days } }),
  });
}
