import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../api/client';
import type { Onboarding } from '../../api/types';

export function useOnboarding() {
  return useQuery({ queryKey: ['onboarding'], queryFn: () => apiFetch<Onboarding>('/onboarding/') });
}
