import { daysBetween, localDate } from '../../../shared/dates/local-date';
import type { MessageKey } from '../../../shared/i18n';
import type { Account } from '../../../data/model/account';
import type { Cta } from '../../../data/model/records';
import { activation, KEY_ACTION_KEY, keyActionTick, milestonesFor, ONBOARDING_DAYS, onboardingStatus, templateFor, type Activation, type KeyAction } from '..';
import { milestoneTitle } from '../template-text';
import { putRecordVia, removeRecordVia, updateRecordVia, useRecords } from '../../../platform/panel/data-client';
import { formatDate } from '../../../shared/ui/format';
import { useTr } from '../../../shared/i18n/I18n';
import { useOnboardingTemplates } from './use-templates';

/**
 * The first 90 days: milestones with due dates (overdue ones raise calls to
 * action), the colour of the open CTAs, the days left in the window, and
 * whether the customer is activated: the key action of the account's
 * template done at its frequency (from usage data, or ticked by the CSM).
 * Shown for accounts with milestones, or signed in the last 90 days.
 */
export function OnboardingCard({ account, ctas, now }: { account: Account; ctas: Cta[] | undefined; now: Date }) {
  const tr = useTr();
  const { t } = tr;
  const today = localDate(now);
  const milestones = useRecords('milestones', account.id);
  const snapshots = useRecords('snapshots', account.id);
  const templates = useOnboardingTemplates();
  if (!milestones || !snapshots || !ctas || !account.signedAt) return null;
  const signedAt = account.signedAt;
  const age = daysBetween(signedAt, today);
  const all = milestones.filter((m) => !m.deleted);
  const live = all.filter((m) => m.key !== KEY_ACTION_KEY);
  if (all.length === 0 && (age < 0 || age >= ONBOARDING_DAYS)) return null;
  const template = templateFor(templates, account.segment);
  const status = onboardingStatus(live, ctas, signedAt, today);

  // Milestones sit at fixed ids (one per template step): starting again brings removed ones back, not done.
  const start = async () => {
    for (const draft of milestonesFor(account.id, signedAt, template.milestones, account.csm)) await putRecordVia('milestones', draft, draft, { unset: ['doneAt'] });
  };
  return (
    <section className="card" aria-labelledby="onboarding-title" data-testid="onboarding-card">
      <h2 id="onboarding-title">{t('onboarding.title')}</h2>
      <p>
        <span className={`badge band-${status.colour}`}>{t(`onboarding.colour.${status.colour}` as MessageKey)}</span>{' '}
        {status.inWindow ? t('onboarding.daysLeft', { n: status.daysLeft }) : t('onboarding.closed')}
      </p>
      {template.keyAction && (
        <KeyActionStatus keyAction={template.keyAction}
          state={activation({ keyAction: template.keyAction, snapshots, milestones, signedAt, today })}
          onTick={() => {
            const tick = keyActionTick(account.id, signedAt, today, account.csm);
            void putRecordVia('milestones', milestones.find((m) => m.id === tick.id) ?? tick, tick);
          }}
          onUntick={() => {
            const tick = milestones.find((m) => m.key === KEY_ACTION_KEY && !m.deleted);
            if (tick) void removeRecordVia('milestones', tick);
          }} />
      )}
      {live.length === 0 ? (
        <>
          <p className="muted">{t('onboarding.none')}</p>
          <button type="button" onClick={() => void start()}>{t('onboarding.start')}</button>
        </>
      ) : (
        <ul className="milestones">
          {[...live].sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1)).map((m) => {
            const overdue = !m.doneAt && m.dueDate < today;
            const name = milestoneTitle(m, tr);
            return (
              <li key={m.id} className={overdue ? 'overdue' : ''}>
                <span>{name}</span>{' '}
                <span className="muted">
                  · {formatDate(m.dueDate, tr.locale)}
                  {m.doneAt ? ` · ${t('onboarding.doneOn', { date: formatDate(m.doneAt, tr.locale) })}` : overdue ? ` · ${t('onboarding.overdue')}` : ''}
                </span>{' '}
                {!m.doneAt && (
                  <button type="button" className="link" aria-label={t('onboarding.markDoneLabel', { title: name })}
                    onClick={() => void updateRecordVia('milestones', m, { doneAt: today })}>
                    {t('onboarding.markDone')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function KeyActionStatus({ keyAction, state, onTick, onUntick }: { keyAction: KeyAction; state: Activation; onTick: () => void; onUntick: () => void }) {
  const tr = useTr();
  const { t } = tr;
  const weeks = 'weeksDone' in state && state.weeksDone !== undefined ? t('onboarding.activation.weeks', { done: state.weeksDone, weeks: state.weeks }) : null;
  return (
    <div className="key-action" data-testid="activation" data-state={state.state}>
      <p>
        <strong>{t('onboarding.activation.title', { action: keyAction.name ?? keyAction.event ?? t('onboarding.activation.unnamed') })}</strong>{' '}
        <span className="muted small">{t('onboarding.activation.frequency', { times: keyAction.timesPerWeek, weeks: keyAction.weeks })}</span>
      </p>
      {state.state === 'activated' ? (
        <p>
          <span className="badge band-green">{t('onboarding.activation.activated', { date: formatDate(state.on, tr.locale) })}</span>{' '}
          <span className="muted small">{t(`onboarding.activation.via.${state.via}`)}</span>{' '}
          {state.via === 'tick' && (
            <button type="button" className="link" aria-label={t('onboarding.activation.untickLabel')} onClick={onUntick}>{t('onboarding.activation.untick')}</button>
          )}
        </p>
      ) : (
        <>
          <p className={state.state === 'missed' ? 'warn' : ''}>
            {state.state === 'missed' ? t('onboarding.activation.missed') : t('onboarding.activation.notYet', { days: state.daysLeft })}
            {weeks ? ` · ${weeks}` : ''}
          </p>
          {!weeks && <p className="muted small">{t('onboarding.activation.noData')}</p>}
          {state.state === 'not_yet' && <button type="button" onClick={onTick}>{t('onboarding.activation.tick')}</button>}
        </>
      )}
    </div>
  );
}
