import { useQuery } from '@tanstack/react-query';
import { api, type Schema } from '../../api/client';

export type OnboardingStep = Schema<'OnboardingStepOutput'>;
export type OnboardingStepKey = Schema<'OnboardingStepKeyEnum'>;

export function useOnboarding() {
  return useQuery({ queryKey: ['onboarding'], queryFn: () => api.get('/onboarding/') });
}
