import type { FeatureRegistration } from '../../shared/feature';
import { churnCtaRule, touchpointCtaRule, type ChurnCtaInput, type TouchpointCtaInput } from './cta';
import { renewalSettingsItem } from './settings-item';

export const renewalFeature = {
  name: 'renewal',
  ctaRules: [touchpointCtaRule, churnCtaRule],
  settings: [renewalSettingsItem],
  records: ['contracts', 'outcomes'],
} satisfies FeatureRegistration<TouchpointCtaInput & ChurnCtaInput>;
