import type { IsoDate } from '../../shared/dates/local-date';
import { DEFAULT_HEALTH_MODEL, scoreHealth, type HealthModel, type ScoringInputs, type ServiceInputs } from '.';
import type { Account } from '../../data/model/account';
import type { Band } from '../../data/model/common';
import type { HealthSnapshot } from '../../data/model/records';

/**
 * A dated reading as the engine scores it: an imported snapshot merged with
 * the service signals of its day, or a reading from the service signals alone
 * (`imported: false`, not stored anywhere).
 */
export type Reading = Omit<HealthSnapshot, 'inputs'> & { inputs: ScoringInputs; imported?: boolean };

/** The latest reading on or before today (deleted ones left out). */
export function latestReading<R extends Pick<HealthSnapshot, 'asOf' | 'deleted'>>(snapshots: readonly R[], today: IsoDate): R | undefined {
  // The first of the latest day, as a stable sort latest-first would give.
  let latest: R | undefined;
  for (const s of snapshots) if (!s.deleted && s.asOf <= today && (!latest || s.asOf > latest.asOf)) latest = s;
  return latest;
}

/** Imported inputs merged with a day's service signals; a day with no signal keeps the imported inputs as they are. */
const withSignals = (inputs: HealthSnapshot['inputs'], signals: ServiceInputs): ScoringInputs => {
  for (const _ in signals) return { ...inputs, ...signals };
  return inputs;
};

/**
 * Each imported snapshot (on or before today) merged with the service signals
 * of its day, plus today's reading, the latest import merged with today's
 * signals, when the latest import is older than today or there is none. With
 * no import and no signal there is nothing: the account stays unmeasured.
 */
export function mergedSeries(accountId: string, snapshots: readonly HealthSnapshot[], signalsOn: (day: IsoDate) => ServiceInputs, today: IsoDate): Reading[] {
  const live = snapshots.filter((s) => !s.deleted && s.asOf <= today);
  const series: Reading[] = live.map((s) => ({ ...s, inputs: withSignals(s.inputs, signalsOn(s.asOf)), imported: true }));
  const latest = latestReading(live, today);
  if (latest?.asOf === today) return series;
  const now = signalsOn(today);
  if (!Object.keys(now).length) return series;
  const at = latest?.updatedAt ?? `${today}T00:00:00.000Z`;
  series.push({ id: `service:${accountId}:${today}`, accountId, asOf: today, createdAt: at, updatedAt: at, inputs: { ...latest?.inputs, ...now }, imported: !!latest });
  return series;
}

/**
 * The account's health as every surface shows it: the engine's score of the
 * latest reading (imported inputs merged with the service signals), else the
 * summary stored with the account (e.g. from a team server that scores
 * itself), else nothing.
 */
export function currentHealth(
  account: Pick<Account, 'health'>,
  latest: Pick<Reading, 'asOf' | 'inputs'> | undefined,
  model: HealthModel = DEFAULT_HEALTH_MODEL,
): { score: number; band: Band; asOf: IsoDate } | undefined {
  if (latest) {
    const scored = scoreHealth(latest.inputs, model);
    if (scored.score !== null) return { score: scored.score, band: scored.band, asOf: latest.asOf };
  }
  return account.health?.band ? { score: account.health.score, band: account.health.band, asOf: account.health.asOf } : undefined;
}

