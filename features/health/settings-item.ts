import { storage } from 'wxt/utils/storage';
import { DEFAULT_HEALTH_MODEL, HealthModelSchema, type HealthModel } from './model';

/**
 * The team's health model, edited in the options page. null means the
 * documented defaults; a stored value that no longer validates also falls back
 * to them rather than scoring with a broken model.
 */
export const healthModelItem = storage.defineItem<HealthModel | null>('local:healthModel', { fallback: null, version: 1 });

export const validModel = (v: unknown): HealthModel => {
  const parsed = HealthModelSchema.safeParse(v);
  return parsed.success ? parsed.data : DEFAULT_HEALTH_MODEL;
};
