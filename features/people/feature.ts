import type { FeatureRegistration } from '../../shared/feature';
import { peopleCtaRule, type PeopleCtaInput } from './cta';

/** The account's key people (kept on its handover record, which syncs): their stance, and who has left. */
export const peopleFeature = {
  name: 'people',
  ctaRules: [peopleCtaRule],
} satisfies FeatureRegistration<PeopleCtaInput>;
