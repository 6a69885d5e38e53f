import type { FeatureRegistration } from '../../shared/feature';
import { serviceCtaRule, type ServiceRuleInput } from './cta';

export const serviceFeature = {
  name: 'service',
  ctaRules: [serviceCtaRule],
  records: ['visits', 'plans', 'reports'],
} satisfies FeatureRegistration<ServiceRuleInput>;
