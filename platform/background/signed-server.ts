import type { LensDB } from '../../data/db/db';
import type { Account } from '../../data/model/account';
import { guardStorage } from '../../data/db/storage-full';
import { ApiError, toApiError } from '../../data/sync/errors';
import { loadIdMap, serverAccountId } from '../../data/sync/id-map';
import { applyIncoming, syncTables } from '../../data/sync/merge';
import { clientFor, isSignedOut, type DataSource } from '../../data/sync/settings';
import { freshDataSource } from '../../data/sync/sso';

/** Where the team server is and how to reach it; a test passes its own. */
export interface SignedServer {
  /** The data source, its single sign-on token renewed first when about to end. */
  source: () => Promise<DataSource>;
  fetch?: typeof fetch;
  newKey?: () => string;
}

export const TEAM_SERVER: SignedServer = { source: () => freshDataSource(new Date()) };

/**
 * Sets (a date) or clears (null) the signing date of an account the team
 * server holds: the server writes it first (it owns a synced account's
 * signing date), then its answer is stored here the way a synced account is
 * (data/sync/merge.ts), so the panel shows it at once and the next sync
 * agrees. Nothing is stored here unless the server took the write; every
 * failure is an ApiError (signed_out when there is no token to send).
 */
export async function markServerAccountSigned(db: LensDB, account: Account, signedAt: string | null, now: Date, server: SignedServer = TEAM_SERVER): Promise<void> {
  const source = await server.source();
  if (isSignedOut(source)) throw new ApiError('signed_out', 'Signed out of the team server: sign in again in the options.');
  const client = clientFor(source, server.fetch);
  if (!client) throw new ApiError('rejected', 'No team server is set in the options, so this account’s signing date cannot be changed.');
  const serverId = serverAccountId(await loadIdMap(db), account.id);
  const key = server.newKey?.() ?? crypto.randomUUID();
  let stored;
  try {
    stored = await client.setSigned(serverId, signedAt, key);
  } catch (err) {
    throw toApiError(err);
  }
  await guardStorage(db, () => db.transaction('rw', syncTables(db), async () => {
    await applyIncoming(db, { accounts: [stored], records: [] }, now);
  }));
}
