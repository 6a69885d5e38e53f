import { addDays, daysBetween, type IsoDate } from '../../shared/dates/local-date';
import { activation, DEFAULT_KEY_ACTION } from '../../features/onboarding';
import { peopleOf } from '../../features/people';
import { evaluateCtas } from '../../features/ctas';
import type { CtaDraft } from '../../data/model/cta-draft';
import { DEFAULT_HEALTH_MODEL } from '../../features/health';
import { healthTrend, redStreak } from '../../features/health/trend';
import { DEFAULT_RENEWAL_SETTINGS, renewalTimeline, touchpointLogs } from '../../features/renewal';
import { noPitchWindow } from '../../features/renewal/no-pitch';
import { DEFAULT_SERVICE_SETTINGS } from '../../features/service/settings';
import type { Account } from '../../data/model/account';
import type { DemoBook } from './book';
import { healthSeries } from '../../features/health-service';
import { currentHealth, latestReading, type Reading } from '../../features/health/current';
import type { Band } from '../../data/model/common';

/**
 * The stories the demo book tells, one account each. The book is dated from
 * the day it is loaded; these must hold on every day of every year, so `npm
 * run demo` and the end-to-end tests that open these accounts always show
 * the same thing. platform/demo/scenarios.test.ts checks each one for
 * every day of two years, a leap day included.
 */
export interface DemoScenario {
  account: string;
  story: string;
  /** What does not hold on `today`; empty when the story holds. */
  check(view: AccountView): string[];
}

/** One account of the book as the engine sees it on `today`, with default settings. */
export interface AccountView {
  account: Account;
  today: IsoDate;
  book: DemoBook;
  /** The CTAs a first evaluation raises. */
  ctas: CtaDraft[];
  /** The readings every surface scores: imports merged with the service signals. */
  series: Reading[];
  /** The band the panel, the portfolio and the evaluation show. */
  band?: Band;
}

export function viewOf(book: DemoBook, name: string, today: IsoDate): AccountView {
  const account = book.accounts.find((a) => a.name === name);
  if (!account) throw new Error(`No demo account named ${name}`);
  const of = <T extends { accountId: string }>(xs: readonly T[]) => xs.filter((x) => x.accountId === account.id);
  const rows = { visits: of(book.visits), reports: of(book.reports), notes: of(book.notes), promises: of(book.promises), plans: of(book.plans) };
  const series = healthSeries(account, of(book.snapshots), rows, DEFAULT_SERVICE_SETTINGS, today);
  const { create } = evaluateCtas({
    account,
    snapshots: series,
    milestones: of(book.milestones),
    outcomes: [],
    existing: [],
    model: DEFAULT_HEALTH_MODEL,
    renewalSettings: DEFAULT_RENEWAL_SETTINGS,
    logged: touchpointLogs(of(book.visits), of(book.notes)),
    handovers: of(book.handovers),
    keyPersonQuietDays: DEFAULT_SERVICE_SETTINGS.keyPersonQuietDays,
    service: { plans: of(book.plans), visits: of(book.visits), reports: of(book.reports), notes: of(book.notes), settings: DEFAULT_SERVICE_SETTINGS },
    today,
  });
  const band = currentHealth({}, latestReading(series, today), DEFAULT_HEALTH_MODEL)?.band;
  return { account, today, book, ctas: create, series, ...(band ? { band } : {}) };
}

const expect = (ok: boolean, problem: string): string[] => (ok ? [] : [problem]);
const onboardingActivation = (v: AccountView) =>
  activation({
    keyAction: DEFAULT_KEY_ACTION, signedAt: v.account.signedAt ?? v.today, today: v.today,
    snapshots: v.book.snapshots.filter((s) => s.accountId === v.account.id), milestones: v.book.milestones.filter((m) => m.accountId === v.account.id),
  });
const daysLeft = (v: AccountView) => daysBetween(v.today, v.account.contractEnd);
const touchpoint = (v: AccountView, offset: number) => {
  const of = <T extends { accountId: string }>(xs: readonly T[]) => xs.filter((x) => x.accountId === v.account.id);
  const t = renewalTimeline(v.account, touchpointLogs(of(v.book.visits), of(v.book.notes)), DEFAULT_RENEWAL_SETTINGS, v.today);
  return t.touchpoints.find((p) => p.offset === offset);
};
const hasCta = (v: AccountView, code: string, pred: (c: CtaDraft) => boolean = () => true) => v.ctas.some((c) => c.title.code === code && pred(c));

export const DEMO_SCENARIOS: readonly DemoScenario[] = [
  {
    account: 'Acme Analytics',
    story: 'enterprise, yellow, renews in 45 days; nobody has been in touch since the 60-day touchpoint came due, so it is overdue and raises a CTA',
    check: (v) => [
      ...expect(daysLeft(v) === 45, `renews in ${daysLeft(v)} days, not 45`),
      ...expect(v.band === 'yellow', `health ${v.band}, not yellow`),
      ...expect(touchpoint(v, 60)?.status === 'overdue', `60-day touchpoint ${touchpoint(v, 60)?.status}, not overdue`),
      ...expect(touchpoint(v, 30)?.status === 'upcoming', `30-day touchpoint ${touchpoint(v, 30)?.status}, not upcoming`),
      ...expect(hasCta(v, 'renewal_touchpoint', (c) => c.title.params.offset === 60), 'no CTA for the 60-day touchpoint'),
    ],
  },
  {
    account: 'Northwind Logistics',
    story: 'green, but its contract ended 20 days ago with no outcome recorded (the portfolio counts it as not recorded)',
    check: (v) => [
      ...expect(daysLeft(v) === -20, `contract end ${daysLeft(v)} days away, not 20 days ago`),
      ...expect(v.band === 'green', `health ${v.band}, not green`),
      ...expect(!v.book.outcomes.some((o) => o.accountId === v.account.id), 'has an outcome recorded'),
    ],
  },
  {
    account: '天津港湾航运',
    story: 'churned in CNY when its contract ended 14 days ago: symptom price, root cause poor service',
    check: (v) => {
      const o = v.book.outcomes.filter((x) => x.accountId === v.account.id);
      return [
        ...expect(daysLeft(v) === -14, `contract end ${daysLeft(v)} days away, not 14 days ago`),
        ...expect(o.length === 1 && o[0]!.kind === 'churned' && o[0]!.date === v.account.contractEnd, 'no churn recorded on its contract end'),
        ...expect(o[0]?.currency === 'CNY' && o[0]?.rootCause === 'poor_service' && o[0]?.symptom === 'price', 'not a CNY churn from poor service'),
      ];
    },
  },
  {
    account: '上海云帆科技',
    story: 'a Chinese enterprise customer, red for three weekly readings (two weeks running), renewing in 5 days',
    check: (v) => {
      const trend = healthTrend(v.series, DEFAULT_HEALTH_MODEL, v.today);
      return [
        ...expect(daysLeft(v) === 5, `renews in ${daysLeft(v)} days, not 5`),
        ...expect(redStreak(trend.points).active, 'no red streak'),
        ...expect(hasCta(v, 'health_red_streak'), 'no red-streak CTA'),
        ...expect(v.account.currency === 'CNY', 'not in CNY'),
      ];
    },
  },
  {
    account: 'Aperture Labs',
    story: 'signed 7 days ago: the last day of the no-pitch window, onboarding with 83 of 90 days left and nothing overdue yet',
    check: (v) => [
      ...expect(v.account.signedAt !== undefined && daysBetween(v.account.signedAt, v.today) === 7, 'not signed 7 days ago'),
      ...expect(noPitchWindow(v.account.signedAt, v.today).active, 'no-pitch window not active'),
      ...expect(v.book.milestones.filter((m) => m.accountId === v.account.id).length === 4, 'not 4 onboarding milestones'),
      ...expect(!hasCta(v, 'onboarding_milestone'), 'an onboarding milestone is already overdue'),
    ],
  },
  {
    account: 'Soylent Foods',
    story: 'signed 72 days ago with no onboarding milestone done: kick-off and the workshop (needs another team) are overdue; not activated yet, the key action in 2 of 4 weeks with 18 days left',
    check: (v) => [
      ...expect(v.account.signedAt !== undefined && daysBetween(v.account.signedAt, v.today) === 72, 'not signed 72 days ago'),
      ...((a) => expect(a.state === 'not_yet' && a.weeksDone === 2 && a.daysLeft === 18, `key action ${JSON.stringify(a)}, not 2 of 4 weeks with 18 days left`))(onboardingActivation(v)),
      ...expect(hasCta(v, 'onboarding_milestone', (c) => c.title.params.key === 'kick_off'), 'kick-off not overdue'),
      ...expect(hasCta(v, 'onboarding_milestone', (c) => c.title.params.key === 'workshop_60pct' && c.needsOtherTeam === true), 'workshop not overdue with another team'),
    ],
  },
  {
    account: 'Vandelay Imports',
    story: 'no usage data imported: scored from its visits, reports, boss reviews, promises and the CSM’s read alone',
    check: (v) => [
      ...expect(!v.book.snapshots.some((s) => s.accountId === v.account.id) && !v.account.health, 'has imported health'),
      ...expect(v.band !== undefined, 'no score from its service records'),
      ...expect(v.book.visits.some((x) => x.accountId === v.account.id && x.sentiment), 'no visit with the CSM’s read'),
    ],
  },
  {
    account: 'Globex Retail',
    story: 'its champion left the customer 3 days ago: a call to action for the CSM; the boss decides, the IT lead opposes',
    check: (v) => {
      const people = peopleOf(v.book.handovers.filter((h) => h.accountId === v.account.id));
      return [
        ...expect(hasCta(v, 'person_left', (c) => c.title.params.role === 'champion' && c.dueDate === addDays(v.today, 4)), 'no CTA for the champion who left'),
        ...expect(people.some((p) => p.role === 'boss' && p.stance === 'decision_maker') && people.some((p) => p.stance === 'opponent'), 'no decision-maker and opponent'),
      ];
    },
  },
  {
    account: 'Monarch Solutions',
    story: 'signed 69 days ago and activated: the usage data shows the key action weekly in four weeks',
    check: (v) => {
      const a = onboardingActivation(v);
      return expect(a.state === 'activated' && a.via === 'usage', `key action ${a.state}, not activated from usage`);
    },
  },
  {
    account: '西安丝路文旅',
    story: 'a Chinese customer on 纷享销客 (fxiaoke), in CNY',
    check: (v) => [
      ...expect(v.account.crm === 'fxiaoke', `on ${v.account.crm}, not fxiaoke`),
      ...expect(v.account.currency === 'CNY', 'not in CNY'),
    ],
  },
];

/** Every scenario that does not hold on `today`, with its problems. */
export function brokenScenarios(book: DemoBook, today: IsoDate): { account: string; problems: string[] }[] {
  return DEMO_SCENARIOS.map((s) => ({ account: s.account, problems: s.check(viewOf(book, s.account, today)) })).filter((r) => r.problems.length > 0);
}
