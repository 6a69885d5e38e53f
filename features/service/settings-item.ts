import { storage } from 'wxt/utils/storage';
import type { ServiceSettings } from './settings';

/** The service-visit checklist and the expectation-management timing (options page); null means the defaults. */
export const serviceSettingsItem = storage.defineItem<ServiceSettings | null>('local:serviceSettings', { fallback: null, version: 1 });
