// Reads of the team's records: an account with its records, the change feed, a record's history, the book an import plans against.
import { normaliseRecordId, TENANT_SCOPED_IDS } from '../../../crm/normalise';
import type { CrmId } from '../../../crm/types';
import type { AccountBundle } from '../../../data/sync/schemas';
import { WRITTEN_KINDS, type WrittenKind } from '../../../data/model/records';
import type { Sql } from '../db';
import { asApiAccount } from './json';

type Row = { kind: string; data: Record<string, unknown> };
const KINDS = Object.keys(WRITTEN_KINDS) as WrittenKind[];

/**
 * The account a CRM record shows, with all its live records. An account with
 * an orgKey matches only that orgKey. One without matches any orgKey, except
 * for CRMs whose record ids are small numbers counted per tenant (HubSpot,
 * Pipedrive, Freshsales): there record 1001 of one customer's portal is not
 * record 1001 of another's, so the orgKey must match exactly (both absent
 * counts as a match). Never a guess: for such a lookup with an orgKey that
 * finds only an account without one, the answer is 'unbound', so the
 * manager can be asked to set the account's org key.
 */
export async function lookup(sql: Sql, teamId: string, q: { crm: CrmId; recordId: string; orgKey?: string }): Promise<AccountBundle | 'unbound' | null> {
  const recordId = normaliseRecordId(q.crm, q.recordId) ?? q.recordId;
  const exact = TENANT_SCOPED_IDS.includes(q.crm);
  const { rows } = await sql.query<{ part: number; kind: string; data: Record<string, unknown>; bound: boolean | null }>(LOOKUP, [teamId, q.crm, recordId, q.orgKey ?? null]);
  const head = rows[0];
  if (!head || head.part !== 0) return null;
  if (exact && q.orgKey !== undefined && !head.bound) return 'unbound';
  const account = asApiAccount(head.data);
  const bundle = Object.fromEntries(KINDS.map((k) => [k, [] as unknown[]])) as Record<WrittenKind, unknown[]>;
  for (const r of rows.slice(1)) bundle[r.kind as WrittenKind]?.push(r.data);
  return { account, ...bundle } as AccountBundle;
}

/** The account a CRM record shows, then its live records in feed order: one round trip, one plan per connection. */
const LOOKUP = {
  name: 'lens_lookup',
  text: `with a as (
      select id, data, (data->>'orgKey' is not null) as bound from items
       where team_id = $1 and kind = 'accounts' and data->>'crm' = $2 and data->>'recordId' = $3
         and (data->>'orgKey' is null or data->>'orgKey' = $4::text)
       order by (data->>'orgKey' is null), seq desc limit 1)
    select 0 as part, 'accounts' as kind, data, bound, 0::bigint as seq from a
    union all
    select 1, r.kind, r.data, null, r.seq from a join items r on r.team_id = $1 and r.account_id = a.id
     where r.kind <> 'accounts' and coalesce((r.data->>'deleted')::boolean, false) = false
    order by part, seq`,
};

/**
 * Cursors are opaque to clients: the team's own feed position, base64url-encoded.
 * Positions count per team (migration 2), so a cursor says nothing about other
 * teams' writes. A cursor of the earlier global count (`seq:`) starts the
 * feed again from the beginning: safe, since the client merges by id.
 */
export const cursorOf = (seq: number | string): string => Buffer.from(`team:${seq}`).toString('base64url');
export function seqOf(cursor: string | undefined): number | null {
  if (!cursor) return 0;
  const text = Buffer.from(cursor, 'base64url').toString();
  const m = /^team:(\d{1,18})$/.exec(text);
  if (m) return Number(m[1]);
  return /^seq:\d{1,18}$/.test(text) ? 0 : null;
}

/** One page of the team's change feed after `since`. */
export async function changes(sql: Sql, teamId: string, since: number, limit: number) {
  const { rows } = await sql.query<{ kind: string; data: Record<string, unknown>; seq: string }>(
    { name: 'lens_changes', text: 'select kind, data, seq from items where team_id = $1 and seq > $2 order by seq limit $3' },
    [teamId, since, limit + 1],
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1)?.seq ?? since;
  return {
    items: page.map((r) => ({ kind: r.kind, record: r.kind === 'accounts' ? asApiAccount(r.data) : r.data })),
    nextCursor: cursorOf(last),
    hasMore: rows.length > limit,
  };
}

export interface HistoryItem {
  at: string;
  by: string;
  role: string;
  actions: string[];
  record: unknown;
}

/** A record's history in the team, newest first. */
export async function recordHistory(sql: Sql, teamId: string, kind: WrittenKind, id: string, limit = 100): Promise<HistoryItem[]> {
  const { rows } = await sql.query<{ changed_at: string | Date; user_name: string; role: string; actions: string; data: unknown }>(
    `select changed_at, user_name, role, actions, data from record_history where team_id = $1 and kind = $2 and id = $3
       order by changed_at desc, n desc limit $4`,
    [teamId, kind, id, limit],
  );
  return rows.map((r) => ({ at: new Date(r.changed_at).toISOString(), by: r.user_name, role: r.role, actions: r.actions.split(','), record: r.data }));
}

/** The team's accounts and readings, for planning an import against what is stored. */
export async function teamBook(sql: Sql, teamId: string) {
  const { rows } = await sql.query<Row>(`select kind, data from items where team_id = $1 and kind in ('accounts', 'snapshots')`, [teamId]);
  return {
    accounts: rows.filter((r) => r.kind === 'accounts').map((r) => ({ ...r.data, source: 'api' })),
    snapshots: rows.filter((r) => r.kind === 'snapshots').map((r) => r.data),
  };
}
