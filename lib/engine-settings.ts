import { storage } from 'wxt/utils/storage';
import { DEFAULT_HEALTH_MODEL, HealthModelSchema, type HealthModel } from './health';
import { DEFAULT_RENEWAL_SETTINGS, RenewalSettingsSchema, type RenewalSettings } from './renewal';

/**
 * The team's health model and renewal cadence, edited in the options page.
 * null means the documented defaults; a stored value that no longer validates
 * also falls back to them rather than scoring with a broken model.
 */
export const healthModelItem = storage.defineItem<HealthModel | null>('local:healthModel', { fallback: null, version: 1 });
export const renewalSettingsItem = storage.defineItem<RenewalSettings | null>('local:renewalSettings', { fallback: null, version: 1 });

export const validModel = (v: unknown): HealthModel => {
  const parsed = HealthModelSchema.safeParse(v);
  return parsed.success ? parsed.data : DEFAULT_HEALTH_MODEL;
};
export const validRenewal = (v: unknown): RenewalSettings => {
  const parsed = RenewalSettingsSchema.safeParse(v ?? {});
  return parsed.success ? parsed.data : DEFAULT_RENEWAL_SETTINGS;
};

export async function readEngineSettings(): Promise<{ model: HealthModel; renewal: RenewalSettings }> {
  const [model, renewal] = await Promise.all([healthModelItem.getValue(), renewalSettingsItem.getValue()]);
  return { model: validModel(model), renewal: validRenewal(renewal) };
}
