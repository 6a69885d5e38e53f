import type { FeatureRegistration } from '../../shared/feature';
import { onboardingCtaRule, type OnboardingCtaInput } from './cta';

export const onboardingFeature = {
  name: 'onboarding',
  ctaRules: [onboardingCtaRule],
  records: ['milestones'],
} satisfies FeatureRegistration<OnboardingCtaInput>;
