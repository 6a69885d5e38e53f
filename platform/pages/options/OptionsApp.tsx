import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { LocaleSetting } from '../../../shared/i18n';
import { settingsItem } from '../../../shared/settings';
import { CustomRules } from './CustomRules';
import { DataSourceSettings } from './DataSourceSettings';
import { FieldLabels } from './FieldLabels';
import { SectionMenu } from './SectionMenu';
import { UnsavedBar, UnsavedProvider } from '../../../shared/ui/Unsaved';
import { OPTIONS_SECTIONS } from './sections';
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

/** Settings: every section of the options page, with a menu that jumps to each. */
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
    <UnsavedProvider>
    <main className="options">
      <h1>{t('options.title')}</h1>
      <div className="options-layout">
        <SectionMenu sections={OPTIONS_SECTIONS} />
        {/* Each wrapper's id is the anchor the menu links to (OPTIONS_SECTIONS), present from the first render. */}
        <div className="options-sections">
          <div id="section-language" className="section-anchor">
            <section className="card">
              <label htmlFor="locale">{t('options.language')}</label>{' '}
              <select id="locale" value={locale} onChange={(e) => void changeLocale(e.target.value as LocaleSetting)}>
                <option value="auto">{t('options.languageAuto')}</option>
                <option value="en">English</option>
                <option value="zh-CN">简体中文</option>
              </select>
            </section>
          </div>
          <div id="section-data" className="section-anchor">
            <section className="card" aria-labelledby="data-title">
              <h2 id="data-title">{t('options.data')}</h2>
              <p data-testid="account-count">{count === undefined ? t('panel.loading') : tr.plural('options.accountsStored', count)}</p>
              <p className="muted">{t('options.demoHint')}</p>
              <button type="button" className="primary" onClick={() => void loadDemo()}>{t('options.loadDemo')}</button>
              <p role="status" aria-live="polite">{status}</p>
            </section>
            <KeptAside />
          </div>
          <div id="section-health" className="section-anchor"><HealthModelEditor /></div>
          <div id="section-service" className="section-anchor"><ServiceSettingsEditor /></div>
          <div id="section-reminders" className="section-anchor"><ReminderSettingsEditor /></div>
          <div id="section-rates" className="section-anchor"><ExchangeRatesEditor /></div>
          <div id="section-plays" className="section-anchor"><PlaysEditor /></div>
          <div id="section-onboarding" className="section-anchor"><OnboardingTemplatesEditor /></div>
          <div id="section-import" className="section-anchor"><ImportExport /></div>
          <div id="section-source" className="section-anchor"><DataSourceSettings /></div>
          <div id="section-automation" className="section-anchor"><AutomationSettings /></div>
          <div id="section-labels" className="section-anchor"><FieldLabels /></div>
          <div id="section-rules" className="section-anchor"><CustomRules /></div>
        </div>
      </div>
      <UnsavedBar />
    </main>
    </UnsavedProvider>
  );
}
