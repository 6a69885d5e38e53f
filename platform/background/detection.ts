import type { AccountRef } from '../../crm/types';
import { findAccount } from '../../data/db/accounts';
import { db, type LensDB } from '../../data/db/db';
import type { LauncherView } from '../messaging/protocol';
import { evaluateAccountCtas } from './evaluate';
import { revalidateOnView, syncNow } from './sync';
import { recordDetection, refreshLaunchers, userTranslator } from './tabs';

/** What the detection flow calls; the background passes the real ones, a test its own. */
export interface DetectionDeps {
  database: () => LensDB;
  record: (tabId: number, url: string, ref: AccountRef) => Promise<LauncherView>;
  /** Refreshes the account from the team server when the cached copy is stale; true when it changed. */
  revalidate: (ref: AccountRef) => Promise<boolean>;
  refreshLaunchers: () => Promise<void>;
  evaluate: typeof evaluateAccountCtas;
  translator: typeof userTranslator;
  syncNow: () => Promise<void>;
  now: () => Date;
}

export const DETECTION_DEPS: DetectionDeps = {
  database: db,
  record: recordDetection,
  revalidate: revalidateOnView,
  refreshLaunchers,
  evaluate: evaluateAccountCtas,
  translator: userTranslator,
  syncNow: () => syncNow(),
  now: () => new Date(),
};

/**
 * A content script reported the record open in its tab. Paint from the cache
 * first, with nothing else competing for the worker and the database; then
 * refresh from the team server when the cached copy is stale, and evaluate the
 * account's calls to action on fresh data (raised once per cause), syncing
 * when that raised or closed any. The answer (the launcher's view) does not
 * wait for the rest, and a failing step never stops the ones after it.
 * `settled` resolves when every step is done.
 */
export function afterDetection(tabId: number, url: string, ref: AccountRef, deps: DetectionDeps = DETECTION_DEPS): { view: Promise<LauncherView>; settled: Promise<void> } {
  const view = deps.record(tabId, url, ref);
  // A deal page: its account is read when the panel asks (platform/background/deals.ts); nothing to refresh here.
  if (ref.kind === 'deal') return { view, settled: view.then(() => undefined, () => undefined) };
  const settled = view
    .catch(() => undefined)
    .then(() => deps.revalidate(ref))
    .then((changed) => (changed ? deps.refreshLaunchers() : undefined))
    .catch(() => undefined)
    .then(async () => {
      const account = await findAccount(deps.database(), ref);
      if (!account) return;
      const { created, closed } = await deps.evaluate(deps.database(), account.id, deps.now(), await deps.translator());
      if (created + closed > 0) await deps.syncNow();
    })
    .catch(() => undefined);
  return { view, settled };
}
