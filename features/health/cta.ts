import type { Account } from '../../data/model/account';
import { CTA_ACT_DAYS, draftCta, isOpenCta, type CtaDraft, type CtaRule } from '../../data/model/cta-draft';
import type { Cta, HealthSnapshot } from '../../data/model/records';
import type { IsoDate } from '../../shared/dates/local-date';
import { plusDays } from '../../shared/dates/week';
import { redStreakDays, type HealthModel } from './model';
import { healthTrend, redStreak } from './trend';

export interface HealthCtaInput {
  account: Pick<Account, 'id' | 'csm' | 'owner'>;
  snapshots: readonly HealthSnapshot[];
  model: HealthModel;
  /** Every CTA the account has, in any status, deleted ones included. */
  existing: readonly Cta[];
  today: IsoDate;
}

/**
 * health:red-streak:<accountId>:<isoWeek>: red readings spanning the model's
 * red-streak days (redStreakDays); the week is the one the run reached that
 * span, so a long red run raises one CTA and a new run after a recovery raises
 * another, one recovery at a time per account. Closed once the latest reading
 * is out of red.
 */
export const healthCtaRule: CtaRule<HealthCtaInput> = {
  evaluate({ account, snapshots, model, existing, today }) {
    const trend = healthTrend(snapshots.filter((s) => s.accountId === account.id && !s.deleted), model, today);
    const streak = redStreak(trend.points, redStreakDays(model));
    const latest = trend.points.at(-1);
    const prefix = `health:red-streak:${account.id}:`;
    // One recovery at a time: a red run already being worked on raises nothing more.
    const recovering = existing.some((c) => isOpenCta(c) && c.cause.startsWith(prefix));
    const create: CtaDraft[] = [];
    if (streak.active && streak.week && streak.reachedOn && latest && !recovering) {
      const title = { code: 'health_red_streak', params: { week: streak.week, weeks: streak.runWeeks, score: latest.score } };
      create.push(draftCta(account, 'health', `health:red-streak:${account.id}:${streak.week}`, title, plusDays(streak.reachedOn, CTA_ACT_DAYS)));
    }
    return { create, resolve: (c) => (c.cause.startsWith(prefix) && latest && latest.band !== 'red' ? 'health_recovered' : undefined) };
  },
  titles: {
    health_red_streak: (p, tr) => tr.t('cta.redStreak', { weeks: p.weeks ?? 2, score: Math.round(Number(p.score ?? 0)) }),
  },
  closedNotes: { health_recovered: 'cta.closed.health_recovered' },
  plays: {
    health_red_streak: {
      causePrefix: 'health:red-streak:',
      name: 'play.health_red_streak.name',
      steps: ['play.health_red_streak.1', 'play.health_red_streak.2', 'play.health_red_streak.3', 'play.health_red_streak.4'],
    },
  },
};
