import type { Account } from '../../data/model/account';
import { CTA_ACT_DAYS, draftCta, isOpenCta, type CtaDraft, type CtaRule } from '../../data/model/cta-draft';
import type { BandOverride, Cta, HealthSnapshot, ServicePlan } from '../../data/model/records';
import { activeOverride } from './override';
import type { IsoDate } from '../../shared/dates/local-date';
import { plusDays } from '../../shared/dates/week';
import { ownLive } from '../../shared/rows';
import { redStreakDays, type HealthModel } from './model';
import { healthTrend, redStreak, type TrendPoint } from './trend';

export interface HealthCtaInput {
  account: Pick<Account, 'id' | 'csm' | 'owner'>;
  snapshots: readonly HealthSnapshot[];
  model: HealthModel;
  /** Every CTA the account has, in any status, deleted ones included. */
  existing: readonly Cta[];
  /** The account's service plan, where a band set by hand is kept (bandOverride). */
  service?: { plans: readonly Pick<ServicePlan, 'accountId' | 'bandOverride' | 'deleted'>[] };
  today: IsoDate;
}

/**
 * health:red-streak:<accountId>:<isoWeek>: red readings spanning the model's
 * red-streak days (redStreakDays); the week is the one the run reached that
 * span, so a long red run raises one CTA and a new run after a recovery raises
 * another, one recovery at a time per account. Closed once the latest reading
 * is out of red.
 * A band set by hand (the plan's bandOverride) holds for the readings from
 * the day it was set, and counts as today's reading while it lasts: set to
 * green, no red streak is raised; set to red, today is red (and the CTA says
 * the band was set by hand). Closing still follows the computed band: a
 * recovery already under way is closed by the data or by a person, not by the
 * override. After its last day the computed bands are back.
 */
export const healthCtaRule: CtaRule<HealthCtaInput> = {
  evaluate({ account, snapshots, model, existing, today, service }) {
    const trend = healthTrend(ownLive(snapshots, account.id), model, today);
    const latest = trend.points.at(-1);
    const override = service?.plans.length ? activeOverride(service.plans.filter((p) => p.accountId === account.id), today) : undefined;
    const points = override && latest ? withBandSetByHand(trend.points, override, today) : trend.points;
    const streak = redStreak(points, redStreakDays(model));
    const prefix = `health:red-streak:${account.id}:`;
    // One recovery at a time: a red run already being worked on raises nothing more.
    const recovering = existing.some((c) => isOpenCta(c) && c.cause.startsWith(prefix));
    const create: CtaDraft[] = [];
    if (streak.active && streak.week && streak.reachedOn && latest && !recovering) {
      const title = { code: 'health_red_streak', params: { week: streak.week, weeks: streak.runWeeks, score: latest.score, ...(override ? { setByHand: override.band } : {}) } };
      create.push(draftCta(account, 'health', `health:red-streak:${account.id}:${streak.week}`, title, plusDays(streak.reachedOn, CTA_ACT_DAYS)));
    }
    return {
      create,
      resolve(c) {
        return c.cause.startsWith(prefix) && latest && latest.band !== 'red' ? 'health_recovered' : undefined;
      },
    };
  },
  titles: {
    health_red_streak: (p, tr) => tr.t(p.setByHand ? 'cta.redStreakSetByHand' : 'cta.redStreak', { weeks: p.weeks ?? 2, score: Math.round(Number(p.score ?? 0)) }),
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

/**
 * The trend points as the override has them: the day it was set and today
 * are readings in its band (the person judged the account then), and so is
 * every reading between.
 */
function withBandSetByHand(points: readonly TrendPoint[], override: BandOverride, today: IsoDate): TrendPoint[] {
  const before = points.filter((p) => p.asOf < override.setOn);
  const from = points.filter((p) => p.asOf >= override.setOn).map((p) => ({ ...p, band: override.band }));
  const score = (before.at(-1) ?? points[0]!).score;
  if (from[0]?.asOf !== override.setOn) from.unshift({ asOf: override.setOn, score, band: override.band });
  const last = from.at(-1)!;
  if (last.asOf < today) from.push({ asOf: today, score: last.score, band: override.band });
  return [...before, ...from];
}
