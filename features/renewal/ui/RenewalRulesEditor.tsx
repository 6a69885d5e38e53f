import { useState } from 'react';
import type { MessageKey } from '../../../shared/i18n';
import { useTr } from '../../../shared/i18n/I18n';
import type { RenewalSettings } from '../settings';
import { LIKELIHOOD_POINTS, type LikelihoodPoints } from '../likelihood';
import { isBuiltInStep, PRIORITIES, type PlanTemplateStep, type Priority } from '../plan-template';

const num = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));
const POINT_KEYS = Object.keys(LIKELIHOOD_POINTS) as (keyof LikelihoodPoints)[];

/** A new step's id from its title: lower-case words joined by "-", or a numbered one for titles without Latin letters. */
function newStepId(title: string, taken: readonly PlanTemplateStep[]): string {
  const base = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'step';
  let id = base;
  for (let k = 2; taken.some((s) => s.id === id); k++) id = `${base}-${k}`;
  return id;
}

/**
 * Options, beside the health model: the renewal likelihood's points and the
 * 90-day plan's template (steps, days before the end, priority, customer
 * involvement). Edits the caller's draft of the renewal settings; the
 * caller validates, saves and resets them with the model.
 */
export function RenewalRulesEditor({ renewal, onChange }: { renewal: RenewalSettings; onChange: (next: RenewalSettings) => void }) {
  const { t } = useTr();
  const [title, setTitle] = useState('');
  // Folded until opened: the options page stays short, and its fields are drawn only when wanted.
  const [open, setOpen] = useState(false);
  const setPoint = (k: keyof LikelihoodPoints, v: string) => onChange({ ...renewal, likelihood: { ...renewal.likelihood, [k]: num(v) } });
  const setStep = (i: number, patch: Partial<PlanTemplateStep>) => onChange({ ...renewal, plan: renewal.plan.map((s, k) => (k === i ? { ...s, ...patch } : s)) });
  const label = (s: PlanTemplateStep) => s.title ?? (isBuiltInStep(s.id) ? t(`renewal.step.${s.id}` as MessageKey) : s.id);
  return (
    <details className="renewal-rules" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('likelihood.summary')}</summary>
      {open && <>
      <h3>{t('likelihood.title')}</h3>
      <p className="muted">{t('likelihood.hint')}</p>
      <div className="grid likelihood-points">
        {POINT_KEYS.map((k) => (
          <label key={k} className="field">
            {t(`likelihood.point.${k}` as MessageKey)}
            <input type="number" value={Number.isNaN(renewal.likelihood[k]) ? '' : renewal.likelihood[k]} onChange={(e) => setPoint(k, e.target.value)} />
          </label>
        ))}
      </div>
      <h3>{t('plan.template.title')}</h3>
      <p className="muted">{t('plan.template.hint')}</p>
      <table className="plan-template">
        <thead><tr><th>{t('plan.template.step')}</th><th>{t('plan.template.offset')}</th><th>{t('plan.template.priority')}</th><th>{t('plan.template.customer')}</th><th /></tr></thead>
        <tbody>
          {renewal.plan.map((s, i) => (
            <tr key={s.id}>
              <td><input aria-label={t('plan.template.titleFor', { step: label(s) })} value={s.title ?? (isBuiltInStep(s.id) ? '' : s.id)} placeholder={label(s)} onChange={(e) => setStep(i, e.target.value.trim() ? { title: e.target.value } : { title: undefined })} /></td>
              <td><input type="number" aria-label={`${label(s)}: ${t('plan.template.offset')}`} value={Number.isNaN(s.offset) ? '' : s.offset} onChange={(e) => setStep(i, { offset: num(e.target.value) })} /></td>
              <td>
                <select aria-label={`${label(s)}: ${t('plan.template.priority')}`} value={s.priority} onChange={(e) => setStep(i, { priority: e.target.value as Priority })}>
                  {PRIORITIES.map((p) => <option key={p} value={p}>{t(`renewal.prio.${p}` as MessageKey)}</option>)}
                </select>
              </td>
              <td><input type="checkbox" aria-label={`${label(s)}: ${t('plan.template.customer')}`} checked={s.customer} onChange={(e) => setStep(i, { customer: e.target.checked })} /></td>
              <td><button type="button" className="link" onClick={() => onChange({ ...renewal, plan: renewal.plan.filter((_, k) => k !== i) })}>{t('plan.template.remove')}</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="row" aria-label={t('plan.template.add')} onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const name = title.trim();
        const offset = num(String(f.get('offset') ?? ''));
        if (!name || Number.isNaN(offset)) return;
        onChange({ ...renewal, plan: [...renewal.plan, { id: newStepId(name, renewal.plan), title: name, offset, priority: f.get('priority') as Priority, customer: f.get('customer') === 'on' }] });
        setTitle('');
      }}>
        <input aria-label={t('plan.template.newTitle')} value={title} onChange={(e) => setTitle(e.target.value)} />
        <input name="offset" type="number" aria-label={t('plan.template.offset')} defaultValue={30} />
        <select name="priority" aria-label={t('plan.template.priority')} defaultValue="medium">
          {PRIORITIES.map((p) => <option key={p} value={p}>{t(`renewal.prio.${p}` as MessageKey)}</option>)}
        </select>
        <label><input name="customer" type="checkbox" /> {t('plan.template.customer')}</label>
        <button type="submit">{t('plan.template.add')}</button>
      </form>
      </>}
    </details>
  );
}
