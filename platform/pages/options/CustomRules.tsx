import { useEffect, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { matchUrl } from '../../../crm';
import { compileCustomRule, customRuleMatchPattern, validateCustomRule, type CustomRule } from '../../../crm/custom';
import type { RuleTestResult } from '../../messaging/protocol';
import { customRulesItem } from '../../../shared/settings';
import { labelList as split } from '../../../shared/ui/format';
import { useTr } from '../../../shared/i18n/I18n';
import { useUnsaved } from '../../../shared/ui/Unsaved';

const EMPTY = { label: '', hostPattern: '', urlPattern: '', nameSelector: '', nameLabel: '', owner: '', contractEnd: '', annualValue: '' };

/** Options: the user's own CRM rules, tried on a URL and on open tabs before they are saved. */
export function CustomRules() {
  const { t } = useTr();
  const [rules, setRules] = useState<CustomRule[]>([]);
  const [form, setForm] = useState(EMPTY);
  const [sampleUrl, setSampleUrl] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [results, setResults] = useState<RuleTestResult[] | null>(null);

  useEffect(() => {
    void customRulesItem.getValue().then(setRules);
    return customRulesItem.watch((v) => setRules(v ?? []));
  }, []);

  const rule = (): CustomRule => {
    const fieldLabels: CustomRule['fieldLabels'] = {};
    for (const key of ['owner', 'contractEnd', 'annualValue'] as const) if (split(form[key]).length) fieldLabels[key] = split(form[key]);
    return {
      id: `rule-${form.hostPattern.trim().toLowerCase()}-${form.label.trim().toLowerCase()}`.replace(/[^a-z0-9.-]+/g, '-').slice(0, 64),
      label: form.label.trim(),
      hostPattern: form.hostPattern.trim(),
      urlPattern: form.urlPattern.trim(),
      ...(form.nameSelector.trim() ? { nameSelector: form.nameSelector.trim() } : {}),
      ...(form.nameLabel.trim() ? { nameLabel: form.nameLabel.trim() } : {}),
      ...(Object.keys(fieldLabels).length ? { fieldLabels } : {}),
    };
  };
  const check = (): CustomRule | null => {
    const r = rule();
    const found = validateCustomRule(r, document);
    setProblems(found);
    return found.length ? null : r;
  };
  // Host access is asked for at the moment of the click (a user gesture), for this one origin only.
  const requestAccess = (r: CustomRule) => browser.permissions.request({ origins: [customRuleMatchPattern(r)] });

  const sample = (() => {
    if (!sampleUrl.trim()) return null;
    const r = rule();
    if (validateCustomRule(r).length) return null;
    const hit = matchUrl(sampleUrl.trim(), [compileCustomRule(r)]);
    return hit ? t('rules.sampleMatch', { id: hit.match.recordId }) : t('rules.sampleNoMatch');
  })();

  const tryOnTabs = async () => {
    const r = check();
    if (!r) return;
    if (!(await requestAccess(r))) return setStatus(t('rules.accessDenied', { host: r.hostPattern }));
    const answer = (await browser.runtime.sendMessage({ type: 'rules/test', rule: r })) as RuleTestResult[] | { error: string };
    if (!Array.isArray(answer)) return setStatus(t('options.failed', { reason: answer.error }));
    setResults(answer);
    setStatus('');
  };

  // A rule typed but not added yet is an unsaved edit like any other section's.
  useUnsaved('rules-title', t('rules.title'), Object.entries(form).some(([k, v]) => v !== EMPTY[k as keyof typeof EMPTY]), () => save());
  const save = async (e?: FormEvent) => {
    e?.preventDefault();
    const r = check();
    if (!r) return;
    if (!(await requestAccess(r))) return setStatus(t('rules.accessDenied', { host: r.hostPattern }));
    await customRulesItem.setValue([...rules.filter((x) => x.id !== r.id), r]);
    await browser.runtime.sendMessage({ type: 'config/changed' });
    setStatus(t('rules.saved', { label: r.label }));
    setForm(EMPTY);
    setResults(null);
  };

  const remove = async (id: string) => {
    await customRulesItem.setValue(rules.filter((x) => x.id !== id));
    await browser.runtime.sendMessage({ type: 'config/changed' });
  };

  const input = (key: keyof typeof EMPTY, label: string, hint?: string) => (
    <>
      <label htmlFor={`rule-${key}`}>{label}</label>
      <input id={`rule-${key}`} value={form[key]} placeholder={hint} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
    </>
  );

  return (
    <section className="card" aria-labelledby="rules-title">
      <h2 id="rules-title">{t('rules.title')}</h2>
      <p className="muted">{t('rules.hint')}</p>
      {rules.length > 0 && (
        <ul className="rules">
          {rules.map((r) => (
            <li key={r.id}>
              <strong>{r.label}</strong> <code>{r.hostPattern}</code> <code>{r.urlPattern}</code>{' '}
              <button type="button" onClick={() => void remove(r.id)}>{t('rules.delete')}</button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(e) => void save(e)} noValidate>
        {input('label', t('rules.label'), 'Acme CRM')}
        {input('hostPattern', t('rules.host'), 'crm.example.com')}
        {input('urlPattern', t('rules.urlPattern'), '^/accounts/(?<id>\\d+)')}
        {input('nameSelector', t('rules.nameSelector'), 'h1.account-name')}
        {input('nameLabel', t('rules.nameLabel'), 'Account name')}
        {input('owner', t('rules.ownerLabels'), 'Owner, 负责人')}
        {input('contractEnd', t('rules.contractEndLabels'), 'Contract end, 合同到期日')}
        {input('annualValue', t('rules.annualValueLabels'), 'ARR')}
        <label htmlFor="rule-sample">{t('rules.sampleUrl')}</label>
        <input id="rule-sample" value={sampleUrl} onChange={(e) => setSampleUrl(e.target.value)} placeholder="https://crm.example.com/accounts/42" />
        {sample && <p data-testid="rule-sample-result">{sample}</p>}
        {problems.length > 0 && (
          <div className="error" role="alert">
            <p>{t('rules.problems')}</p>
            <ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul>
          </div>
        )}
        <div className="row">
          <button type="button" onClick={() => void tryOnTabs()}>{t('rules.tryOnTabs')}</button>
          <button type="submit" className="primary">{t('rules.save')}</button>
        </div>
      </form>
      {results && (
        <div role="region" aria-label={t('rules.results')}>
          {results.length === 0 ? (
            <p>{t('rules.noTabs')}</p>
          ) : (
            <ul>
              {results.map((r) => (
                <li key={r.url}>
                  {r.title || r.url}: {r.ref ? t('rules.found', { id: r.ref.recordId, name: r.ref.name ?? '—' }) : t('rules.notFound')}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <p role="status" aria-live="polite">{status}</p>
    </section>
  );
}
