import type { FeatureRegistration } from '../../shared/feature';
import { serviceCtaRule, type ServiceRuleInput } from './cta';
import { serviceSettingsItem } from './settings-item';

export const serviceFeature = {
  name: 'service',
  ctaRules: [serviceCtaRule],
  settings: [serviceSettingsItem],
  records: ['visits', 'plans', 'reports'],
} satisfies FeatureRegistration<ServiceRuleInput>;
