import type { LensDB } from './db';
import type { HealthSnapshot } from '../model/records';
import type { RecordOf } from '../sync/schemas';

/** The per-account tables a feature's rules read (removed rows included: each rule leaves them out). */
export const ACCOUNT_KINDS = ['milestones', 'outcomes', 'ctas', 'visits', 'notes', 'plans', 'reports', 'promises', 'handovers', 'contracts'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export type AccountRecords<K extends AccountKind = AccountKind> = { snapshots: HealthSnapshot[] } & { [P in K]: RecordOf<P>[] };

/**
 * One account's stored records of the kinds asked for, and its health
 * snapshots in date order, read at once: what the background evaluates and
 * previews (the panel watches the same through the data port).
 */
export async function accountRecords<K extends AccountKind>(db: LensDB, accountId: string, kinds: readonly K[]): Promise<AccountRecords<K>> {
  const [snapshots, ...rows] = await Promise.all([
    db.snapshots.where('[accountId+asOf]').between([accountId, ''], [accountId, '\uffff']).toArray(),
    ...kinds.map((kind) => db.table(kind).where('accountId').equals(accountId).toArray()),
  ]);
  return { snapshots, ...Object.fromEntries(kinds.map((kind, i) => [kind, rows[i]])) } as AccountRecords<K>;
}
