import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { readingFor } from '../../../platform/demo/accounts';
import { healthModelItem, readEngineSettings, renewalSettingsItem } from '../../engine-settings';
import { DEFAULT_HEALTH_MODEL, HEALTH_DIMENSIONS, HealthModelSchema, redStreakDays, scoreHealth, type HealthDimension, type HealthModel } from '..';
import type { MessageKey } from '../../../shared/i18n';
import type { ScoringInputs } from '../model';
import { DEFAULT_RENEWAL_SETTINGS, RenewalSettingsSchema, type RenewalSettings } from '../../renewal';
import { RenewalRulesEditor } from '../../renewal/ui/RenewalRulesEditor';
import { SEGMENTS } from '../../../data/model/common';
import { useTr } from '../../../shared/i18n/I18n';
import { useDraft } from '../../../shared/ui/Unsaved';

const num = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));

/** Options: the health model and renewal cadence, validated, previewed live, reset-able. */
export function HealthModelEditor() {
  const tr = useTr();
  const { t } = tr;
  const [model, setModel] = useState<HealthModel>(DEFAULT_HEALTH_MODEL);
  const [renewal, setRenewal] = useState<RenewalSettings>(DEFAULT_RENEWAL_SETTINGS);
  const [sample, setSample] = useState<{ name: string; inputs: ScoringInputs } | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    void readEngineSettings().then((s) => {
      setModel(s.model);
      setRenewal(s.renewal);
      markSaved([s.model, s.renewal]);
    });
    void (browser.runtime.sendMessage({ type: 'engine/preview' }) as Promise<{ name: string; inputs: ScoringInputs } | null>)
      .then((p) => setSample(p ?? null), () => setSample(null));
  }, []);

  const checked = HealthModelSchema.safeParse(model);
  const renewalChecked = RenewalSettingsSchema.safeParse(renewal);
  const problems = [
    ...(checked.success ? [] : checked.error.issues.map((i) => i.message)),
    ...(renewalChecked.success ? [] : renewalChecked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)),
  ];
  const previewInputs = sample?.inputs ?? readingFor(55, 0);
  const preview = checked.success ? scoreHealth(previewInputs, checked.data) : null;
  const rule = (d: HealthDimension) => model.dimensions[d];
  const setRule = (d: HealthDimension, key: 'weight' | 'red' | 'green', v: string) =>
    setModel({ ...model, dimensions: { ...model.dimensions, [d]: { ...rule(d), [key]: num(v) } } });

  const markSaved = useDraft('model-title', t('model.title'), [model, renewal], () => save());
  const save = async () => {
    if (!checked.success || !renewalChecked.success) return;
    await healthModelItem.setValue(checked.data);
    await renewalSettingsItem.setValue(renewalChecked.data);
    await browser.runtime.sendMessage({ type: 'data/changed' }).catch(() => undefined);
    markSaved([model, renewal]);
    setStatus(t('model.saved'));
  };
  const reset = async () => {
    setModel(DEFAULT_HEALTH_MODEL);
    setRenewal(DEFAULT_RENEWAL_SETTINGS);
    await healthModelItem.setValue(null);
    await renewalSettingsItem.setValue(null);
    await browser.runtime.sendMessage({ type: 'data/changed' }).catch(() => undefined);
    markSaved([DEFAULT_HEALTH_MODEL, DEFAULT_RENEWAL_SETTINGS]);
    setStatus(t('model.resetDone'));
  };

  return (
    <section className="card" aria-labelledby="model-title">
      <h2 id="model-title">{t('model.title')}</h2>
      <p className="muted">{t('model.hint')}</p>
      <table className="model">
        <thead><tr><th>{t('model.dimension')}</th><th>{t('model.weight')}</th><th>{t('model.red')}</th><th>{t('model.green')}</th></tr></thead>
        <tbody>
          {HEALTH_DIMENSIONS.map((d) => (
            <tr key={d}>
              <th scope="row">{t(`health.dim.${d}` as MessageKey)}</th>
              {(['weight', 'red', 'green'] as const).map((k) => (
                <td key={k} data-label={t(`model.${k}` as MessageKey)}>
                  <input type="number" aria-label={`${t(`health.dim.${d}` as MessageKey)}: ${t(`model.${k}` as MessageKey)}`} value={Number.isNaN(rule(d)[k]) ? '' : rule(d)[k]} onChange={(e) => setRule(d, k, e.target.value)} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row">
        <label>{t('model.greenFrom')} <input type="number" value={model.bands.green} onChange={(e) => setModel({ ...model, bands: { ...model.bands, green: num(e.target.value) } })} /></label>
        <label>{t('model.redBelow')} <input type="number" value={model.bands.red} onChange={(e) => setModel({ ...model, bands: { ...model.bands, red: num(e.target.value) } })} /></label>
        <label>
          {t('model.redStreakDays')}{' '}
          <input type="number" min={1} max={180} value={redStreakDays(model)} onChange={(e) => setModel({ ...model, redStreakDays: num(e.target.value) })} />
        </label>
      </div>
      <h3>{t('model.overrides')}</h3>
      <ul className="overrides">
        {model.overrides.map((o, i) => (
          <li key={`${o.dimension}-${i}`}>
            {t('model.overrideText', { dimension: t(`health.dim.${o.dimension}` as MessageKey), op: o.atOrBelow !== undefined ? '≤' : '≥', value: o.atOrBelow ?? o.atOrAbove ?? '', band: t(`band.${o.capBand}`) })}{' '}
            <button type="button" className="link" onClick={() => setModel({ ...model, overrides: model.overrides.filter((_, k) => k !== i) })}>{t('rules.delete')}</button>
          </li>
        ))}
      </ul>
      <form className="row" aria-label={t('model.addOverride')} onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const value = num(String(f.get('value') ?? ''));
        if (Number.isNaN(value)) return;
        const op = f.get('op') === 'atOrAbove' ? { atOrAbove: value } : { atOrBelow: value };
        setModel({ ...model, overrides: [...model.overrides, { dimension: f.get('dimension') as HealthDimension, ...op, capBand: f.get('band') as 'red' | 'yellow' }] });
      }}>
        <select name="dimension" aria-label={t('model.dimension')}>
          {HEALTH_DIMENSIONS.map((d) => <option key={d} value={d}>{t(`health.dim.${d}` as MessageKey)}</option>)}
        </select>
        <select name="op" aria-label={t('model.operator')}><option value="atOrBelow">≤</option><option value="atOrAbove">≥</option></select>
        <input name="value" type="number" aria-label={t('model.overrideValue')} />
        <select name="band" aria-label={t('model.capBand')}><option value="red">{t('band.red')}</option><option value="yellow">{t('band.yellow')}</option></select>
        <button type="submit">{t('model.addOverride')}</button>
      </form>
      <h3>{t('model.cadence')}</h3>
      {SEGMENTS.map((seg) => (
        <label key={seg} className="field">
          {t(`model.segment.${seg}` as MessageKey)}
          <input
            aria-label={t('model.offsetsFor', { segment: t(`model.segment.${seg}` as MessageKey) })}
            defaultValue={renewal.cadence[seg].offsets.join(', ')}
            onChange={(e) => setRenewal({ ...renewal, cadence: { ...renewal.cadence, [seg]: { ...renewal.cadence[seg], offsets: e.target.value.split(/[,，\s]+/).filter(Boolean).map(Number) } } })}
          />
        </label>
      ))}
      <label className="field">
        {t('model.noPitchDays')}
        <input type="number" value={renewal.noPitchDays} onChange={(e) => setRenewal({ ...renewal, noPitchDays: num(e.target.value) })} />
      </label>
      <RenewalRulesEditor renewal={renewal} onChange={setRenewal} />
      <div className="preview" role="region" aria-label={t('model.preview')}>
        <strong>{t('model.preview')}</strong>: {sample ? sample.name : t('model.sample')}{' '}
        {preview && preview.score !== null ? (
          <span data-testid="model-preview">
            <span className={`badge band-${preview.band}`}>{t(`band.${preview.band}`)}</span> {preview.score.toFixed(1)}
          </span>
        ) : (
          <span className="muted">—</span>
        )}
      </div>
      {problems.length > 0 && (
        <ul className="error" role="alert">{problems.map((p) => <li key={p}>{p}</li>)}</ul>
      )}
      <div className="row">
        <button type="button" className="primary" disabled={problems.length > 0} onClick={() => void save()}>{t('model.save')}</button>
        <button type="button" onClick={() => void reset()}>{t('model.reset')}</button>
      </div>
      <p role="status" aria-live="polite">{status}</p>
    </section>
  );
}
