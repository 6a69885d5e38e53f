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
  return sql.transaction(async (tx) => {
    // The key row is taken first: a concurrent request with the same key waits here, then finds it.
    const claimed = await tx.query<{ key: string }>(CLAIM_KEY, [caller.teamId, key, bodyHash]);
    if (claimed.rows.length === 0) {
      const seen = (await tx.query<{ body_hash: string; answer: { record: unknown } | null }>(SEEN_KEY, [caller.teamId, key])).rows[0]!;
      if (seen.body_hash !== bodyHash) return { status: 409, code: 'idempotency_conflict', message: 'this Idempotency-Key was used with another body' } as const;
      return { status: 200, answer: seen.answer! } as const;
    }
    // Writers of this record are serialised from reading the stored copy to commit. Health readings are
    // also written in bulk (import, daily rollup) under the team's feed lock: their writers take that lock.
    // The lock is taken in the statement that checks the account (one round trip less per write).
    const account = await tx.query<{ found: number | null }>(FEED_LOCKED.has(kind) ? ACCOUNT_AND_FEED_LOCK : ACCOUNT_AND_RECORD_LOCK, [caller.teamId, record.accountId, kind, id]);
    if (account.rows[0]?.found == null) throw new NotFound(`account ${record.accountId}`);
    const stored0 = await storedForMerge(tx, caller.teamId, kind, id);
    const before = stored0?.data;
    // Who wrote it stays the person who first wrote it; a CSM's decision on a handover is signed apart.
    const author = typeof before?.author === 'string' ? before.author : caller.userName;
    // The decision's signature is the server's to give: a client's own decidedBy/decidedAt is not taken.
    const { decidedBy: _b, decidedAt: _a, ...given } = record as Record<string, unknown>;
    const merged = mergeWrite(stored0, given, base, { by: caller.userName, at: now.toISOString() });
    // Who may do what is judged on the record as it would be stored (the merge of this write into the stored copy).
    const actions = actionsOf(kind, before as never, merged.data as never);
    const refused = actions.find((a) => !allowed(caller.role, kind, a));
    if (refused) throw new Forbidden(`a ${caller.role} may not ${refused === 'write' ? 'write' : refused} ${kind}`);
    if (!merged.changed) {
      // Nothing new (every named field already holds its value): the stored copy is the answer, the feed stays.
      const answer = { record: before };
      await tx.query(ANSWER_KEY, [caller.teamId, key, JSON.stringify(answer)]);
      return { status: 200, answer } as const;
    }
    const status = (merged.data as { status?: string }).status;
    const decided = kind === 'handovers' && ['accepted', 'returned'].includes(String(status)) && before?.status !== status;
    const signature = decided
      ? { decidedBy: caller.userName, decidedAt: now.toISOString() }
      : kind === 'handovers' && before?.decidedBy ? { decidedBy: before.decidedBy, decidedAt: before.decidedAt } : {};
    const stored = { ...merged.data, author, updatedBy: caller.userName, updatedAt: now.toISOString(), ...signature };
    if (kind === 'contracts') await contractWritten(tx, log, caller.teamId, before, stored, now);
    await tx.query(WRITE_RECORD, [
      caller.teamId, kind, id, String(merged.data.accountId ?? record.accountId), JSON.stringify(stored), JSON.stringify(merged.marks),
      now.toISOString(), caller.userId, caller.userName, caller.role, actions.join(','), key,
    ]);
    return { status: 200, answer: { record: stored } } as const;
  }).catch((err: unknown) => {
    // The whole transaction is undone, the key included: the client may retry once the account exists.
    if (err instanceof NotFound) return { status: 404, code: 'not_found', message: `${err.message} is not on this server` } as const;
    if (err instanceof Forbidden) return { status: 403, code: 'forbidden', message: err.message } as const;
    throw err;
  });
}

class NotFound extends Error {}
class Forbidden extends Error {}

const CLAIM_KEY = {
  name: 'lens_claim_key',
  text: `insert into idempotency (team_id, key, body_hash, answer) values ($1, $2, $3, 'null'::jsonb) on conflict do nothing returning key`,
};
const SEEN_KEY = { name: 'lens_seen_key', text: 'select body_hash, answer from idempotency where team_id = $1 and key = $2' };
const ANSWER_KEY = { name: 'lens_answer_key', text: 'update idempotency set answer = $3 where team_id = $1 and key = $2' };
/** Whether the account exists (found is 1, else null), with the record's lock (or the team's feed lock) taken. */
const ACCOUNT_AND_RECORD_LOCK = {
  name: 'lens_account_record_lock',
  text: `select (select 1 from items where team_id = $1 and kind = 'accounts' and id = $2) as found, pg_advisory_xact_lock(7043, hashtext($1 || '/' || $3::text || '/' || $4::text)) as locked`,
};
const ACCOUNT_AND_FEED_LOCK = {
  name: 'lens_account_feed_lock',
  text: `select (select 1 from items where team_id = $1 and kind = 'accounts' and id = $2) as found, pg_advisory_xact_lock(7042, hashtext($1)) as locked, $3::text as kind, $4::text as id`,
};
/** Kinds that other writers than putRecord write too (in bulk, under the team's feed lock). */
const FEED_LOCKED = new Set<WrittenKind>(['snapshots']);

/**
 * An accepted write in one statement: its history row (who, in which role,
 * when, which actions, the version stored), the key's answer, and the record
 * at the team's next feed position. Taking the position locks the team's
 * row of team_feed until commit, so the team's writes commit in feed order
 * and a reader's cursor never passes a position still to commit; being the
 * last statement, the lock is held for this statement and the commit only.
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

/** The stored copy of a record with its field marks (docs/api.md, versions): what a write is merged into. */
async function storedForMerge(tx: Sql, teamId: string, kind: WrittenKind, id: string) {
  const row = (await tx.query<{ data: Record<string, unknown>; field_marks: FieldMarks | null }>(
    { name: 'lens_stored_for_merge', text: 'select data, field_marks from items where team_id = $1 and kind = $2 and id = $3 for update' }, [teamId, kind, id],
  )).rows[0];
  return row ? { data: row.data, marks: row.field_marks ?? {} } : undefined;
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

