import { storage } from 'wxt/utils/storage';
import { DEFAULT_HEALTH_MODEL, HealthModelSchema, type HealthModel } from './health';
import { DEFAULT_RENEWAL_SETTINGS, RenewalSettingsSchema, type RenewalSettings } from './renewal';
import { validServiceSettings, type ServiceSettings } from './service/settings';

/**
 * The team's health model and renewal cadence, edited in the options page.
 * null means the documented defaults; a stored value that no longer validates
 * also falls back to them rather than scoring with a broken model.
 */
export const healthModelItem = storage.defineItem<HealthModel | null>('local:healthModel', { fallback: null, version: 1 });
export const renewalSettingsItem = storage.defineItem<RenewalSettings | null>('local:renewalSettings', { fallback: null, version: 1 });
/** The service-visit checklist and the expectation-management timing. */
export const serviceSettingsItem = storage.defineItem<ServiceSettings | null>('local:serviceSettings', { fallback: null, version: 1 });

export const validModel = (v: unknown): HealthModel => {
  const parsed = HealthModelSchema.safeParse(v);
  return parsed.success ? parsed.data : DEFAULT_HEALTH_MODEL;
};
export const validRenewal = (v: unknown): RenewalSettings => {
  const parsed = RenewalSettingsSchema.safeParse(v ?? {});
  return parsed.success ? parsed.data : DEFAULT_RENEWAL_SETTINGS;
};

export interface EngineSettings {
  model: HealthModel;
  renewal: RenewalSettings;
  service: ServiceSettings;
}

export async function readEngineSettings(): Promise<EngineSettings> {
  const [model, renewal, service] = await Promise.all([healthModelItem.getValue(), renewalSettingsItem.getValue(), serviceSettingsItem.getValue()]);
  return { model: validModel(model), renewal: validRenewal(renewal), service: validServiceSettings(service) };
}
