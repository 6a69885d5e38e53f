import type { HealthModel } from './health';
import { healthModelItem, validModel } from './health/settings-item';
import type { RenewalSettings } from './renewal';
import { renewalSettingsItem, validRenewal } from './renewal/settings-item';
import { validServiceSettings, type ServiceSettings } from './service/settings';
import { serviceSettingsItem } from './service/settings-item';
import { reminderSettingsItem } from './reminders/settings-item';
import { playsItem } from './plays-item';
import type { SettingsItem } from '../shared/feature';
import { onboardingTemplatesItem } from './onboarding/settings-item';
import { validTemplates, type OnboardingTemplates } from './onboarding/template';

export { healthModelItem, renewalSettingsItem, serviceSettingsItem, validModel, validRenewal };

/** The settings every evaluation of an account reads: the health model, the renewal cadence and the service settings. */
export interface EngineSettings {
  model: HealthModel;
  renewal: RenewalSettings;
  service: ServiceSettings;
  /** The onboarding templates per segment (absent: the built-in one for every account). */
  onboarding?: OnboardingTemplates;
}

/** The settings items behind EngineSettings: a change to any of them changes what the engine computes. */
export const ENGINE_SETTINGS_ITEMS = [healthModelItem, renewalSettingsItem, serviceSettingsItem, onboardingTemplatesItem] as const;

/**
 * Every feature's settings items (each defined in its folder's settings-item.ts). They live here, not in
 * the registry, because defining a storage item needs the extension's storage API.
 */
export const FEATURE_SETTINGS: readonly SettingsItem[] = [...ENGINE_SETTINGS_ITEMS, reminderSettingsItem, playsItem];

export async function readEngineSettings(): Promise<EngineSettings> {
  const [model, renewal, service, onboarding] = await Promise.all([
    healthModelItem.getValue(), renewalSettingsItem.getValue(), serviceSettingsItem.getValue(), onboardingTemplatesItem.getValue(),
  ]);
  return { model: validModel(model), renewal: validRenewal(renewal), service: validServiceSettings(service), onboarding: validTemplates(onboarding).templates };
}
