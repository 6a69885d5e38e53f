import { useEffect, useState } from 'react';
import { healthModelItem, readEngineSettings, renewalSettingsItem, serviceSettingsItem, type EngineSettings } from '../lib/engine-settings';
import { DEFAULT_HEALTH_MODEL } from '../lib/health';
import { DEFAULT_RENEWAL_SETTINGS } from '../lib/renewal';
import { DEFAULT_SERVICE_SETTINGS } from '../lib/service/settings';

/** The health model, renewal cadence and service settings in force, following edits made in the options live. */
export function useEngineSettings(): EngineSettings {
  const [value, setValue] = useState<EngineSettings>({ model: DEFAULT_HEALTH_MODEL, renewal: DEFAULT_RENEWAL_SETTINGS, service: DEFAULT_SERVICE_SETTINGS });
  useEffect(() => {
    const load = () => void readEngineSettings().then(setValue);
    load();
    const stops = [healthModelItem.watch(load), renewalSettingsItem.watch(load), serviceSettingsItem.watch(load)];
    return () => stops.forEach((stop) => stop());
  }, []);
  return value;
}
