import type { IsoDate } from '../../shared/dates/local-date';
import { DEFAULT_HEALTH_MODEL, scoreHealth, type HealthModel } from '.';
import type { Account } from '../../data/model/account';
import type { Band } from '../../data/model/common';
import type { HealthSnapshot } from '../../data/model/records';
import type { LensDB } from '../../data/db/db';

/** The latest reading on or before today (deleted ones left out). */
export function latestReading(snapshots: readonly HealthSnapshot[], today: IsoDate): HealthSnapshot | undefined {
  return snapshots.filter((s) => !s.deleted && s.asOf <= today).sort((a, b) => (a.asOf < b.asOf ? 1 : a.asOf > b.asOf ? -1 : 0))[0];
}

/**
 * The account's health as every surface shows it: the engine's score of the
 * latest reading, else the summary stored with the account (e.g. from a
 * team server that scores itself), else nothing.
 */
export function currentHealth(
  account: Pick<Account, 'health'>,
  latest: HealthSnapshot | undefined,
  model: HealthModel = DEFAULT_HEALTH_MODEL,
): { score: number; band: Band; asOf: IsoDate } | undefined {
  if (latest) {
    const scored = scoreHealth(latest.inputs, model);
    if (scored.score !== null) return { score: scored.score, band: scored.band, asOf: latest.asOf };
  }
  return account.health?.band ? { score: account.health.score, band: account.health.band, asOf: account.health.asOf } : undefined;
}

/** The account's snapshots, for the background (the panel watches them through the data port). */
export const snapshotsOf = (db: LensDB, accountId: string): Promise<HealthSnapshot[]> =>
  db.snapshots.where('[accountId+asOf]').between([accountId, ''], [accountId, '\uffff']).toArray();
