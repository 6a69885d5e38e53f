// An account's signing date, set by a person (a deal marked signed on its CRM page, or the mark's Undo).
import { z } from 'zod';
import { allowed } from '../../../data/sync/permissions';
import { IsoDateSchema } from '../../../data/model/common';
import type { Caller } from '../auth';
import type { Sql } from '../db';
import { hashOf } from './json';
import { ANSWER_KEY, CLAIM_KEYS, lockFeed, SEEN_KEYS } from './write';

export const SignedBodySchema = z.object({ signedAt: IsoDateSchema.nullable() }).strict();

export type SignedResult =
  | { status: 200; answer: { account: Record<string, unknown> } }
  | { status: 403 | 404 | 409 | 422; code: 'forbidden' | 'not_found' | 'idempotency_conflict' | 'validation_failed'; message: string };

/**
 * Sets (a date) or clears (null) the signing date of one of the caller's
 * team's accounts, once per idempotency key, like a record write: the same
 * key and body answer the first answer again; the same key with another body
 * is a conflict. Every other field of the account stays as stored. Accounts
 * are written in bulk under the team's feed lock (import), so this takes it
 * too, from reading the stored account to commit. The write is kept in the
 * account's history and takes the team's next feed position, so every
 * device of the team receives it.
 */
export async function setAccountSigned(sql: Sql, caller: Caller, id: string, body: unknown, key: string, now: Date): Promise<SignedResult> {
  const checked = SignedBodySchema.safeParse(body);
  if (!checked.success) {
    const message = checked.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
    return { status: 422, code: 'validation_failed', message };
  }
  if (!allowed(caller.role, 'accounts', 'write')) return { status: 403, code: 'forbidden', message: `a ${caller.role} may not write accounts` };
  const { signedAt } = checked.data;
  const bodyHash = hashOf({ kind: 'accounts/signed', id, body: checked.data });
  return sql.transaction(async (tx) => {
    // The feed lock before the key, in the order every record write takes its locks (write.ts), so none waits on another in a circle.
    await lockFeed(tx, caller.teamId);
    const claimed = await tx.query<{ key: string }>(CLAIM_KEYS, [caller.teamId, [key], [bodyHash]]);
    if (claimed.rows.length === 0) {
      const seen = (await tx.query<{ body_hash: string; answer: { account: Record<string, unknown> } | null }>(SEEN_KEYS, [caller.teamId, [key]])).rows[0]!;
      if (seen.body_hash !== bodyHash) return { status: 409, code: 'idempotency_conflict', message: 'this Idempotency-Key was used with another body' } as const;
      return { status: 200, answer: seen.answer! } as const;
    }
    const row = (await tx.query<{ data: Record<string, unknown> }>(STORED_ACCOUNT, [caller.teamId, id])).rows[0];
    if (!row) throw new NotFound();
    const { signedAt: _was, ...rest } = row.data;
    const stored = { ...rest, ...(signedAt ? { signedAt } : {}) };
    const answer = { account: stored };
    if (row.data.signedAt === (signedAt ?? undefined)) {
      // Already so: the stored account is the answer, and the feed stays.
      await tx.query(ANSWER_KEY, [caller.teamId, key, JSON.stringify(answer)]);
      return { status: 200, answer } as const;
    }
    await tx.query(WRITE_SIGNED, [caller.teamId, id, JSON.stringify(stored), now.toISOString(), caller.userId, caller.userName, caller.role, key]);
    return { status: 200, answer } as const;
  }).catch((err: unknown) => {
    // The whole transaction is undone, the key included.
    if (err instanceof NotFound) return { status: 404, code: 'not_found', message: `account ${id} is not on this server` } as const;
    throw err;
  });
}

class NotFound extends Error {}

const STORED_ACCOUNT = `select data from items where team_id = $1 and kind = 'accounts' and id = $2 for update`;
/** The history row, the key's answer and the account at the team's next feed position, in one statement. */
const WRITE_SIGNED = `with history as (
    insert into record_history (team_id, kind, id, changed_at, user_id, user_name, role, actions, data)
    values ($1, 'accounts', $2, $4, $5, $6, $7, 'write', $3::jsonb)
  ), answer as (
    update idempotency set answer = jsonb_build_object('account', $3::jsonb) where team_id = $1 and key = $8
  )
  update items set data = $3::jsonb, seq = next_team_seq($1) where team_id = $1 and kind = 'accounts' and id = $2`;
