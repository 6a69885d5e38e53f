import type { HealthModel } from './health';
import { healthModelItem, validModel } from './health/settings-item';
import type { RenewalSettings } from './renewal';
import { renewalSettingsItem, validRenewal } from './renewal/settings-item';
import { validServiceSettings, type ServiceSettings } from './service/settings';
import { serviceSettingsItem } from './service/settings-item';

export { healthModelItem, renewalSettingsItem, serviceSettingsItem, validModel, validRenewal };

/** The settings every evaluation of an account reads: the health model, the renewal cadence and the service settings. */
export interface EngineSettings {
  model: HealthModel;
  renewal: RenewalSettings;
  service: ServiceSettings;
}

/** The settings items behind EngineSettings: a change to any of them changes what the engine computes. */
export const ENGINE_SETTINGS_ITEMS = [healthModelItem, renewalSettingsItem, serviceSettingsItem] as const;

export async function readEngineSettings(): Promise<EngineSettings> {
  const [model, renewal, service] = await Promise.all([healthModelItem.getValue(), renewalSettingsItem.getValue(), serviceSettingsItem.getValue()]);
  return { model: validModel(model), renewal: validRenewal(renewal), service: validServiceSettings(service) };
}
