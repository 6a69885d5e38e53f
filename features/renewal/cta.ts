import type { Account } from '../../data/model/account';
import { draftCta, type CtaDraft, type CtaRule } from '../../data/model/cta-draft';
import type { RenewalOutcome } from '../../data/model/records';
import { currentTermOutcome } from '../../data/model/terms';
import type { IsoDate } from '../../shared/dates/local-date';
import { cadenceFor, type RenewalSettings } from './settings';
import { renewalTimeline, type RenewalTimeline, type TouchpointLog } from './timeline';
import { dayIndex } from '../../shared/dates/week';

export interface TouchpointCtaInput {
  account: Pick<Account, 'id' | 'contractEnd' | 'contractStart' | 'segment' | 'csm' | 'owner'>;
  /** A term whose latest outcome is churned raises no touchpoint: there is nothing left to renew. */
  outcomes?: readonly RenewalOutcome[];
  renewalSettings: RenewalSettings;
  /** Contacts that keep renewal touchpoints (see touchpointLogs); none means none were made. */
  logged?: readonly TouchpointLog[];
  today: IsoDate;
}

/**
 * renewal:<accountId>:<contractEnd>:<offset>: a touchpoint overdue while its
 * window is still open (before expiry; once the next touchpoint is due that
 * one matters instead), so an account picked up late gets one CTA, not five.
 * Due on the touchpoint's own date, so it reads as overdue in the Today list
 * and on the badge. Closed when the touchpoint is kept, or when the contract
 * end moves.
 */
export const touchpointCtaRule: CtaRule<TouchpointCtaInput> = {
  evaluate({ account, renewalSettings, logged, today, outcomes }) {
    // The timeline is worked out when a touchpoint can be overdue now, or when an open renewal CTA asks.
    let timeline: RenewalTimeline | undefined;
    const timelineOf = () => (timeline ??= renewalTimeline(account, logged ?? [], renewalSettings, today));
    const create: CtaDraft[] = [];
    if (mayBeOverdue(account, renewalSettings, today) && !timelineOf().expired && currentTermOutcome(account, outcomes ?? [])?.kind !== 'churned') {
      for (const tp of timelineOf().touchpoints) {
        if (tp.status !== 'overdue' || today > tp.windowEnd) continue;
        const params = { offset: tp.offset, due: tp.due, contractEnd: account.contractEnd, mode: tp.mode };
        create.push(draftCta(account, 'renewal', `renewal:${account.id}:${account.contractEnd}:${tp.offset}`, { code: 'renewal_touchpoint', params }, tp.due));
      }
    }
    const prefix = `renewal:${account.id}:`;
    return {
      create,
      resolve(c: { cause: string }) {
        if (!c.cause.startsWith(prefix)) return undefined;
        const [end, offset] = c.cause.slice(prefix.length).split(':');
        if (end !== account.contractEnd) return 'contract_moved';
        return timelineOf().touchpoints.some((t) => String(t.offset) === offset && t.status === 'done') ? 'touchpoint_done' : undefined;
      },
    };
  },
  titles: {
    renewal_touchpoint: (p, tr) => tr.t(p.mode === 'automated' ? 'cta.touchpointAutomated' : 'cta.touchpoint', { offset: p.offset ?? '' }),
  },
  closedNotes: { touchpoint_done: 'cta.closed.touchpoint_done', contract_moved: 'cta.closed.contract_moved' },
  plays: {
    renewal_touchpoint: {
      causePrefix: 'renewal:',
      name: 'play.renewal_touchpoint.name',
      steps: ['play.renewal_touchpoint.1', 'play.renewal_touchpoint.2', 'play.renewal_touchpoint.3', 'play.renewal_touchpoint.4'],
    },
  },
};

/**
 * Whether any touchpoint can be overdue on `today`: not once the contract has
 * ended, nor while the furthest touchpoint is still ahead (every one is then
 * upcoming). Most accounts of a book are one or the other.
 */
function mayBeOverdue(account: TouchpointCtaInput['account'], settings: RenewalSettings, today: IsoDate): boolean {
  const daysLeft = dayIndex(account.contractEnd) - dayIndex(today);
  if (daysLeft < 0) return false;
  for (const offset of cadenceFor(account.segment, settings).offsets) if (offset - daysLeft >= 0) return true;
  return false;
}

/** The resolver of a rule that closes nothing. */
const nothing = (): undefined => undefined;

export interface ChurnCtaInput {
  account: Pick<Account, 'id' | 'csm' | 'owner'>;
  outcomes: readonly RenewalOutcome[];
}

/**
 * churn-recovery:<outcomeId>: the customer said they will not renew. Recovery
 * starts at once and goes beyond the CSM (sales lead, management): it needs
 * another team. Never closed by the data: a person decides.
 */
export const churnCtaRule: CtaRule<ChurnCtaInput> = {
  evaluate({ account, outcomes }) {
    const create: CtaDraft[] = [];
    for (const o of outcomes) {
      if (o.accountId !== account.id || o.deleted || o.kind !== 'will_not_renew') continue;
      const params = { date: o.date, ...(o.symptom ? { symptom: o.symptom } : {}), ...(o.rootCause ? { rootCause: o.rootCause } : {}) };
      create.push(draftCta(account, 'renewal', `churn-recovery:${o.id}`, { code: 'churn_recovery', params }, o.date, { needsOtherTeam: true }));
    }
    return { create, resolve: nothing };
  },
  titles: { churn_recovery: (_p, tr) => tr.t('cta.churnRecovery') },
  closedNotes: {},
  plays: {
    churn_recovery: {
      causePrefix: 'churn-recovery:',
      name: 'play.churn_recovery.name',
      steps: ['play.churn_recovery.1', 'play.churn_recovery.2', 'play.churn_recovery.3', 'play.churn_recovery.4'],
    },
  },
};
