import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { LocaleSetting } from '../../../shared/i18n';
import { settingsItem } from '../../../shared/settings';
import { CustomRules } from './CustomRules';
import { DataSourceSettings } from './DataSourceSettings';
import { FieldLabels } from './FieldLabels';
import { HealthModelEditor } from '../../../features/health/ui/HealthModelEditor';
import { loadDemoBook, useAccountCount } from '../../../features/transfer/client';
import { ImportExport } from '../../../features/transfer/ui/ImportExport';
import { KeptAside } from '../../../features/transfer/ui/KeptAside';
import { useTr } from '../../../shared/i18n/I18n';
import { ServiceSettingsEditor } from '../../../features/service/ui/ServiceSettingsEditor';
import { ReminderSettingsEditor } from '../../../features/reminders/ui/ReminderSettingsEditor';
import { ExchangeRatesEditor } from '../../../features/portfolio/ui/ExchangeRatesEditor';
import { PlaysEditor } from '../../../features/next-steps/ui/PlaysEditor';
import { OnboardingTemplatesEditor } from '../../../features/onboarding/ui/OnboardingTemplatesEditor';
import { AutomationSettings } from '../../../features/channels/ui/AutomationSettings';

/** Settings: language and the local data (demo book for now). */
export function OptionsApp() {
  const tr = useTr();
  const { t } = tr;
  const [locale, setLocale] = useState<LocaleSetting>('auto');
  const [status, setStatus] = useState<string>('');
  const count = useAccountCount().value;

  useEffect(() => {
    void settingsItem.getValue().then((s) => setLocale(s.locale));
  }, []);

  const changeLocale = async (value: LocaleSetting) => {
    setLocale(value);
    await settingsItem.setValue({ ...(await settingsItem.getValue()), locale: value });
    await browser.runtime.sendMessage({ type: 'data/changed' });
  };

  const loadDemo = async () => {
    // The background stores the book and then re-evaluates it, as after any change made elsewhere.
    const answer = await loadDemoBook().catch((err: unknown) => ({ ok: false as const, reason: err instanceof Error ? err.message : String(err) }));
    setStatus(answer.ok ? tr.plural('options.demoLoaded', answer.accounts) : t('options.failed', { reason: answer.reason }));
  };

  return (
    <main className="options">
      <h1>{t('options.title')}</h1>
      <section className="card">
        <label htmlFor="locale">{t('options.language')}</label>{' '}
        <select id="locale" value={locale} onChange={(e) => void changeLocale(e.target.value as LocaleSetting)}>
          <option value="auto">{t('options.languageAuto')}</option>
          <option value="en">English</option>
          <option value="zh-CN">简体中文</option>
        </select>
      </section>
      <section className="card" aria-labelledby="data-title">
        <h2 id="data-title">{t('options.data')}</h2>
        <p data-testid="account-count">{count === undefined ? t('panel.loading') : tr.plural('options.accountsStored', count)}</p>
        <p className="muted">{t('options.demoHint')}</p>
        <button type="button" className="primary" onClick={() => void loadDemo()}>{t('options.loadDemo')}</button>
        <p role="status" aria-live="polite">{status}</p>
      </section>
      <KeptAside />
      <HealthModelEditor />
      <ServiceSettingsEditor />
      <ReminderSettingsEditor />
      <ExchangeRatesEditor />
      <PlaysEditor />
      <OnboardingTemplatesEditor />
      <ImportExport />
      <DataSourceSettings />
      <AutomationSettings />
      <FieldLabels />
      <CustomRules />
    </main>
  );
}
