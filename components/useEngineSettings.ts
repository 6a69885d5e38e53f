import { useEffect, useState } from 'react';
import { healthModelItem, readEngineSettings, renewalSettingsItem } from '../lib/engine-settings';
import { DEFAULT_HEALTH_MODEL, type HealthModel } from '../lib/health';
import { DEFAULT_RENEWAL_SETTINGS, type RenewalSettings } from '../lib/renewal';

/** The health model and renewal cadence in force, following edits made in the options live. */
export function useEngineSettings(): { model: HealthModel; renewal: RenewalSettings } {
  const [value, setValue] = useState({ model: DEFAULT_HEALTH_MODEL, renewal: DEFAULT_RENEWAL_SETTINGS });
  useEffect(() => {
    const load = () => void readEngineSettings().then(setValue);
    load();
    const a = healthModelItem.watch(load);
    const b = renewalSettingsItem.watch(load);
    return () => {
      a();
      b();
    };
  }, []);
  return value;
}
