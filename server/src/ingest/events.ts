import type { Sql } from '../db';
import { BatchSchema, MAX_EVENT_BYTES, SegmentEventSchema, unstorablePath, type SegmentEvent } from './schemas';
import { DAY_MS, utcDate } from '../../../shared/dates/utc';

/** One stored usage event: what the rollup and the people view read. */
export interface UsageEvent {
  messageId: string;
  type: SegmentEvent['type'];
  event: string | null;
  userId: string | null;
  anonymousId: string | null;
  groupId: string | null;
  ts: Date;
  traits?: Record<string, unknown>;
}

export interface EventProblem {
  index: number;
  messageId?: string;
  problems: string[];
}

/** Events further ahead of the server's clock than this are refused: a device's clock is wrong. */
const MAX_AHEAD_MS = DAY_MS;

/**
 * When an event happened (Segment spec, "Timestamps"): `timestamp` when
 * given; else the device's `originalTimestamp` corrected for its clock skew
 * (receivedAt − (sentAt − originalTimestamp)); else when it was received.
 */
export function eventTime(e: Pick<SegmentEvent, 'timestamp' | 'originalTimestamp' | 'sentAt'>, batchSentAt: string | undefined, receivedAt: Date): Date {
  if (e.timestamp) return new Date(e.timestamp);
  const sentAt = e.sentAt ?? batchSentAt;
  if (e.originalTimestamp && sentAt) return new Date(receivedAt.getTime() - (Date.parse(sentAt) - Date.parse(e.originalTimestamp)));
  if (e.originalTimestamp) return new Date(e.originalTimestamp);
  return receivedAt;
}

export type ParsedBatch = { ok: true; events: UsageEvent[] } | { ok: false; message: string; events: EventProblem[] };

/**
 * Checks a whole batch: every event must be valid, or none is taken, and the
 * answer lists each bad event (its index, messageId and problems).
 */
export function parseBatch(body: unknown, receivedAt: Date): ParsedBatch {
  const wrapped = body && typeof body === 'object' && !Array.isArray(body) && 'type' in body && !('batch' in body) ? { batch: [body] } : body;
  const batch = BatchSchema.safeParse(wrapped);
  if (!batch.success) {
    const message = batch.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'body'}: ${i.message.replace(/^batch: /, '')}`).join('; ');
    return { ok: false, message: `${message} (a Segment batch is { "batch": [ … ] })`, events: [] };
  }
  const problems: EventProblem[] = [];
  const events: UsageEvent[] = [];
  batch.data.batch.forEach((raw, index) => {
    const messageId = raw && typeof raw === 'object' && typeof (raw as { messageId?: unknown }).messageId === 'string' ? ((raw as { messageId: string }).messageId.slice(0, 200)) : undefined;
    const bad = (list: string[]) => problems.push({ index, ...(messageId && !unstorablePath(messageId, 'messageId') ? { messageId } : {}), problems: list });
    const unstorable = unstorablePath(raw, `batch.${index}`);
    if (unstorable) return bad([unstorable.replace(`batch.${index}.`, '')]);
    if (JSON.stringify(raw).length > MAX_EVENT_BYTES) return bad([`an event is at most ${MAX_EVENT_BYTES / 1024} KB`]);
    const e = SegmentEventSchema.safeParse(raw);
    if (!e.success) return bad(e.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'event'}: ${i.message}`));
    const ts = eventTime(e.data, batch.data.sentAt, receivedAt);
    if (Number.isNaN(ts.getTime())) return bad(['timestamp: not a date']);
    if (ts.getTime() > receivedAt.getTime() + MAX_AHEAD_MS) return bad(['timestamp: more than a day ahead of the server clock']);
    const d = e.data;
    const groupId = d.type === 'group' || d.type === 'track' || d.type === 'page' || d.type === 'screen' ? (d.groupId ?? d.context?.groupId ?? null) : (d.context?.groupId ?? null);
    events.push({
      messageId: d.messageId,
      type: d.type,
      event: d.type === 'track' ? d.event : d.type === 'page' || d.type === 'screen' ? (d.name ?? null) : null,
      userId: d.userId ?? null,
      anonymousId: d.anonymousId ?? null,
      groupId: groupId === undefined ? null : groupId,
      ts,
      ...(d.type === 'identify' && d.traits ? { traits: d.traits } : {}),
    });
  });
  if (problems.length > 0) {
    const first = problems.slice(0, 3).map((p) => `event ${p.index}${p.messageId ? ` (${p.messageId})` : ''}: ${p.problems.join('; ')}`).join(' | ');
    return { ok: false, message: `${problems.length} of ${batch.data.batch.length} event(s) invalid, nothing stored. ${first}`, events: problems.slice(0, 100) };
  }
  return { ok: true, events };
}

/** Per database handle, the days whose partition is known to exist: the check runs once per day. */
const knownDays = new WeakMap<Sql, Set<string>>();

/** Makes the day partitions exist, in a statement of their own (creating one locks the parent table briefly). */
export async function ensureDays(sql: Sql, days: readonly string[]): Promise<void> {
  let known = knownDays.get(sql);
  if (!known) knownDays.set(sql, (known = new Set()));
  const missing = [...new Set(days)].filter((d) => !known.has(d));
  if (missing.length === 0) return;
  await sql.query('select ensure_event_days($1::date[])', [missing]);
  for (const d of missing) known.add(d);
}
const forgetDays = (sql: Sql) => knownDays.delete(sql);
const NO_PARTITION = '23514';

export interface StoreAnswer {
  accepted: number;
  duplicates: number;
  /** Events older than the retention: not stored (the rollup no longer reads those days). */
  expired: number;
}

/**
 * Stores a valid batch once per messageId: a messageId already seen (in
 * this batch or before) stores nothing. Users' last activity, group and
 * traits are kept up to date in the same transaction.
 */
export async function storeEvents(sql: Sql, teamId: string, events: readonly UsageEvent[], receivedAt: Date, retentionDays: number): Promise<StoreAnswer> {
  const oldest = receivedAt.getTime() - retentionDays * DAY_MS;
  const unique = new Map<string, UsageEvent>();
  let expired = 0;
  for (const e of events) {
    if (e.ts.getTime() < oldest) expired++;
    else if (!unique.has(e.messageId)) unique.set(e.messageId, e);
  }
  const fresh = [...unique.values()];
  if (fresh.length === 0) return { accepted: 0, duplicates: events.length - expired, expired };
  const col = <T>(f: (e: UsageEvent) => T) => fresh.map(f);
  const write = () => sql.transaction(async (tx) => {
    const { rows } = await tx.query<{ n: string | number }>(
      `with input as (
         select * from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[])
           as t(message_id, type, event, user_id, anonymous_id, group_id, ts)
       ), fresh as (
         insert into event_keys (team_id, message_id, day)
           select $1, message_id, (ts at time zone 'UTC')::date from input order by message_id
           on conflict do nothing returning message_id
       ), ins as (
         insert into events (team_id, ts, type, event, user_id, anonymous_id, group_id, received_at)
           select $1, i.ts, i.type, i.event, i.user_id, i.anonymous_id, i.group_id, $9 from input i join fresh f using (message_id)
           returning 1
       ) select count(*) as n from ins`,
      [teamId, col((e) => e.messageId), col((e) => e.type), col((e) => e.event), col((e) => e.userId), col((e) => e.anonymousId), col((e) => e.groupId), col((e) => e.ts.toISOString()), receivedAt.toISOString()],
    );
    await touchUsers(tx, teamId, fresh);
    // The days that got events are summarised again before the next rollup reads them.
    await tx.query(
      `insert into usage_days (team_id, day, dirty) select $1, d, true from unnest($2::date[]) d order by d
         on conflict (team_id, day) do update set dirty = true where usage_days.dirty = false`,
      [teamId, [...new Set(fresh.map((e) => utcDate(e.ts)))]],
    );
    return Number(rows[0]?.n ?? 0);
  });
  await ensureDays(sql, fresh.map((e) => utcDate(e.ts)));
  // A partition another server dropped (retention) since this one made sure of it: make sure again, once.
  const stored = await write().catch(async (err: unknown) => {
    if ((err as { code?: string }).code !== NO_PARTITION) throw err;
    forgetDays(sql);
    await ensureDays(sql, fresh.map((e) => utcDate(e.ts)));
    return write();
  });
  return { accepted: stored, duplicates: events.length - expired - stored, expired };
}

const ACTIVITY = new Set(['track', 'page', 'screen']);

/** One row per user of the batch: first and last activity, the latest group call, identify traits. */
async function touchUsers(tx: Sql, teamId: string, events: readonly UsageEvent[]) {
  type U = { first: Date | null; last: Date | null; lastEvent: string | null; group: string | null; groupAt: Date | null; traits: Record<string, unknown> };
  const users = new Map<string, U>();
  for (const e of events) {
    if (!e.userId) continue;
    const u = users.get(e.userId) ?? { first: null, last: null, lastEvent: null, group: null, groupAt: null, traits: {} };
    users.set(e.userId, u);
    if (ACTIVITY.has(e.type)) {
      if (!u.first || e.ts < u.first) u.first = e.ts;
      if (!u.last || e.ts >= u.last) {
        u.last = e.ts;
        u.lastEvent = e.event ?? e.type;
      }
    }
    if (e.type === 'group' && e.groupId && (!u.groupAt || e.ts >= u.groupAt)) {
      u.group = e.groupId;
      u.groupAt = e.ts;
    }
    if (e.traits) Object.assign(u.traits, e.traits);
  }
  if (users.size === 0) return;
  // Sorted by user, so concurrent batches lock the same users in the same order (no deadlock).
  const ids = [...users.keys()].sort();
  const list = ids.map((id) => users.get(id)!);
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  await tx.query(
    `insert into end_users (team_id, user_id, first_seen, last_seen, last_event, group_id, group_at, traits)
       select $1, * from unnest($2::text[], $3::timestamptz[], $4::timestamptz[], $5::text[], $6::text[], $7::timestamptz[], $8::jsonb[])
     on conflict (team_id, user_id) do update set
       first_seen = least(end_users.first_seen, excluded.first_seen),
       last_event = case when excluded.last_seen >= coalesce(end_users.last_seen, excluded.last_seen) then excluded.last_event else end_users.last_event end,
       last_seen = greatest(end_users.last_seen, excluded.last_seen),
       group_id = case when excluded.group_at is not null and excluded.group_at >= coalesce(end_users.group_at, excluded.group_at) then excluded.group_id else end_users.group_id end,
       group_at = greatest(end_users.group_at, excluded.group_at),
       traits = end_users.traits || excluded.traits`,
    [teamId, ids, list.map((u) => iso(u.first)), list.map((u) => iso(u.last)), list.map((u) => u.lastEvent), list.map((u) => u.group), list.map((u) => iso(u.groupAt)), list.map((u) => JSON.stringify(u.traits))],
  );
}

/** Drops the day partitions (and forgets the messageIds) older than the retention; answers the days dropped. */
export async function pruneEvents(sql: Sql, now: Date, retentionDays: number): Promise<string[]> {
  const cutoff = utcDate(new Date(now.getTime() - retentionDays * DAY_MS));
  const { rows } = await sql.query<{ name: string }>(
    `select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
       where p.relname = 'events' and c.relname ~ '^events_[0-9]{8}$'`,
  );
  const dropped: string[] = [];
  for (const { name } of rows) {
    const day = `${name.slice(7, 11)}-${name.slice(11, 13)}-${name.slice(13, 15)}`;
    if (day >= cutoff) continue;
    await sql.query(`drop table if exists ${name}`);
    dropped.push(day);
  }
  await sql.query('delete from event_keys where day < $1::date', [cutoff]);
  for (const table of ['usage_days', 'usage_user_days', 'usage_event_days']) await sql.query(`delete from ${table} where day < $1::date`, [cutoff]);
  if (dropped.length) forgetDays(sql);
  return dropped.sort();
}
