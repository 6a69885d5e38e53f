// Writes to the team's records: one record a user wrote (idempotent, merged field-wise, judged by role), and an import's accounts in bulk.
import { actionsOf, allowed } from '../../../data/sync/permissions';
import type { ApiAccount } from '../../../data/sync/schemas';
import { WRITTEN_KINDS, type WrittenKind } from '../../../data/model/records';
import { mergeWrite, readWriteBase, type FieldMarks } from '../../../data/sync/versions';
import { contractWritten } from '../automation/paid';
import type { Caller } from '../auth';
import type { Sql } from '../db';
import { silentLog, type Log } from '../log';
import { hashOf } from './json';
import { groupCommit, type GroupCommit } from './queue';

export type PutResult =
  | { status: 200; answer: { record: unknown } }
  | { status: 403 | 404 | 409 | 422; code: 'forbidden' | 'not_found' | 'idempotency_conflict' | 'validation_failed'; message: string };

/**
 * Stores a record a user wrote, once per idempotency key: the same key and
 * body answer the first answer again without writing; the same key with
 * another body is a conflict. The record's account must be the caller's
 * team's, else it does not exist (404). The server stamps the author and
 * the time of the write. A contract marked paid (or its mark cleared) is
 * an occasion for the team's welcome, in the same transaction (automation/paid.ts).
 * A team's writes that arrive together are committed together (queue.ts).
 */
export async function putRecord(sql: Sql, caller: Caller, kind: WrittenKind, id: string, body: unknown, key: string, now: Date, log: Log = silentLog): Promise<PutResult> {
  const checked = WRITTEN_KINDS[kind].safeParse(body);
  if (!checked.success) {
    const message = checked.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
    return { status: 422, code: 'validation_failed', message };
  }
  const record = checked.data as { id: string; accountId: string };
  if (record.id !== id) return { status: 422, code: 'validation_failed', message: `id: the path says ${id}, the body ${record.id}` };
  const base = readWriteBase(body);
  if (base && 'error' in base) return { status: 422, code: 'validation_failed', message: base.error };
  // A key names one request: the same key for another kind or record is a conflict, not a replay.
  const bodyHash = hashOf({ kind, id, body });
  let commits = groups.get(sql);
  if (!commits) groups.set(sql, (commits = groupCommit((writes) => sql.transaction((tx) => writeBatch(tx, writes)), { max: MAX_BATCH, keyOf: (w) => w.key })));
  return commits.submit(caller.teamId, { caller, kind, id, record, base, key, bodyHash, now, log });
}

/** At most this many writes share a transaction: a batch's locks are held until its commit. */
const MAX_BATCH = 64;
const groups = new WeakMap<Sql, GroupCommit<Pending, PutResult>>();

/** A checked write waiting for its transaction. */
interface Pending {
  caller: Caller;
  kind: WrittenKind;
  id: string;
  record: { id: string; accountId: string };
  base: ReturnType<typeof readWriteBase>;
  key: string;
  bodyHash: string;
  now: Date;
  log: Log;
}

/**
 * One team's writes in one transaction. Every lock is taken in one order
 * (the feed lock, the records' locks, the welcome locks, the keys by name,
 * then the team's feed row at the first write), by a lone write too, so two servers
 * writing the same records and keys at once wait for each other and never
 * deadlock: the records' locks, then the keys, are each taken in one statement.
 */
async function writeBatch(tx: Sql, writes: readonly Pending[]): Promise<PutResult[]> {
  const teamId = writes[0]!.caller.teamId;
  const recordLocks = writes.filter((w) => !FEED_LOCKED.has(w.kind)).map((w) => `${teamId}/${w.kind}/${w.id}`);
  const accountIds = [...new Set(writes.map((w) => w.record.accountId))];
  // A contract's write may schedule its account's welcome, under the account's automation lock (automation/welcome.ts): taken here too, in order.
  const welcomeLocks = writes.filter((w) => w.kind === 'contracts').map((w) => `${teamId}/${w.record.accountId}`);
  const feedLock = writes.some((w) => FEED_LOCKED.has(w.kind));
  const found = new Set((await tx.query<{ found: string[] }>(LOCKS_AND_ACCOUNTS, [teamId, feedLock, recordLocks, accountIds, welcomeLocks])).rows[0]!.found);
  // The key rows: a concurrent request with a key of this batch waits here, then finds it.
  const claimed = new Set((await tx.query<{ key: string }>(CLAIM_KEYS, [teamId, writes.map((w) => w.key), writes.map((w) => w.bodyHash)])).rows.map((r) => r.key));
  const seenKeys = writes.filter((w) => !claimed.has(w.key)).map((w) => w.key);
  const seen = new Map(seenKeys.length === 0 ? [] : (await tx.query<{ key: string; body_hash: string; answer: { record: unknown } }>(SEEN_KEYS, [teamId, seenKeys])).rows.map((r) => [r.key, r]));
  const fresh = writes.filter((w) => claimed.has(w.key) && found.has(w.record.accountId));
  const stored = await storedForMerge(tx, teamId, fresh);
  const undone: string[] = [];
  const answers: PutResult[] = [];
  for (const w of writes) {
    if (!claimed.has(w.key)) {
      const s = seen.get(w.key)!;
      answers.push(s.body_hash !== w.bodyHash ? { status: 409, code: 'idempotency_conflict', message: 'this Idempotency-Key was used with another body' } : { status: 200, answer: s.answer });
      continue;
    }
    const answer = found.has(w.record.accountId)
      ? await writeOne(tx, w, stored)
      : { status: 404, code: 'not_found', message: `account ${w.record.accountId} is not on this server` } as const;
    // A refused write leaves nothing, its key included: the client may retry once the account exists.
    if (answer.status !== 200) undone.push(w.key);
    answers.push(answer);
  }
  if (undone.length > 0) await tx.query(UNDO_KEYS, [teamId, undone]);
  return answers;
}

type Stored = Map<string, { data: Record<string, unknown>; marks: FieldMarks }>;

/** One fresh write, merged into the stored copy (which a write earlier in the batch may have made); `stored` follows it. */
async function writeOne(tx: Sql, w: Pending, stored: Stored): Promise<PutResult> {
  const { caller, kind, id, record, now } = w;
  const stored0 = stored.get(`${kind}/${id}`);
  const before = stored0?.data;
  // Who wrote it stays the person who first wrote it; a CSM's decision on a handover is signed apart.
  const author = typeof before?.author === 'string' ? before.author : caller.userName;
  // The decision's signature is the server's to give: a client's own decidedBy/decidedAt is not taken.
  const { decidedBy: _b, decidedAt: _a, ...given } = record as Record<string, unknown>;
  const merged = mergeWrite(stored0, given, w.base as Parameters<typeof mergeWrite>[2], { by: caller.userName, at: now.toISOString() });
  // Who may do what is judged on the record as it would be stored (the merge of this write into the stored copy).
  const actions = actionsOf(kind, before as never, merged.data as never);
  const refused = actions.find((a) => !allowed(caller.role, kind, a));
  if (refused) return { status: 403, code: 'forbidden', message: `a ${caller.role} may not ${refused === 'write' ? 'write' : refused} ${kind}` };
  if (!merged.changed) {
    // Nothing new (every named field already holds its value): the stored copy is the answer, the feed stays.
    const answer = { record: before };
    await tx.query(ANSWER_KEY, [caller.teamId, w.key, JSON.stringify(answer)]);
    return { status: 200, answer };
  }
  const status = (merged.data as { status?: string }).status;
  const decided = kind === 'handovers' && ['accepted', 'returned'].includes(String(status)) && before?.status !== status;
  const signature = decided
    ? { decidedBy: caller.userName, decidedAt: now.toISOString() }
    : kind === 'handovers' && before?.decidedBy ? { decidedBy: before.decidedBy, decidedAt: before.decidedAt } : {};
  const data = { ...merged.data, author, updatedBy: caller.userName, updatedAt: now.toISOString(), ...signature };
  if (kind === 'contracts') await contractWritten(tx, w.log, caller.teamId, before, data, now);
  await tx.query(WRITE_RECORD, [
    caller.teamId, kind, id, String(merged.data.accountId ?? record.accountId), JSON.stringify(data), JSON.stringify(merged.marks),
    now.toISOString(), caller.userId, caller.userName, caller.role, actions.join(','), w.key,
  ]);
  stored.set(`${kind}/${id}`, { data, marks: merged.marks });
  return { status: 200, answer: { record: data } };
}

/**
 * The feed lock (when a kind bulk writers also write is in the batch), the
 * records' locks and the welcome locks of contracts' accounts, in one order
 * (by lock class, then number), with which of the accounts exist. Writers
 * of a record are serialised from reading the stored copy to commit.
 */
const LOCKS_AND_ACCOUNTS = {
  name: 'lens_batch_locks',
  text: `with locked as materialized (
      select pg_advisory_xact_lock(c, h) as l from (
        select distinct c, h from (
          select 7042 as c, hashtext($1) as h where $2::boolean
          union all select 7043, hashtext(k) from unnest($3::text[]) k
          union all select 7044, hashtext(k) from unnest($5::text[]) k
        ) u
        order by c, h
      ) s
    )
    select (select count(l::text) from locked) as locks,
      (select coalesce(array_agg(id), '{}') from items where team_id = $1 and kind = 'accounts' and id = any($4::text[])) as found`,
};
/** The keys, claimed in name order; a key already stored (or claimed by a transaction that then commits) is not returned. */
export const CLAIM_KEYS = {
  name: 'lens_claim_keys',
  text: `insert into idempotency (team_id, key, body_hash, answer)
    select $1, k, h, 'null'::jsonb from unnest($2::text[], $3::text[]) as u(k, h) order by k
    on conflict do nothing returning key`,
};
export const SEEN_KEYS = { name: 'lens_seen_keys', text: 'select key, body_hash, answer from idempotency where team_id = $1 and key = any($2::text[])' };
const UNDO_KEYS = { name: 'lens_undo_keys', text: 'delete from idempotency where team_id = $1 and key = any($2::text[])' };
export const ANSWER_KEY = { name: 'lens_answer_key', text: 'update idempotency set answer = $3 where team_id = $1 and key = $2' };
/** Kinds that other writers than putRecord write too (in bulk, under the team's feed lock). */
const FEED_LOCKED = new Set<WrittenKind>(['snapshots']);

/**
 * An accepted write in one statement: its history row (who, in which role,
 * when, which actions, the version stored), the key's answer, and the record
 * at the team's next feed position. Taking the position locks the team's
 * row of team_feed until commit, so the team's writes commit in feed order
 * and a reader's cursor never passes a position still to commit.
 */
const WRITE_RECORD = {
  name: 'lens_write_record',
  text: `with history as (
      insert into record_history (team_id, kind, id, changed_at, user_id, user_name, role, actions, data)
      values ($1, $2, $3, $7, $8, $9, $10, $11, $5::jsonb)
    ), answer as (
      update idempotency set answer = jsonb_build_object('record', $5::jsonb) where team_id = $1 and key = $12
    )
    insert into items (team_id, kind, id, account_id, data, seq, field_marks) values ($1, $2, $3, $4, $5::jsonb, next_team_seq($1), $6::jsonb)
      on conflict (team_id, kind, id) do update set data = excluded.data, account_id = excluded.account_id, seq = excluded.seq, field_marks = excluded.field_marks`,
};

/** The stored copies (with their field marks, docs/api.md, versions) the fresh writes are merged into, locked. */
async function storedForMerge(tx: Sql, teamId: string, writes: readonly Pending[]): Promise<Stored> {
  const stored: Stored = new Map();
  if (writes.length === 0) return stored;
  const { rows } = await tx.query<{ kind: string; id: string; data: Record<string, unknown>; field_marks: FieldMarks | null }>({
    name: 'lens_stored_for_merge',
    text: `select i.kind, i.id, i.data, i.field_marks from items i join unnest($2::text[], $3::text[]) as w(kind, id) on i.kind = w.kind and i.id = w.id
      where i.team_id = $1 for update of i`,
  }, [teamId, writes.map((w) => w.kind), writes.map((w) => w.id)]);
  for (const r of rows) stored.set(`${r.kind}/${r.id}`, { data: r.data, marks: r.field_marks ?? {} });
  return stored;
}

/**
 * Serialises a team's bulk writers (import, daily rollup) and writers of the
 * kinds they write, from reading the stored copies to commit. (Commit order
 * follows feed order anyway: next_team_seq holds the team's feed row until
 * commit.) Released at commit.
 */
export const lockFeed = (tx: Sql, teamId: string) => tx.query('select pg_advisory_xact_lock(7042, hashtext($1))', [teamId]);

/** Idempotency keys are kept 7 days, as the contract asks. */
export async function pruneKeys(sql: Sql): Promise<number> {
  const { rows } = await sql.query<{ key: string }>(`delete from idempotency where created_at < now() - interval '7 days' returning key`);
  return rows.length;
}

/** Writes accounts (and their health readings) an import planned, in one transaction. */
export async function storeAccounts(sql: Sql, teamId: string, accounts: readonly ApiAccount[], snapshots: readonly { id: string; accountId: string }[]): Promise<void> {
  await sql.transaction(async (tx) => {
    await lockFeed(tx, teamId);
    for (const a of accounts)
      await tx.query(
        `insert into items (team_id, kind, id, account_id, data, seq) values ($1, 'accounts', $2, $2, $3, next_team_seq($1))
           on conflict (team_id, kind, id) do update set data = excluded.data, seq = excluded.seq`,
        [teamId, a.id, JSON.stringify(a)],
      );
    for (const s of snapshots)
      await tx.query(
        `insert into items (team_id, kind, id, account_id, data, seq) values ($1, 'snapshots', $2, $3, $4, next_team_seq($1))
           on conflict (team_id, kind, id) do update set data = excluded.data, seq = excluded.seq`,
        [teamId, s.id, s.accountId, JSON.stringify(s)],
      );
  });
}

