import type { LensDB } from '../db/db';
import type { ApiClient } from './client';
import { deliverOutbox, type DeliverResult } from './delivery';
import { syncChanges, type SyncResult } from './sync';

/**
 * What the background runs, and when. Alarm names are the extension's; the
 * background owns chrome.alarms and calls these functions.
 */
export const ALARMS = {
  /** Periodic: send the outbox, then pull the change feed. */
  sync: 'account-lens:api-sync',
  /** One-shot at the outbox's nextDueAt (a retry after backoff). */
  outbox: 'account-lens:api-outbox',
} as const;

/** Chrome fires alarms no sooner than 30 s from now. */
export const MIN_ALARM_DELAY_MS = 30_000;

export interface CycleResult {
  outbox: DeliverResult;
  /** Absent when the token was refused: the pull would be refused too. */
  sync?: SyncResult;
  /** When to set ALARMS.outbox (ms since epoch), or undefined: nothing to retry, or the token needs fixing. */
  outboxAlarmAt?: number;
}

/**
 * One round: queued writes go first so the server has them before the pull
 * (the merge rule keeps unsent local edits either way), then the feed.
 */
export async function runSyncCycle(
  db: LensDB,
  client: ApiClient,
  opts: { now: Date; pageLimit?: number; random?: () => number },
): Promise<CycleResult> {
  const outbox = await deliverOutbox(db, client, { now: opts.now, ...(opts.random ? { random: opts.random } : {}) });
  const refused = outbox.stoppedBy?.kind === 'unauthorized';
  const sync = refused ? undefined : await syncChanges(db, client, { now: opts.now, pageLimit: opts.pageLimit ?? 500 });
  const at = outboxAlarmAt(outbox, opts.now);
  return { outbox, ...(sync ? { sync } : {}), ...(at !== undefined ? { outboxAlarmAt: at } : {}) };
}

/** The outbox's next due time, no sooner than Chrome allows. */
export function outboxAlarmAt(result: Pick<DeliverResult, 'nextDueAt'>, now: Date): number | undefined {
  return result.nextDueAt === undefined ? undefined : Math.max(result.nextDueAt, now.getTime() + MIN_ALARM_DELAY_MS);
}
