import { useEffect, useState } from 'react';
import { onboardingTemplatesItem } from '../settings-item';
import { validTemplates, type OnboardingTemplates } from '../template';

/** The onboarding templates in force, following edits made in the options live. */
export function useOnboardingTemplates(): OnboardingTemplates {
  const [value, setValue] = useState<OnboardingTemplates>({});
  useEffect(() => {
    const load = () =>
      void onboardingTemplatesItem.getValue().then((v) => {
        const next = validTemplates(v).templates;
        setValue((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
      });
    load();
    return onboardingTemplatesItem.watch(load);
  }, []);
  return value;
}
