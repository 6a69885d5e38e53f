import { storage } from 'wxt/utils/storage';
import { DEFAULT_RENEWAL_SETTINGS, RenewalSettingsSchema, type RenewalSettings } from './settings';

/** The team's renewal cadence (options page); null, or a value that no longer validates, means the defaults. */
export const renewalSettingsItem = storage.defineItem<RenewalSettings | null>('local:renewalSettings', { fallback: null, version: 1 });

export const validRenewal = (v: unknown): RenewalSettings => {
  const parsed = RenewalSettingsSchema.safeParse(v ?? {});
  return parsed.success ? parsed.data : DEFAULT_RENEWAL_SETTINGS;
};
