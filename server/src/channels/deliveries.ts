import { randomBytes } from 'node:crypto';
import type { Delivery, DeliveryRequest } from '../../../features/channels/schemas';
import { runAutomation } from '../automation/engine';
import type { Caller } from '../auth';
import type { Sql } from '../db';
import type { Log } from '../log';
import { send, SendError, type SendDeps } from './send';
import { channelConfig } from './store';

/**
 * The delivery queue. A delivery is queued by the API and sent by a worker
 * in the server process; a failed attempt is tried again after a growing
 * pause, up to MAX_ATTEMPTS, then the delivery is failed with the last error.
 * Several servers on one database take due deliveries with SKIP LOCKED, so
 * each attempt is made by one of them.
 */
export const MAX_ATTEMPTS = 5;
/** The pause after the 1st, 2nd, 3rd and 4th failed attempt. */
export const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000] as const;
/** How long an attempt may take before another worker counts it abandoned (a server stopped mid-send). */
const LEASE_MS = 5 * 60_000;

interface Row {
  id: string;
  team_id: string;
  channel: string;
  kind: Delivery['kind'];
  account_id: string;
  user_name: string;
  subject: string | null;
  body: string;
  recipients: unknown;
  state: Delivery['state'];
  attempts: number;
  last_error: string | null;
  next_at: unknown;
  created_at: unknown;
  updated_at: unknown;
  sent_at: unknown;
}

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());
const listOf = (v: unknown): string[] => (Array.isArray(v) ? v : typeof v === 'string' ? (JSON.parse(v) as string[]) : []);

function toDelivery(r: Row): Delivery {
  return {
    id: r.id, channel: r.channel, kind: r.kind, accountId: r.account_id, subject: r.subject, text: r.body, to: listOf(r.recipients),
    state: r.state, attempts: Number(r.attempts), lastError: r.last_error, nextAttemptAt: r.state === 'queued' ? iso(r.next_at) : null,
    createdBy: r.user_name, createdAt: iso(r.created_at)!, updatedAt: iso(r.updated_at)!, sentAt: iso(r.sent_at),
  };
}

export async function queueDelivery(sql: Sql, caller: Caller, kind: Delivery['kind'], req: DeliveryRequest, now: Date, idempotencyKey?: string): Promise<{ delivery: Delivery; created: boolean }> {
  const id = `dlv_${randomBytes(12).toString('base64url')}`;
  const { rows } = await sql.query<Row>(
    `insert into deliveries (id, team_id, channel, kind, account_id, user_name, subject, body, recipients, idempotency_key, state, next_at, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'queued', $11, $11, $11)
     on conflict (team_id, idempotency_key) do nothing returning *`,
    [id, caller.teamId, req.channel, kind, req.accountId, caller.userName, req.subject ?? null, req.text, JSON.stringify(req.to ?? []), idempotencyKey ?? null, now.toISOString()],
  );
  if (rows[0]) return { delivery: toDelivery(rows[0]), created: true };
  const again = await sql.query<Row>('select * from deliveries where team_id = $1 and idempotency_key = $2', [caller.teamId, idempotencyKey]);
  return { delivery: toDelivery(again.rows[0]!), created: false };
}

/** The same Idempotency-Key for another delivery: the first one's request, to compare. */
export const sameRequest = (d: Delivery, req: DeliveryRequest) =>
  d.channel === req.channel && d.accountId === req.accountId && d.subject === (req.subject ?? null) && d.text === req.text && JSON.stringify(d.to) === JSON.stringify(req.to ?? []);

/** An account's deliveries, newest first (at most 100). */
export async function listDeliveries(sql: Sql, teamId: string, accountId: string): Promise<Delivery[]> {
  const { rows } = await sql.query<Row>('select * from deliveries where team_id = $1 and account_id = $2 order by created_at desc, id limit 100', [teamId, accountId]);
  return rows.map(toDelivery);
}

export interface RunResult {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * Makes one attempt at every delivery due at `now` (at most `limit`):
 * sent, queued again after its pause, or failed for good. Each attempt is
 * logged (delivery, team, channel, kind, attempt, outcome, error), never a
 * channel's settings or the message.
 */
export async function runDueDeliveries(sql: Sql, log: Log, now: Date, deps: SendDeps & { limit?: number } = {}): Promise<RunResult> {
  const at = now.toISOString();
  // An attempt abandoned at the last try is not tried a sixth time.
  const abandoned = await sql.query<Row>(
    `update deliveries set state = 'failed', next_at = null, updated_at = $1,
       last_error = coalesce(last_error || '; ', '') || 'the server stopped during the last attempt'
     where state = 'sending' and next_at <= $1 and attempts >= $2 returning *`,
    [at, MAX_ATTEMPTS],
  );
  for (const r of abandoned.rows) log('warn', 'delivery', { delivery: r.id, team: r.team_id, channel: r.channel, kind: r.kind, attempt: Number(r.attempts), outcome: 'failed', error: 'abandoned' });
  const { rows } = await sql.query<Row>(
    `update deliveries set state = 'sending', attempts = attempts + 1, next_at = $2, updated_at = $1
     where id in (select id from deliveries where state in ('queued', 'sending') and next_at <= $1 order by next_at, id limit $3 for update skip locked)
     returning *`,
    [at, new Date(now.getTime() + LEASE_MS).toISOString(), deps.limit ?? 20],
  );
  const result: RunResult = { sent: 0, retrying: 0, failed: abandoned.rows.length };
  for (const r of rows) {
    const attempt = Number(r.attempts);
    const started = performance.now();
    let error: string | null = null;
    let final = false;
    const config = await channelConfig(sql, r.team_id, r.channel);
    if (!config || config.kind !== r.kind) {
      error = `the team has no ${r.kind} channel named ${r.channel} any more`;
      final = true;
    } else {
      try {
        await send(config, { subject: r.subject, text: r.body, to: listOf(r.recipients) }, now, deps);
      } catch (err) {
        error = err instanceof SendError ? err.message : 'the message could not be sent';
      }
    }
    const ms = +(performance.now() - started).toFixed(1);
    const fields = { delivery: r.id, team: r.team_id, channel: r.channel, kind: r.kind, attempt, ms };
    if (error === null) {
      await sql.query(`update deliveries set state = 'sent', sent_at = $2, updated_at = $2, next_at = null, last_error = null where id = $1`, [r.id, at]);
      log('info', 'delivery', { ...fields, outcome: 'sent' });
      result.sent++;
    } else if (final || attempt >= MAX_ATTEMPTS) {
      await sql.query(`update deliveries set state = 'failed', updated_at = $2, next_at = null, last_error = $3 where id = $1`, [r.id, at, error]);
      log('warn', 'delivery', { ...fields, outcome: 'failed', error });
      result.failed++;
    } else {
      const next = new Date(now.getTime() + BACKOFF_MS[attempt - 1]!).toISOString();
      await sql.query(`update deliveries set state = 'queued', updated_at = $2, next_at = $3, last_error = $4 where id = $1`, [r.id, at, next, error]);
      log('warn', 'delivery', { ...fields, outcome: 'retrying', error, nextAttemptAt: next });
      result.retrying++;
    }
  }
  return result;
}

/** At each tick (every `everyMs`, default 10 s, until stopped; one at a time): the automations at `now`, then the deliveries due. */
export function startDeliveryWorker(sql: Sql, log: Log, opts: SendDeps & { everyMs?: number; now?: () => Date } = {}) {
  const { everyMs = 10_000, now = () => new Date(), ...deps } = opts;
  let running: Promise<void> | undefined;
  const tick = () => {
    const at = now();
    running ??= runAutomation(sql, log, at)
      .then(() => runDueDeliveries(sql, log, at, deps))
      .then(() => undefined)
      .catch((err: unknown) => log('error', 'delivery worker', { error: err instanceof Error ? err.message : String(err) }))
      .finally(() => (running = undefined));
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
