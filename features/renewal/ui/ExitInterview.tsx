import { useState } from 'react';
import { REPORT_LANGUAGES, type ReportLanguage } from '../../../data/model/records';
import { EXIT_INTERVIEW, exitInterviewText } from '../exit-interview';
import { useTr } from '../../../shared/i18n/I18n';

/**
 * The exit-interview template beside the churn outcome form: the questions in
 * the customer's language (English or Chinese, whatever the panel speaks),
 * copied in one click. After the talk, record the symptom and the root cause.
 */
export function ExitInterview() {
  const tr = useTr();
  const { t } = tr;
  const [language, setLanguage] = useState<ReportLanguage>(tr.locale);
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(exitInterviewText(language));
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  };
  const x = EXIT_INTERVIEW[language];
  return (
    <details className="exit-interview" data-testid="exit-interview">
      <summary>{t('exit.summary')}</summary>
      <p className="muted small">{t('exit.hint')}</p>
      <label htmlFor="exit-language">{t('exit.language')}</label>{' '}
      <select id="exit-language" value={language} onChange={(e) => {
        setLanguage(e.target.value as ReportLanguage);
        setCopied(null);
      }}>
        {REPORT_LANGUAGES.map((l) => <option key={l} value={l}>{l === 'zh-CN' ? '简体中文' : 'English'}</option>)}
      </select>{' '}
      <button type="button" onClick={() => void copy()}>{t('exit.copy')}</button>
      {copied && <span role="status" className={copied === 'ok' ? 'muted small' : 'error'}>{t(copied === 'ok' ? 'exit.copied' : 'exit.copyFailed')}</span>}
      <div lang={language}>
        <p>{x.intro}</p>
        <ol>{x.questions.map((q) => <li key={q}>{q}</li>)}</ol>
        <p>{x.close}</p>
      </div>
    </details>
  );
}
