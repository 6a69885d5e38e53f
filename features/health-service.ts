import type { IsoDate } from '../shared/dates/local-date';
import { ruleOf } from '../shared/dates/calendar';
import type { Account } from '../data/model/account';
import type { ExpectationNote, HealthSnapshot, MonthlyReport, PromiseRecord, ServicePlan, ServiceVisit } from '../data/model/records';
import { serviceSignals, type ServiceSignals, type SignalRules } from './health/signals';
import type { ServiceInputs } from './health/model';
import { mergedSeries, type Reading } from './health/current';
import { serviceMonthOf } from './service/cadence';
import { rhythmOf, type ServiceSettings } from './service/settings';
import { promiseRisk, weighsOnRenewal } from './expectations/risks';
import { ownLive } from '../shared/rows';

/** An account's service records: what its service dimensions are computed from. */
export interface ServiceRows {
  visits: readonly ServiceVisit[];
  reports: readonly MonthlyReport[];
  notes: readonly ExpectationNote[];
  promises: readonly PromiseRecord[];
  plans: readonly ServicePlan[];
}

type AccountFacts = Pick<Account, 'id'> & Partial<Pick<Account, 'segment' | 'signedAt' | 'contractStart'>>;

/** The signal rules of one account: its segment's rhythm and its plan's service day, with the service settings. */
export function signalRules(account: AccountFacts, plans: readonly ServicePlan[], settings: ServiceSettings): SignalRules {
  const serviceDay = ruleOf(plans.find((p) => p.accountId === account.id && !p.deleted));
  const since = account.signedAt ?? account.contractStart;
  // The same visits are placed once for every day the series scores.
  const served = new Map<IsoDate, string>();
  return {
    rhythm: rhythmOf(settings, account.segment),
    serviceDay,
    ...(since ? { since } : {}),
    firstVisitAfterDays: settings.firstVisitAfterDays,
    resetWithinDays: settings.resetWithinDays,
    servedMonth: (date) => served.get(date) ?? served.set(date, serviceMonthOf(serviceDay, date)).get(date)!,
    promiseAtRisk: (p, today) => weighsOnRenewal(promiseRisk(p, today)),
  };
}

const mine = <T extends { accountId: string }>(xs: readonly T[], id: string) => xs.filter((x) => x.accountId === id);
const recordsOf = (rows: ServiceRows, id: string) => ({ visits: mine(rows.visits, id), reports: mine(rows.reports, id), notes: mine(rows.notes, id), promises: mine(rows.promises, id) });

/** The service dimensions of one account on a day, from its rows (rows of other accounts are ignored). */
export function accountSignals(account: AccountFacts, rows: ServiceRows, settings: ServiceSettings, day: IsoDate): ServiceSignals {
  return serviceSignals(recordsOf(rows, account.id), signalRules(account, rows.plans, settings), day);
}

/**
 * The account's health readings as every surface scores them: each imported
 * snapshot merged with the service signals of its day, and today's reading
 * (the latest import merged with today's signals) when the latest import is
 * older, or when there is no import at all but the service records say something.
 */
export function healthSeries(account: AccountFacts, snapshots: readonly HealthSnapshot[], rows: ServiceRows, settings: ServiceSettings, today: IsoDate): Reading[] {
  const records = recordsOf(rows, account.id);
  const own = mine(snapshots, account.id);
  // No service record at all: no signal on any day (serviceSignals says so first), so none is computed.
  if (!records.visits.length && !records.reports.length && !records.notes.length && !records.promises.length) return mergedSeries(account.id, own, noSignals, today);
  const rules = signalRules(account, rows.plans, settings);
  return mergedSeries(account.id, own, (day) => serviceSignals(records, rules, day).inputs, today);
}

/**
 * The readings as the CTA rules read them: healthSeries's, except that an
 * account with no service record gets its own live snapshots as they are
 * (not copied; the `imported` mark is for the health card, which rules do not
 * read). The book evaluates thousands of accounts, most of them so.
 */
export function ruleSeries(account: AccountFacts, snapshots: readonly HealthSnapshot[], rows: ServiceRows, settings: ServiceSettings, today: IsoDate): readonly Reading[] {
  if (rows.visits.length || rows.reports.length || rows.notes.length || rows.promises.length) return healthSeries(account, snapshots, rows, settings, today);
  const own = ownLive(snapshots, account.id);
  for (const s of own) if (s.asOf > today) return own.filter((x) => x.asOf <= today);
  return own;
}

const NO_SIGNALS: ServiceInputs = Object.freeze({});
const noSignals = (): ServiceInputs => NO_SIGNALS;

/** healthSeries for a whole book, grouped in one pass: the portfolio's and the evaluation's input. */
export function bookHealthSeries(accounts: readonly AccountFacts[], snapshots: readonly HealthSnapshot[], rows: ServiceRows, settings: ServiceSettings, today: IsoDate): Reading[] {
  const group = <T extends { accountId: string }>(xs: readonly T[]) => {
    const m = new Map<string, T[]>();
    for (const x of xs) (m.get(x.accountId) ?? m.set(x.accountId, []).get(x.accountId)!).push(x);
    return m;
  };
  const [s, v, r, n, p, pl] = [group(snapshots), group(rows.visits), group(rows.reports), group(rows.notes), group(rows.promises), group(rows.plans)];
  return accounts.flatMap((a) =>
    healthSeries(a, s.get(a.id) ?? [], { visits: v.get(a.id) ?? [], reports: r.get(a.id) ?? [], notes: n.get(a.id) ?? [], promises: p.get(a.id) ?? [], plans: pl.get(a.id) ?? [] }, settings, today),
  );
}
