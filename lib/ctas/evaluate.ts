import type { IsoDate } from '../dates/local-date';
import { plusDays } from '../health/week';
import { redStreakDays, type HealthModel } from '../health/model';
import { healthTrend, redStreak } from '../health/trend';
import type { Account } from '../model/account';
import type { Cta, HealthSnapshot, Milestone, RenewalOutcome } from '../model/records';
import { ONBOARDING_TEMPLATE, type MilestoneTemplate } from '../onboarding/template';
import { isOpenCta } from '../onboarding/status';
import type { RenewalSettings } from '../renewal/settings';
import { renewalTimeline, type TouchpointLog } from '../renewal/timeline';
import { ctaId, type CtaDraft, type CtaSource, type CtaTitle } from './draft';
import { serviceCtas, type ServiceCloseReason, type ServiceCtaInput } from '../service/ctas';

export interface CtaEvaluationInput {
  account: Pick<Account, 'id' | 'contractEnd' | 'contractStart' | 'owner' | 'csm' | 'segment' | 'signedAt'>;
  snapshots: readonly HealthSnapshot[];
  milestones: readonly Milestone[];
  outcomes: readonly RenewalOutcome[];
  /** Every CTA the account has, in any status, deleted ones included. */
  existing: readonly Cta[];
  model: HealthModel;
  renewalSettings: RenewalSettings;
  /** Contacts that keep renewal touchpoints (see touchpointLogs); none means none were made. */
  logged?: readonly TouchpointLog[];
  onboardingTemplate?: readonly MilestoneTemplate[];
  /** The service rhythm and expectation notes; without them no service CTAs are raised. */
  service?: Omit<ServiceCtaInput, 'account' | 'today'>;
  today: IsoDate;
}

export type CloseReason = 'health_recovered' | 'touchpoint_done' | 'contract_moved' | 'milestone_done' | 'milestone_removed' | ServiceCloseReason;

export interface CtaClosure {
  id: string;
  cause: string;
  reason: CloseReason;
}

export interface CtaEvaluation {
  create: CtaDraft[];
  /** Open CTAs whose cause the data now shows resolved. Churn recovery is never closed here: a person decides. */
  close: CtaClosure[];
}

/** Days to act on a CTA raised from a dated event: a week, the rhythm of the weekly health reading. */
export const CTA_ACT_DAYS = 7;

/**
 * Every CTA the account's data calls for, from every source, each created
 * once per cause. Causes:
 * - health:red-streak:<accountId>:<isoWeek>: two consecutive weekly readings
 *   in red; the week is the one the run reached two weeks, so a long red run
 *   raises one CTA and a new run after a recovery raises another;
 * - renewal:<accountId>:<contractEnd>:<offset>: a touchpoint overdue while its
 *   window is still open (before expiry; once the next touchpoint is due that
 *   one matters instead), so an account picked up late gets one CTA, not five;
 * - onboarding:<milestoneId>: a milestone past its due date and not done;
 * - churn-recovery:<outcomeId>: the customer said they will not renew;
 * - service:… and expectations:…: see serviceCtas.
 * A cause already on any existing CTA (open, snoozed, closed or deleted) is
 * never raised again. Due dates come from the data, not from `today`, so
 * two devices draft identical records.
 */
export function evaluateCtas(input: CtaEvaluationInput): CtaEvaluation {
  const { account, today } = input;
  const owner = account.csm ?? account.owner;
  const taken = new Set(input.existing.map((c) => c.cause));
  const create: CtaDraft[] = [];
  const add = (source: CtaSource, cause: string, title: CtaTitle, dueDate: IsoDate, extra: { owner?: string; needsOtherTeam?: boolean } = {}) => {
    if (taken.has(cause)) return;
    taken.add(cause);
    const who = extra.owner ?? owner;
    create.push({
      id: ctaId(cause),
      accountId: account.id,
      source,
      cause,
      title,
      ...(who ? { owner: who } : {}),
      dueDate,
      status: 'open',
      ...(extra.needsOtherTeam !== undefined ? { needsOtherTeam: extra.needsOtherTeam } : {}),
    });
  };
  const mine = <T extends { accountId: string; deleted?: boolean }>(xs: readonly T[]) => xs.filter((x) => x.accountId === account.id && !x.deleted);

  const trend = healthTrend(mine(input.snapshots), input.model, today);
  const streak = redStreak(trend.points, redStreakDays(input.model));
  const latest = trend.points.at(-1);
  // One recovery at a time: a red run already being worked on raises nothing more.
  const recovering = input.existing.some((c) => isOpenCta(c) && c.cause.startsWith(`health:red-streak:${account.id}:`));
  if (streak.active && streak.week && streak.reachedOn && latest && !recovering) {
    const title = { code: 'health_red_streak', params: { week: streak.week, weeks: streak.runWeeks, score: latest.score } } as const;
    add('health', `health:red-streak:${account.id}:${streak.week}`, title, plusDays(streak.reachedOn, CTA_ACT_DAYS));
  }

  const timeline = renewalTimeline(account, input.logged ?? [], input.renewalSettings, today);
  if (!timeline.expired) {
    for (const tp of timeline.touchpoints) {
      if (tp.status !== 'overdue' || today > tp.windowEnd) continue;
      const params = { offset: tp.offset, due: tp.due, contractEnd: account.contractEnd, mode: tp.mode };
      add('renewal', `renewal:${account.id}:${account.contractEnd}:${tp.offset}`, { code: 'renewal_touchpoint', params }, tp.windowEnd);
    }
  }

  const template = input.onboardingTemplate ?? ONBOARDING_TEMPLATE;
  const milestones = mine(input.milestones);
  for (const m of milestones) {
    if (m.doneAt || m.dueDate >= today) continue;
    const needsOtherTeam = template.find((t) => t.key === m.key)?.needsOtherTeam ?? false;
    const title = { code: 'onboarding_milestone', params: { key: m.key, title: m.title, due: m.dueDate } } as const;
    add('onboarding', `onboarding:${m.id}`, title, plusDays(m.dueDate, CTA_ACT_DAYS), { ...(m.owner ? { owner: m.owner } : {}), needsOtherTeam });
  }

  for (const o of mine(input.outcomes)) {
    if (o.kind !== 'will_not_renew') continue;
    const params = { date: o.date, ...(o.symptom ? { symptom: o.symptom } : {}), ...(o.rootCause ? { rootCause: o.rootCause } : {}) };
    // Recovery starts at once and goes beyond the CSM (sales lead, management): it needs another team.
    add('renewal', `churn-recovery:${o.id}`, { code: 'churn_recovery', params }, o.date, { needsOtherTeam: true });
  }

  const service = input.service ? serviceCtas({ ...input.service, account, today }, input.existing) : { create: [], close: [] };
  for (const d of service.create) {
    if (taken.has(d.cause)) continue;
    taken.add(d.cause);
    create.push(d);
  }

  const close: CtaClosure[] = [...service.close];
  const milestoneById = new Map(input.milestones.map((m) => [m.id, m]));
  const renewalPrefix = `renewal:${account.id}:`;
  for (const c of input.existing) {
    if (!isOpenCta(c) || c.accountId !== account.id) continue;
    let reason: CloseReason | undefined;
    if (c.cause.startsWith(`health:red-streak:${account.id}:`)) {
      if (latest && latest.band !== 'red') reason = 'health_recovered';
    } else if (c.cause.startsWith(renewalPrefix)) {
      const [end, offset] = c.cause.slice(renewalPrefix.length).split(':');
      if (end !== account.contractEnd) reason = 'contract_moved';
      else if (timeline.touchpoints.some((t) => String(t.offset) === offset && t.status === 'done')) reason = 'touchpoint_done';
    } else if (c.cause.startsWith('onboarding:')) {
      const m = milestoneById.get(c.cause.slice('onboarding:'.length));
      if (m?.deleted) reason = 'milestone_removed';
      else if (m?.doneAt) reason = 'milestone_done';
    }
    if (reason) close.push({ id: c.id, cause: c.cause, reason });
  }
  return { create, close };
}
