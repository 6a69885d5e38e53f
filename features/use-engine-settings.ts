import { useEffect, useState } from 'react';
import { ENGINE_SETTINGS_ITEMS, readEngineSettings, type EngineSettings } from './engine-settings';
import { DEFAULT_HEALTH_MODEL } from './health';
import { DEFAULT_RENEWAL_SETTINGS } from './renewal';
import { DEFAULT_SERVICE_SETTINGS } from './service/settings';

/** The health model, renewal cadence and service settings in force, following edits made in the options live. */
export function useEngineSettings(): EngineSettings {
  const [value, setValue] = useState<EngineSettings>({ model: DEFAULT_HEALTH_MODEL, renewal: DEFAULT_RENEWAL_SETTINGS, service: DEFAULT_SERVICE_SETTINGS });
  useEffect(() => {
    const load = () => void readEngineSettings().then(setValue);
    load();
    const stops = ENGINE_SETTINGS_ITEMS.map((item) => item.watch(load));
    return () => stops.forEach((stop) => stop());
  }, []);
  return value;
}
