import { liveQuery } from 'dexie';
import { SHARED_KEEP_MS, watchShared } from './shared-live';
import { readToday, watchToday } from './today';
export type { TodayData } from './today';
import { readRevalidation, readSyncStatus } from '../../data/sync/status';
import { findAccount } from '../../data/db/accounts';
import type { LensDB } from '../../data/db/db';
import { PortRequestSchema, type PortRequest, type PortResult } from '../messaging/protocol';
import { localDate } from '../../shared/dates/local-date';
import { readEngineSettings } from '../../features/engine-settings';
import { likelihoodBacktest, portfolioRows, type PortfolioRow } from '../../features/portfolio/rows';
import { bookHealthSeries } from '../../features/health-service';
import { backtest, type Backtest } from '../../features/portfolio/backtest';
import { renewalEvents, type RenewalEvent } from '../../features/renewal/terms';
import type { RenewalOutcome } from '../../data/model/records';
import { weeklyReview, type WeeklyReview } from '../../features/today/review';
import { keptRows } from './transfer/kept';

/** The parts of a runtime.Port the data port uses (a fake one in tests). */
export interface PortLike {
  postMessage(msg: PortResult): void;
  onMessage: { addListener(cb: (msg: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
}

type Watch = Exclude<PortRequest, { type: 'unwatch' }>;

/** Where the team API stands for the panel: read fresh with every database change. */
export interface PanelStatus {
  mode: 'local' | 'api';
  sync: Awaited<ReturnType<typeof readSyncStatus>>;
  revalidation?: Awaited<ReturnType<typeof readRevalidation>>;
}

/**
 * What the portfolio watch streams: the book as computed rows, the recorded
 * outcomes (churn causes), every term up for renewal (retention by period),
 * and the likelihood's backtest.
 */
export interface PortfolioData {
  rows: PortfolioRow[];
  outcomes: RenewalOutcome[];
  events: RenewalEvent[];
  backtest: Backtest;
  today: string;
}

/** Reads the whole book in one live query and computes its rows here, so the page receives rows, not tables. */
export async function readPortfolio(database: LensDB, now: Date = new Date()): Promise<PortfolioData> {
  const [accounts, imported, ctas, visits, notes, promises, stored, contracts, plans, reports, milestones] = await Promise.all([
    database.accounts.toArray(), database.snapshots.toArray(), database.ctas.toArray(), database.visits.toArray(),
    database.notes.toArray(), database.promises.toArray(), database.outcomes.toArray(), database.contracts.toArray(),
    database.plans.toArray(), database.reports.toArray(), database.milestones.toArray(),
  ]);
  const { model, renewal, service } = await readEngineSettings();
  const today = localDate(now);
  // Every row scores what the account's panel scores: the latest import merged with the service signals.
  const snapshots = bookHealthSeries(accounts, imported, { visits, reports, notes, promises, plans }, service, today);
  const outcomes = stored.filter((o) => !o.deleted);
  const rows = portfolioRows({ accounts, snapshots, ctas, visits, notes, promises, outcomes, plans, milestones, model, renewal, today });
  const events = renewalEvents({ accounts, contracts, outcomes, today });
  const points = likelihoodBacktest({ accounts, snapshots, visits, notes, outcomes, model, renewal }, events);
  return { rows, outcomes, events, backtest: backtest(points), today };
}

/** The weekly onboarding review: the team's open onboarding CTAs by owner, for this week. */
export async function readReview(database: LensDB, now: Date = new Date()): Promise<WeeklyReview> {
  const [accounts, ctas] = await Promise.all([database.accounts.toArray(), database.ctas.toArray()]);
  return weeklyReview({ accounts, ctas }, now);
}

/** The query behind each kind of watch. Everything the panel shows comes through here. */
function query(database: LensDB, w: Watch, mode: () => Promise<'local' | 'api'>): () => Promise<unknown> {
  switch (w.type) {
    case 'watch/account':
      return async () => (await findAccount(database, w.ref)) ?? null;
    case 'watch/status':
      return async () => {
        const [sync, revalidation] = await Promise.all([readSyncStatus(database), readRevalidation(database, w.ref)]);
        return { mode: await mode(), sync, ...(revalidation ? { revalidation } : {}) } satisfies PanelStatus;
      };
    case 'watch/portfolio':
      return () => readPortfolio(database);
    case 'watch/today':
      return () => readToday(database, w.person);
    case 'watch/review':
      return () => readReview(database);
    case 'watch/count':
      return () => database.accounts.count();
    case 'watch/kept':
      return () => keptRows(database);
    case 'watch/records':
      return async () =>
        (await database.table(w.kind).where('accountId').equals(w.accountId).toArray()).filter((r: { deleted?: boolean }) => !r.deleted);
  }
}

/** How long the book's computed rows stay live after the last portfolio closes: reopening is instant. */
export const PORTFOLIO_KEEP_MS = SHARED_KEEP_MS;

/**
 * Serves live queries to one connected panel: each watch streams the current
 * value and every later change; all end when the panel goes away.
 */
export function serveDataPort(port: PortLike, database: LensDB, mode: () => Promise<'local' | 'api'> = async () => 'local'): void {
  const subs = new Map<number, { unsubscribe(): void }>();
  const stop = (id: number) => {
    subs.get(id)?.unsubscribe();
    subs.delete(id);
  };
  port.onMessage.addListener((raw) => {
    const req = PortRequestSchema.safeParse(raw);
    if (!req.success) return;
    const msg = req.data;
    stop(msg.id);
    if (msg.type === 'unwatch') return;
    if (msg.type === 'watch/portfolio') {
      const off = watchShared(database, 'portfolio', () => readPortfolio(database), {
        next: (value) => port.postMessage({ type: 'result', id: msg.id, value }),
        error: (err) => port.postMessage({ type: 'error', id: msg.id, message: String(err) }),
      });
      subs.set(msg.id, { unsubscribe: off });
      return;
    }
    if (msg.type === 'watch/today') {
      subs.set(msg.id, { unsubscribe: watchToday(database, msg.person, {
        next: (value) => port.postMessage({ type: 'result', id: msg.id, value }),
        error: (err) => port.postMessage({ type: 'error', id: msg.id, message: String(err) }),
      }, msg.limit) });
      return;
    }
    subs.set(
      msg.id,
      liveQuery(query(database, msg, mode)).subscribe({
        next: (value) => port.postMessage({ type: 'result', id: msg.id, value: value ?? null }),
        error: (err: unknown) => port.postMessage({ type: 'error', id: msg.id, message: String(err) }),
      }),
    );
  });
  port.onDisconnect.addListener(() => [...subs.keys()].forEach(stop));
}
