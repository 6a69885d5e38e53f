import { normaliseRecordId } from '../../crm/normalise';
import { findAccount } from '../db/accounts';
import type { LensDB } from '../db/db';
import type { CrmRef } from '../model/account';
import type { ApiClient } from './client';
import { ApiError, toApiError } from './errors';
import { singleFlight } from './flight';
import { applyIncoming, syncTables, WRITTEN_KIND_LIST, type Incoming } from './merge';
import { hasAt, META, readMeta, type Revalidation } from './meta';
import type { AccountBundle } from './schemas';
import { guardStorage } from '../db/storage-full';

export type RevalidateResult = 'fresh' | { ok: true; changed: boolean } | { ok: false; error: ApiError };

export interface RevalidateOptions {
  now: Date;
  /** How old a cached account may be before it is asked for again. */
  maxAgeMs: number;
}

/** The ref as the server and the meta key see it. */
const normalised = (ref: CrmRef): CrmRef => ({ ...ref, recordId: normaliseRecordId(ref.crm, ref.recordId) ?? ref.recordId.trim() });

export const revalidationKey = (ref: CrmRef): string => {
  const n = normalised(ref);
  return META.revalidate(n.crm, n.recordId);
};

/** The last refresh of an account: when, and what went wrong if it did. */
export const readRevalidation = (db: LensDB, ref: CrmRef) => readMeta<Revalidation>(db, revalidationKey(ref), hasAt);

/** Age of a timestamp, or Infinity when it is missing, unreadable or in the future (the clock moved). */
function ageMs(now: Date, at: string | undefined): number {
  const t = at === undefined ? NaN : Date.parse(at);
  const age = now.getTime() - t;
  return Number.isNaN(age) || age < 0 ? Infinity : age;
}

/**
 * Stale-while-revalidate for the account a CRM page shows: the panel has
 * already painted from IndexedDB; this asks the server only when the cached
 * copy is older than maxAgeMs, and writes the whole bundle in one transaction
 * (or nothing, when anything fails).
 */
export function revalidateAccount(db: LensDB, client: ApiClient, ref: CrmRef, opts: RevalidateOptions): Promise<RevalidateResult> {
  const key = revalidationKey(ref);
  return singleFlight(db, key, async () => {
    const want = normalised(ref);
    const local = await findAccount(db, want);
    if (local && ageMs(opts.now, local.syncedAt) < opts.maxAgeMs) return 'fresh';
    // An account the server said it does not know is not asked about on every page view.
    const last = await readMeta<Revalidation>(db, key, hasAt);
    if (!local && last?.error?.kind === 'not_found' && ageMs(opts.now, last.at) < opts.maxAgeMs) return 'fresh';

    const at = opts.now.toISOString();
    let bundle: AccountBundle;
    try {
      bundle = await client.lookup(want);
      const got = bundle.account;
      if (got.crm !== want.crm || (normaliseRecordId(got.crm, got.recordId) ?? got.recordId) !== want.recordId) {
        throw new ApiError('malformed', 'The team server answered with another account.');
      }
      if (WRITTEN_KIND_LIST.some((k) => bundle[k].some((r) => r.accountId !== got.id))) {
        throw new ApiError('malformed', 'The team server sent records of another account.');
      }
    } catch (err) {
      const error = toApiError(err);
      await db.meta.put({ key, value: { at, error: error.info() } satisfies Revalidation });
      return { ok: false, error };
    }
    const changed = await guardStorage(db, () => db.transaction('rw', syncTables(db), async () => {
      const n = await applyIncoming(db, bundleToIncoming(bundle), opts.now);
      await db.meta.put({ key, value: { at } satisfies Revalidation });
      return n;
    }));
    return { ok: true, changed: changed > 0 };
  });
}

export function bundleToIncoming(bundle: AccountBundle): Incoming {
  return {
    accounts: [bundle.account],
    records: WRITTEN_KIND_LIST.flatMap((kind) => bundle[kind].map((record) => ({ kind, record }))),
  };
}
