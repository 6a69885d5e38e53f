import { browser } from 'wxt/browser';
import { revalidateAccount } from '../../data/sync/cache';
import { ALARMS, runSyncCycle } from '../../data/sync/cycle';
import { refreshIdentity } from '../../data/sync/identity';
import { writeRecord } from '../../data/sync/outbox';
import { FAILED_AT } from '../../data/sync/delivery';
import { clientFor, isSignedOut, readDataSource } from '../../data/sync/settings';
import { freshDataSource, recordSignedOut, renewAfterRefusal } from '../../data/sync/sso';
import type { CrmRef } from '../../data/model/account';
import type { WrittenKind } from '../../data/model/records';
import { db } from '../../data/db/db';

/**
 * The team API's schedule, owned by the background: a periodic alarm pulls
 * the change feed and sends the outbox; a one-shot alarm retries the outbox
 * after a backoff. Alarms survive the service worker being stopped and the
 * computer sleeping (Chrome fires a missed alarm on wake).
 */
export async function ensureSchedule(): Promise<void> {
  const source = await readDataSource();
  // Signed out of single sign-on: nothing can be sent until the next sign-in, which sets the schedule again.
  if (source.mode !== 'api' || isSignedOut(source)) {
    await Promise.all([browser.alarms.clear(ALARMS.sync), browser.alarms.clear(ALARMS.outbox)]);
    return;
  }
  const existing = await browser.alarms.get(ALARMS.sync);
  if (existing?.periodInMinutes !== source.maxAgeMinutes) {
    await browser.alarms.create(ALARMS.sync, { periodInMinutes: source.maxAgeMinutes, delayInMinutes: 0.5 });
  }
}

let running: Promise<void> | undefined;

/**
 * One sync round now (coalesced: a round already under way serves every
 * caller). When the user asks (Sync now), writes waiting out a backoff go now
 * too; refused ones stay flagged until the user retries them one by one.
 */
let followUp: Promise<void> | undefined;

export function syncNow(onDone?: () => Promise<void>, userAsked = false): Promise<void> {
  // "Sync now" during a round that started before the click: one more round follows it, sending waiting
  // changes at once (the running round may have skipped them as not yet due). Clicks meanwhile share it.
  if (running && userAsked) {
    followUp ??= running.catch(() => undefined).then(() => {
      followUp = undefined;
      return syncNow(undefined, true);
    });
    return followUp.then(() => onDone?.());
  }
  running ??= (async () => {
    try {
      // A single sign-on token about to end is renewed first; a session the server ended shows as signed out.
      const source = await freshDataSource(new Date());
      if (isSignedOut(source)) {
        await recordSignedOut(db(), new Date());
        return;
      }
      const client = clientFor(source);
      if (!client) return;
      if (userAsked) {
        const now = Date.now();
        await db().outbox.where('nextAttemptAt').between(now, FAILED_AT).modify((e) => void (e.nextAttemptAt = now));
      }
      // Who the token stands for, so the panel offers only what the role may do (a failure keeps what was known).
      await refreshIdentity(db(), () => client.me());
      const result = await runSyncCycle(db(), client, { now: new Date() });
      // A single sign-on token refused before its end: renewed now for the next round, or shown as signed out.
      if (source.mode === 'api' && source.session && (result.outbox.stoppedBy?.kind === 'unauthorized' || result.sync?.error?.kind === 'unauthorized')) {
        if (isSignedOut(await renewAfterRefusal(source))) await recordSignedOut(db(), new Date());
      }
      if (result.outboxAlarmAt !== undefined) await browser.alarms.create(ALARMS.outbox, { when: result.outboxAlarmAt });
      else await browser.alarms.clear(ALARMS.outbox);
    } finally {
      running = undefined;
    }
  })();
  return running.then(() => onDone?.());
}

export const isSyncAlarm = (name: string): boolean => name === ALARMS.sync || name === ALARMS.outbox;

/** Refreshes the account a page shows when its cached copy is older than the user's maximum age. */
export async function revalidateOnView(ref: CrmRef): Promise<boolean> {
  const source = await freshDataSource(new Date());
  const client = clientFor(source);
  if (!client || source.mode !== 'api') return false;
  const result = await revalidateAccount(db(), client, ref, { now: new Date(), maxAgeMs: source.maxAgeMinutes * 60_000 });
  return result !== 'fresh' && result.ok && result.changed;
}

/** A record the user wrote: stored and queued in one transaction, then sent at once when a server is set. */
export async function writeAndSend(
  kind: WrittenKind,
  record: unknown,
  reevaluate?: (accountId: string) => Promise<unknown>,
): Promise<{ ok: true; id: string }> {
  const saved = await writeRecord(db(), kind, record, new Date());
  // A new outcome, milestone or reading can call for (or resolve) a CTA at once.
  if (kind !== 'ctas' && reevaluate) await reevaluate(saved.accountId).catch(() => undefined);
  void syncNow().catch(() => undefined);
  return { ok: true, id: saved.id };
}
