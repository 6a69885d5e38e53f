import { storage } from 'wxt/utils/storage';
import { parseFieldByField } from '../../shared/fallback';
import { DEFAULT_RENEWAL_SETTINGS, RenewalSettingsSchema, type RenewalSettings } from './settings';

/** The team's renewal cadence (options page); null means the defaults. */
export const renewalSettingsItem = storage.defineItem<RenewalSettings | null>('local:renewalSettings', { fallback: null, version: 1 });

/** Stored renewal settings, read field by field: a value that no longer validates falls back on its default alone. */
export const validRenewal = (v: unknown): RenewalSettings => parseFieldByField(RenewalSettingsSchema, v, DEFAULT_RENEWAL_SETTINGS);
