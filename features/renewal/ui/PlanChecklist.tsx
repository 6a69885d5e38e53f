import { useState } from 'react';
import { localDate } from '../../../shared/dates/local-date';
import type { MessageKey } from '../../../shared/i18n';
import { tickPlanStepVia } from '../../../platform/panel/data-client';
import { useTr } from '../../../shared/i18n/I18n';
import { formatDate } from '../../../shared/ui/format';
import { saveFailed, FormMessage, type FormNote } from '../../../shared/ui/FormMessage';
import { openSteps, type PlanStep, type RenewalPlan } from '../plan';

/** A step's wording: the team's own title, else the built-in step's. */
export const stepTitle = (s: Pick<PlanStep, 'id' | 'title'>, t: (k: MessageKey) => string): string => s.title ?? t(`renewal.step.${s.id}` as MessageKey);

/**
 * The current term's 90-day plan, ticked off step by step: each tick is a
 * field of the term's record, so it syncs like any written record. Shows the
 * next open steps; the whole plan unfolds below them.
 */
export function PlanChecklist({ accountId, plan, now }: { accountId: string; plan: RenewalPlan; now: Date }) {
  const tr = useTr();
  const { t } = tr;
  const [message, setMessage] = useState<FormNote>(null);
  const tick = async (s: PlanStep, done: boolean) => {
    try {
      await tickPlanStepVia({ accountId, step: s.id, doneAt: done ? localDate(now) : null });
      setMessage(null);
    } catch (err) {
      setMessage({ ok: false, text: saveFailed(t, err) });
    }
  };
  const item = (s: PlanStep) => (
    <li key={s.id} className={s.doneAt ? 'done' : ''} data-testid={`plan-${s.id}`}>
      <label>
        <input type="checkbox" checked={Boolean(s.doneAt)} aria-label={t('renewal.plan.tick', { step: stepTitle(s, t) })} onChange={(e) => void tick(s, e.target.checked)} />{' '}
        <span className={`prio prio-${s.priority}`}>{t(`renewal.prio.${s.priority}` as MessageKey)}</span> {stepTitle(s, t)}{' '}
        <span className="muted">· {s.doneAt ? t('renewal.plan.doneOn', { date: formatDate(s.doneAt, tr.locale) }) : formatDate(s.due, tr.locale)}</span>
      </label>
    </li>
  );
  const next = openSteps(plan);
  return (
    <div className="plan-checklist">
      <h3>{t('renewal.nextSteps')}</h3>
      <ul className="plan">{next.map(item)}</ul>
      <details>
        <summary>{t('renewal.plan.title', { done: plan.done, total: plan.steps.length })}</summary>
        <ul className="plan">{plan.steps.map(item)}</ul>
      </details>
      <FormMessage message={message} />
    </div>
  );
}
