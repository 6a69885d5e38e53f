import type { FeatureRegistration } from '../../shared/feature';
import { churnCtaRule, touchpointCtaRule, type ChurnCtaInput, type TouchpointCtaInput } from './cta';

export const renewalFeature = {
  name: 'renewal',
  ctaRules: [touchpointCtaRule, churnCtaRule],
  records: ['contracts', 'outcomes'],
} satisfies FeatureRegistration<TouchpointCtaInput & ChurnCtaInput>;
