import type { LensDB } from '../../../data/db/db';
import { describeKeptAside, keptAside } from '../../../data/db/quarantine';
import type { KeptRow } from '../../../features/transfer/answers';

/**
 * The rows an upgrade kept aside, as the options page lists them: described
 * here, since a stored row may hold values a message cannot carry (BigInt,
 * Map, cycles). A merged row names the account that holds it now.
 */
export async function keptRows(database: LensDB): Promise<KeptRow[]> {
  const entries = await keptAside(database);
  const ids = [...new Set(entries.flatMap((e) => (e.mergedInto ? [e.mergedInto] : [])))];
  const accounts = await database.accounts.bulkGet(ids);
  const names = new Map(ids.map((id, i) => [id, accounts[i]?.name ?? id]));
  return entries.map((e) => ({
    seq: e.seq!, row: describeKeptAside(e.row), reason: e.reason, step: e.step, detail: e.detail,
    ...(e.mergedInto ? { into: names.get(e.mergedInto)! } : {}),
  }));
}
