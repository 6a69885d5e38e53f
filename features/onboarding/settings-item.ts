import { storage } from 'wxt/utils/storage';
import type { OnboardingTemplates } from './template';

/** The team's onboarding templates (options page), per segment; null: the built-in template for every account. */
export const onboardingTemplatesItem = storage.defineItem<OnboardingTemplates | null>('local:onboardingTemplates', { fallback: null, version: 1 });
