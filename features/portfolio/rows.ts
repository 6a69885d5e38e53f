import { addDays, type IsoDate } from '../../shared/dates/local-date';
import { healthTrend, type HealthModel } from '../health';
import { bandOf } from '../health/band';
import { dayIndex } from '../../shared/dates/week';
import { promiseRisks as risksOf, weighsOnRenewal } from '../expectations/risks';
import type { Account } from '../../data/model/account';
import type { Band, Segment } from '../../data/model/common';
import type { BandOverride, Cta, ExpectationNote, HealthSnapshot, Milestone, PromiseRecord, RenewalOutcome, ServicePlan, ServiceVisit } from '../../data/model/records';
import { activeOverride } from '../health/override';
import { isOpenCta } from '../onboarding/status';
import { likelihoodInput, renewalLikelihood, renewalTimeline, touchpointLogs, type LikelihoodFacts, type LikelihoodPoints, type RenewalEvent, type RenewalSettings, type RenewalTimeline } from '../renewal';
import type { HealthTrend } from '../health/trend';
import { monthOf } from '../../shared/dates/calendar';
import { currentTermOutcome } from '../../data/model/terms';

/** Where the contract end sits from today: the portfolio's renewal-window filter. */
export type RenewalWindow = 'overdue' | '0-30' | '31-90' | '91-180' | 'later';
export const RENEWAL_WINDOWS: readonly RenewalWindow[] = ['overdue', '0-30', '31-90', '91-180', 'later'];

export function renewalWindow(daysLeft: number): RenewalWindow {
  if (daysLeft < 0) return 'overdue';
  if (daysLeft <= 30) return '0-30';
  if (daysLeft <= 90) return '31-90';
  if (daysLeft <= 180) return '91-180';
  return 'later';
}

/** One account as the portfolio shows it: everything sortable and filterable, already computed. */
export interface PortfolioRow {
  id: string;
  name: string;
  crm: Account['crm'];
  recordId: string;
  orgKey?: string;
  owner?: string;
  csm?: string;
  segment?: Segment;
  arr?: number;
  currency?: string;
  score: number | null;
  /** The band the row shows: a band set by hand while it lasts (bandOverride), else the computed one. */
  band: Band | null;
  /** Set with bandOverride: the band the engine computed, still shown next to the one set by hand. */
  computedBand?: Band | null;
  /** The band set by hand in force today: who set it, why and until when. */
  bandOverride?: BandOverride;
  /** The latest weekly scores, oldest first (the sparkline). */
  trend: number[];
  contractEnd: IsoDate;
  daysToRenewal: number;
  window: RenewalWindow;
  nextTouchpoint?: { offset: number; due: IsoDate };
  lastVisit?: IsoDate;
  visitedThisMonth: boolean;
  openCtas: number;
  promiseRisks: number;
  /** Renewal likelihood today, 0–100, as the account's renewal card shows it. */
  likelihood?: number;
}

export interface PortfolioInput {
  accounts: readonly Account[];
  snapshots: readonly HealthSnapshot[];
  ctas: readonly Cta[];
  visits: readonly ServiceVisit[];
  notes: readonly ExpectationNote[];
  promises: readonly PromiseRecord[];
  outcomes?: readonly RenewalOutcome[];
  /** The service plans, where a band set by hand is kept. */
  plans?: readonly ServicePlan[];
  /** Onboarding milestones: one still open past its due date weighs on the likelihood, as on the renewal card. */
  milestones?: readonly Milestone[];
  model: HealthModel;
  renewal: RenewalSettings;
  today: IsoDate;
}

export const TREND_POINTS = 12;

function byAccount<T extends { accountId: string; deleted?: boolean }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    if (r.deleted) continue;
    const list = map.get(r.accountId);
    if (list) list.push(r);
    else map.set(r.accountId, [r]);
  }
  return map;
}

/**
 * The book as rows: health from the engine's score of the latest reading
 * (else the stored summary), renewal timing, the next touchpoint not yet
 * kept, the last visit, open CTAs and promises at risk. One pass over each
 * table, grouped by account, so 10,000 accounts stay a matter of milliseconds
 * per thousand.
 */
export function portfolioRows(input: PortfolioInput): PortfolioRow[] {
  const { today } = input;
  const todayIndex = dayIndex(today);
  const thisMonth = monthOf(today);
  const snapshots = byAccount(input.snapshots);
  const ctas = byAccount(input.ctas);
  const visits = byAccount(input.visits);
  const notes = byAccount(input.notes);
  const promises = byAccount(input.promises);
  const outcomes = byAccount(input.outcomes ?? []);
  const plans = byAccount(input.plans ?? []);
  const milestones = byAccount(input.milestones ?? []);
  return input.accounts.map((a) => {
    const trend = healthTrend(snapshots.get(a.id) ?? [], input.model, today);
    const latest = trend.points.at(-1);
    const accountVisits = visits.get(a.id) ?? [];
    const timeline = renewalTimeline(a, touchpointLogs(accountVisits, notes.get(a.id) ?? []), input.renewal, today);
    const next = timeline.touchpoints.find((t) => t.status !== 'done' && t.windowEnd >= today);
    let lastVisit: IsoDate | undefined;
    for (const v of accountVisits) if (v.date <= today && (!lastVisit || v.date > lastVisit)) lastVisit = v.date;
    const daysToRenewal = dayIndex(a.contractEnd) - todayIndex;
    // A stored health without a band (a server that sends only scores) is banded by the model's cut-offs, as the panel does.
    const computed = latest?.band ?? a.health?.band ?? (a.health ? bandOf(a.health.score, input.model.bands) : null);
    const override = activeOverride(plans.get(a.id), today);
    // The column counts every risk the promise ledger flags; the likelihood only those that weigh on the renewal.
    const risks = risksOf(promises.get(a.id) ?? [], today, a.signedAt);
    const promiseRisks = risks.length;
    const likelihood = likelihoodOf(a, trend, timeline, {
      // Only the current term's latest word counts, as on the renewal card: a "will not renew" from an earlier term, or one a later outcome replaced, does not.
      latestOutcome: currentTermOutcome(a, outcomes.get(a.id) ?? [])?.kind,
      override,
      promisesAtRisk: risks.filter((r) => weighsOnRenewal(r.risk)).length,
      onboardingUnfinished: (milestones.get(a.id) ?? []).some((m) => !m.doneAt && m.dueDate < today),
    }, input.renewal.likelihood);
    return {
      id: a.id,
      name: a.name,
      crm: a.crm,
      recordId: a.recordId,
      ...(a.orgKey ? { orgKey: a.orgKey } : {}),
      ...(a.owner ? { owner: a.owner } : {}),
      ...(a.csm ? { csm: a.csm } : {}),
      ...(a.segment ? { segment: a.segment } : {}),
      ...(a.arr !== undefined ? { arr: a.arr } : {}),
      ...(a.currency ? { currency: a.currency } : {}),
      score: latest ? Math.round(latest.score) : (a.health?.score ?? null),
      ...(override ? { band: override.band, computedBand: computed, bandOverride: override } : { band: computed }),
      trend: trend.points.slice(-TREND_POINTS).map((p) => Math.round(p.score)),
      contractEnd: a.contractEnd,
      daysToRenewal,
      window: renewalWindow(daysToRenewal),
      ...(next ? { nextTouchpoint: { offset: next.offset, due: next.due } } : {}),
      ...(lastVisit ? { lastVisit } : {}),
      visitedThisMonth: accountVisits.some((v) => monthOf(v.date) === thisMonth && v.date <= today),
      openCtas: (ctas.get(a.id) ?? []).filter(isOpenCta).length,
      promiseRisks,
      likelihood,
    };
  });
}

/** The renewal likelihood with the inputs and points the renewal card gives it (one builder, likelihoodInput), so the row and the card agree. */
function likelihoodOf(a: Pick<Account, 'health'>, trend: HealthTrend, timeline: RenewalTimeline, facts: Omit<LikelihoodFacts, 'computedBand' | 'trendDirection'>, points?: LikelihoodPoints): number {
  const { override, latestOutcome, ...rest } = facts;
  return renewalLikelihood(likelihoodInput(timeline, {
    computedBand: trend.points.at(-1)?.band ?? a.health?.band ?? null,
    trendDirection: trend.direction,
    ...(override ? { override } : {}),
    ...(latestOutcome ? { latestOutcome } : {}),
    ...rest,
  }), points).likelihood;
}

/**
 * For each renewed or churned outcome, the likelihood as it stood the day
 * before it was recorded, and whether it renewed: the backtest's points.
 * Replayed from the records dated up to that day (readings, visits, notes, a
 * "will not renew" within the term), with the term's end the outcome was
 * matched to (else the outcome's date). Approximated: today's health model and
 * renewal settings, the account's segment and stored health as they are now,
 * and each record in its latest version (an edit made after the outcome shows).
 */
export function likelihoodBacktest(input: Omit<PortfolioInput, 'today' | 'ctas' | 'promises'>, events: readonly RenewalEvent[]): { predicted: number; renewed: boolean }[] {
  const accounts = new Map(input.accounts.map((a) => [a.id, a]));
  const snapshots = byAccount(input.snapshots);
  const visits = byAccount(input.visits);
  const notes = byAccount(input.notes);
  const outcomes = byAccount(input.outcomes ?? []);
  const out: { predicted: number; renewed: boolean }[] = [];
  for (const e of events) {
    const a = accounts.get(e.accountId);
    if (!a || e.status === 'not_recorded') continue;
    const day = addDays(e.date, -1);
    const end = e.termEnd ?? e.date;
    const upTo = <T extends { date?: IsoDate; doneAt?: IsoDate }>(xs: readonly T[]) => xs.filter((x) => (x.date ?? x.doneAt ?? '9999-12-31') <= day);
    const trend = healthTrend(snapshots.get(a.id) ?? [], input.model, day);
    const asThen = { ...a, contractEnd: end, health: a.health && a.health.asOf <= day ? a.health : undefined };
    const timeline = renewalTimeline(asThen, touchpointLogs(upTo(visits.get(a.id) ?? []), upTo(notes.get(a.id) ?? [])), input.renewal, day);
    const warned = (outcomes.get(a.id) ?? []).some((o) => o.kind === 'will_not_renew' && o.date <= day && o.date > addDays(end, -365));
    out.push({ predicted: likelihoodOf(asThen, trend, timeline, { ...(warned ? { latestOutcome: 'will_not_renew' as const } : {}) }, input.renewal.likelihood), renewed: e.status === 'renewed' });
  }
  return out;
}
