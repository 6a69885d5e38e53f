import type { Table } from 'dexie';
import { normaliseRecordId } from '../../crm/normalise';
import { CRM_IDS, type CrmId } from '../../crm/types';
import { AccountSchema, type Account } from '../model/account';
import type { KeptAsideReason, QuarantineEntry } from './quarantine';

/** Where the v1→v2 step notes that the database was at v1, so the repair step can say which rows came from there. */
export const UPGRADED_FROM = 'upgrade:from';

type Verdict = { ok: true; account: Account } | { ok: false; reason: KeptAsideReason; detail: string };

const message = (err: unknown) => (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 500);
const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * One stored account row as the current schema wants it, or why it cannot be:
 * the record id normalised as detection normalises it (so a 15-character
 * Salesforce id becomes its 18-character form), the row parsed by the account
 * schema. Fields the schema does not know are kept. Never throws.
 */
export function checkAccountRow(row: unknown): Verdict {
  try {
    if (!isRecord(row) || typeof row.id !== 'string' || !row.id) {
      return { ok: false, reason: 'unreadable', detail: 'not an account row with a text id' };
    }
    if (typeof row.recordId !== 'string') return { ok: false, reason: 'record-id', detail: `the record id is ${row.recordId === undefined ? 'missing' : `a ${typeof row.recordId}`}` };
    let recordId: string | null = null;
    if ((CRM_IDS as readonly unknown[]).includes(row.crm)) {
      try {
        recordId = normaliseRecordId(row.crm as CrmId, row.recordId);
      } catch (err) {
        return { ok: false, reason: 'record-id', detail: `the record id cannot be read (${message(err)})` };
      }
      if (recordId === null) return { ok: false, reason: 'record-id', detail: `not a ${String(row.crm)} record id` };
    }
    const source = row.source ?? (row.id.startsWith('demo-') ? 'demo' : 'local');
    const parsed = AccountSchema.safeParse({ ...row, recordId: recordId ?? row.recordId, source });
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`).join('; ');
      return { ok: false, reason: 'invalid', detail: detail.slice(0, 500) };
    }
    return { ok: true, account: { ...row, ...parsed.data } as Account };
  } catch (err) {
    // A getter or a proxy cannot come out of IndexedDB, but nothing here may stop an upgrade.
    return { ok: false, reason: 'unreadable', detail: message(err) };
  }
}

const newestFirst = (a: Account, b: Account) => (a.updatedAt === b.updatedAt ? (a.id < b.id ? -1 : 1) : a.updatedAt > b.updatedAt ? -1 : 1);

/**
 * Rows that are the same CRM record, as one account. Fields come from the most
 * recently updated row, gaps filled from the older ones. The surviving id is
 * the team server's copy when there is one (sync keeps matching it), else the
 * newest row's; it keeps the earliest creation and the latest update.
 */
export function mergeDuplicates(rows: readonly Account[]): { survivor: Account; mergedAway: Account[] } {
  const ordered = [...rows].sort(newestFirst);
  const keeper = ordered.find((a) => a.source === 'api') ?? ordered[0]!;
  const merged: Record<string, unknown> = {};
  for (const row of [...ordered].reverse()) {
    for (const [k, v] of Object.entries(row)) if (v !== undefined && v !== '') merged[k] = v;
  }
  const survivor = {
    ...merged,
    id: keeper.id,
    source: keeper.source,
    createdAt: ordered.map((a) => a.createdAt).sort()[0]!,
    updatedAt: ordered[0]!.updatedAt,
  } as Account;
  if (keeper.syncedAt) survivor.syncedAt = keeper.syncedAt;
  else delete survivor.syncedAt;
  return { survivor, mergedAway: ordered.filter((a) => a !== keeper) };
}

export interface RepairPlan {
  /** Accounts to write (changed by normalisation or by a merge). */
  put: Account[];
  /** Primary keys to remove from the accounts table (each one is in `quarantine`). */
  remove: unknown[];
  quarantine: QuarantineEntry[];
  /** Merged-away account id → the account that now holds its records. */
  repoint: Map<string, string>;
}

const sameRecordKey = (a: Account) => JSON.stringify([a.crm, a.orgKey ?? null, a.recordId]);
const unchanged = (a: unknown, b: unknown) => {
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
};

/**
 * What the repair step does to the accounts table, decided from its rows
 * alone (pure, so it is tested on generated rows). Every row ends either as a
 * valid account or in the quarantine, as it was.
 */
export function planAccountRepair(rows: readonly unknown[], step: string): RepairPlan {
  const plan: RepairPlan = { put: [], remove: [], quarantine: [], repoint: new Map() };
  const groups = new Map<string, { account: Account; original: unknown }[]>();
  for (const row of rows) {
    const verdict = checkAccountRow(row);
    if (!verdict.ok) {
      const id = isRecord(row) ? row.id : undefined;
      plan.quarantine.push({ table: 'accounts', step, reason: verdict.reason, detail: verdict.detail, row });
      plan.remove.push(id);
      continue;
    }
    const key = sameRecordKey(verdict.account);
    groups.set(key, [...(groups.get(key) ?? []), { account: verdict.account, original: row }]);
  }
  for (const group of groups.values()) {
    if (group.length === 1) {
      const [{ account, original }] = group as [{ account: Account; original: unknown }];
      if (!unchanged(account, original)) plan.put.push(account);
      continue;
    }
    const { survivor, mergedAway } = mergeDuplicates(group.map((g) => g.account));
    plan.put.push(survivor);
    for (const gone of mergedAway) {
      const original = group.find((g) => g.account === gone)!.original;
      plan.quarantine.push({ table: 'accounts', step, reason: 'merged', detail: `same ${gone.crm} record ${gone.recordId} as ${survivor.id}`, mergedInto: survivor.id, row: original });
      plan.remove.push(gone.id);
      plan.repoint.set(gone.id, survivor.id);
    }
  }
  return plan;
}

/** Tables that are not records of an account (the repair never re-points in them). */
const NOT_CHILDREN = new Set(['accounts', 'quarantine', 'meta', 'outbox']);

interface UpgradeTx {
  table(name: string): Table;
  storeNames: string[];
}

/**
 * v3 → v4 (and v1's ids, see upgradeToV2): checks every account row. A row that cannot be an account is moved,
 * whole, to the quarantine; rows that are the same CRM record are merged and
 * their records (snapshots, notes, visits… anything with an accountId) follow
 * the surviving account. Nothing here throws for a row: only a failing
 * database does, and then the whole upgrade rolls back with the data intact.
 */
export async function upgradeToV4(tx: UpgradeTx): Promise<void> {
  const meta = tx.table('meta');
  const from = (await meta.get(UPGRADED_FROM))?.value === 1 ? 'v1' : 'v3';
  const rows = await tx.table('accounts').toArray();
  const plan = planAccountRepair(rows, `${from}→v4`);
  const quarantine = tx.table('quarantine');
  if (plan.quarantine.length) await quarantine.bulkAdd(plan.quarantine);
  const removable = plan.remove.filter((k) => k !== undefined && k !== null);
  if (removable.length) await tx.table('accounts').bulkDelete(removable as never[]);
  if (plan.put.length) await tx.table('accounts').bulkPut(plan.put);
  if (plan.repoint.size) {
    for (const name of tx.storeNames.filter((n) => !NOT_CHILDREN.has(n) && !n.startsWith('$'))) {
      let table: Table;
      try {
        table = tx.table(name);
      } catch {
        continue; // a table a later version removed is not part of this step's schema
      }
      await table.toCollection().modify((r: { accountId?: unknown }) => {
        const to = typeof r.accountId === 'string' ? plan.repoint.get(r.accountId) : undefined;
        if (to) r.accountId = to;
      });
    }
  }
  if (plan.repoint.size) await repointSync(tx, plan);
  await meta.delete(UPGRADED_FROM);
}

/** The meta row of the server-to-local account id map (data/sync/id-map.ts; not imported, so the database layer stays below sync). */
const ID_MAP_KEY = 'sync:accountIds';

/**
 * After a merge, what sync keeps about the merged-away accounts follows the
 * survivor too. A queued write not yet sent names the survivor (a sent one
 * keeps its body: its idempotency key names that body for ever). A server
 * account matched to a merged-away local one is matched to the survivor,
 * unless the survivor already has a server identity of its own (then the
 * pair is dropped and the quarantine entry says which row was merged).
 */
async function repointSync(tx: UpgradeTx, plan: RepairPlan): Promise<void> {
  if (tx.storeNames.includes('outbox')) {
    await tx.table('outbox').toCollection().modify((e: { sent?: boolean; record?: unknown }) => {
      if (e.sent || !isRecord(e.record) || typeof e.record.accountId !== 'string') return;
      const to = plan.repoint.get(e.record.accountId);
      if (to) e.record = { ...e.record, accountId: to };
    });
  }
  const meta = tx.table('meta');
  const stored = (await meta.get(ID_MAP_KEY))?.value;
  if (!Array.isArray(stored)) return;
  const pairs = stored.filter((p): p is [string, string] => Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'string');
  const hasServerId = new Set([...plan.put.filter((a) => a.source === 'api').map((a) => a.id), ...pairs.map(([, local]) => local)]);
  const next: [string, string][] = [];
  for (const [server, local] of pairs) {
    const to = plan.repoint.get(local);
    if (!to) next.push([server, local]);
    else if (!hasServerId.has(to)) {
      next.push([server, to]);
      hasServerId.add(to);
    }
  }
  await meta.put({ key: ID_MAP_KEY, value: next });
}
