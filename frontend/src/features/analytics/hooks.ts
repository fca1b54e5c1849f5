import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { apiFetch } from '../../api/client';
import { ANALYTICS_PERIODS, type Analytics, type AnalyticsPeriod } from '../../api/types';

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
    queryFn: () => apiFetch<Analytics>(`/analytics/?days=${days}`),
  });
}
