import { z } from 'zod';
import { storable } from '../../../data/model/common';
import type { Sql } from '../db';

/**
 * Support tickets and NPS responses, through the webhook shapes of common
 * help desks (docs/ingest.md has the mapping table and the vendor docs).
 * Each shape is mapped to one normalised ticket event or NPS response.
 */
export const TICKET_FORMATS = ['lens', 'zendesk', 'freshdesk'] as const;
export const NPS_FORMATS = ['lens'] as const;

export interface TicketEvent {
  ticketId: string;
  status: 'open' | 'solved';
  priority: 'low' | 'normal' | 'high' | 'urgent' | null;
  groupId: string | null;
  userId: string | null;
  /** When this change happened. */
  at: Date;
  /** When the ticket was opened, if the payload says. */
  openedAt: Date | null;
}

const id = z.union([storable(z.string().trim().min(1).max(200)), z.number().int().safe().transform(String)]);
const Instant = z.string().max(40).refine((s) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 date-time');

// Help desks name their states differently; open covers every state before solved.
const STATUS: Record<string, 'open' | 'solved'> = {
  new: 'open', open: 'open', pending: 'open', hold: 'open', 'on-hold': 'open', waiting: 'open', 'waiting on customer': 'open', 'waiting on third party': 'open',
  solved: 'solved', resolved: 'solved', closed: 'solved',
  // Freshdesk's numeric codes: 2 open, 3 pending, 4 resolved, 5 closed.
  '2': 'open', '3': 'open', '4': 'solved', '5': 'solved',
};
const PRIORITY: Record<string, TicketEvent['priority']> = {
  low: 'low', normal: 'normal', medium: 'normal', high: 'high', urgent: 'urgent',
  // Freshdesk's numeric codes: 1 low, 2 medium, 3 high, 4 urgent.
  '1': 'low', '2': 'normal', '3': 'high', '4': 'urgent',
};
const statusOf = z.union([z.string().max(50), z.number().int()]).transform((s, ctx) => {
  const v = STATUS[String(s).trim().toLowerCase()];
  if (!v) ctx.addIssue({ code: 'custom', message: `not a ticket status this server knows (${Object.keys(STATUS).filter((k) => !/^\d$/.test(k)).join(', ')})` });
  return v ?? 'open';
});
const priorityOf = z.union([z.string().max(50), z.number().int()]).nullish().transform((s, ctx) => {
  if (s == null || s === '') return null;
  const v = PRIORITY[String(s).trim().toLowerCase()];
  if (v === undefined) ctx.addIssue({ code: 'custom', message: 'not a priority this server knows (low, normal, medium, high, urgent)' });
  return v ?? null;
});

const LensTicket = z.strictObject({
  id, status: statusOf, priority: priorityOf, groupId: id.optional(), userId: id.optional(), at: Instant, openedAt: Instant.optional(),
}).transform((t): TicketEvent => ({
  ticketId: t.id, status: t.status, priority: t.priority, groupId: t.groupId ?? null, userId: t.userId ?? null, at: new Date(t.at), openedAt: t.openedAt ? new Date(t.openedAt) : null,
}));

/** Zendesk event webhooks (`zen:event-type:ticket.*`): the ticket is in `detail`. */
const ZendeskTicket = z.looseObject({
  type: z.string().max(100).refine((t) => t.startsWith('zen:event-type:ticket.'), 'must be a Zendesk ticket event (zen:event-type:ticket.…)'),
  time: Instant,
  detail: z.looseObject({
    id, status: statusOf, priority: priorityOf, organization_id: id.nullish(), requester_id: id.nullish(), created_at: Instant.optional(),
  }),
}).transform((z0): TicketEvent => ({
  ticketId: z0.detail.id, status: z0.detail.status, priority: z0.detail.priority, groupId: z0.detail.organization_id ?? null, userId: z0.detail.requester_id ?? null,
  at: new Date(z0.time), openedAt: z0.detail.created_at ? new Date(z0.detail.created_at) : null,
}));

/**
 * Freshdesk's "Trigger webhook" automation action sends the JSON body the
 * admin writes with placeholders; docs/ingest.md gives the body to paste.
 * Its placeholders format dates for people, so the time is when it arrives,
 * unless `triggered_at` carries an ISO instant.
 */
const FreshdeskTicket = z.looseObject({
  freshdesk_webhook: z.looseObject({
    ticket_id: id, ticket_status: statusOf, ticket_priority: priorityOf,
    ticket_company_id: id.nullish().or(z.literal('')), ticket_company_name: id.nullish().or(z.literal('')), ticket_contact_id: id.nullish().or(z.literal('')),
    triggered_at: Instant.optional(),
  }),
});

export function parseTicket(format: (typeof TICKET_FORMATS)[number], body: unknown, receivedAt: Date): { ok: true; ticket: TicketEvent } | { ok: false; issues: z.core.$ZodIssue[] } {
  if (format === 'freshdesk') {
    const r = FreshdeskTicket.safeParse(body);
    if (!r.success) return { ok: false, issues: r.error.issues };
    const f = r.data.freshdesk_webhook;
    return { ok: true, ticket: {
      ticketId: f.ticket_id, status: f.ticket_status, priority: f.ticket_priority,
      groupId: (f.ticket_company_id || f.ticket_company_name) || null, userId: f.ticket_contact_id || null,
      at: f.triggered_at ? new Date(f.triggered_at) : receivedAt, openedAt: null,
    } };
  }
  const r = (format === 'zendesk' ? ZendeskTicket : LensTicket).safeParse(body);
  return r.success ? { ok: true, ticket: r.data } : { ok: false, issues: r.error.issues };
}

/**
 * One row per ticket whatever order its events arrive in: the newest change
 * decides the status (and when it was solved); the earliest time seen is
 * when it was opened.
 */
export async function storeTicket(sql: Sql, teamId: string, source: string, t: TicketEvent): Promise<void> {
  const opened = t.openedAt ?? (t.status === 'open' ? t.at : null);
  await sql.query(
    `insert into tickets (team_id, source, ticket_id, group_id, user_id, priority, status, opened_at, solved_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, case when $7 = 'solved' then $9::timestamptz end, $9)
     on conflict (team_id, source, ticket_id) do update set
       group_id = coalesce(excluded.group_id, tickets.group_id),
       user_id = coalesce(excluded.user_id, tickets.user_id),
       priority = case when excluded.updated_at >= tickets.updated_at then coalesce(excluded.priority, tickets.priority) else coalesce(tickets.priority, excluded.priority) end,
       status = case when excluded.updated_at >= tickets.updated_at then excluded.status else tickets.status end,
       solved_at = case when excluded.updated_at >= tickets.updated_at then excluded.solved_at else tickets.solved_at end,
       opened_at = least(tickets.opened_at, excluded.opened_at),
       updated_at = greatest(tickets.updated_at, excluded.updated_at)`,
    [teamId, source, t.ticketId, t.groupId, t.userId, t.priority, t.status, opened?.toISOString() ?? null, t.at.toISOString()],
  );
}

export const NpsResponseSchema = z.strictObject({
  id,
  score: z.number().int().min(0, 'an NPS score is 0 to 10').max(10, 'an NPS score is 0 to 10'),
  comment: storable(z.string().trim().max(4000)).optional(),
  groupId: id.optional(),
  userId: id.optional(),
  respondedAt: Instant,
}).refine((r) => r.groupId !== undefined || r.userId !== undefined, { message: 'a response needs a groupId or a userId', path: ['groupId'] });
const NpsBatchSchema = z.strictObject({ responses: z.array(NpsResponseSchema).min(1).max(1000) });
/** One response, or `{ "responses": [ … ] }` (at most 1,000). */
export function parseNps(body: unknown) {
  const batch = body !== null && typeof body === 'object' && 'responses' in body;
  const r = batch ? NpsBatchSchema.safeParse(body) : NpsResponseSchema.safeParse(body);
  return r.success ? { ok: true as const, responses: 'responses' in r.data ? r.data.responses : [r.data] } : { ok: false as const, error: r.error };
}
export type NpsResponse = z.infer<typeof NpsResponseSchema>;

/** Stores responses once per id (a response sent again replaces itself). */
export async function storeNps(sql: Sql, teamId: string, source: string, responses: readonly NpsResponse[]): Promise<void> {
  await sql.query(
    `insert into nps_responses (team_id, source, response_id, group_id, user_id, score, comment, responded_at)
       select $1, $2, * from unnest($3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::timestamptz[])
     on conflict (team_id, source, response_id) do update set group_id = excluded.group_id, user_id = excluded.user_id,
       score = excluded.score, comment = excluded.comment, responded_at = excluded.responded_at`,
    [teamId, source, responses.map((r) => r.id), responses.map((r) => r.groupId ?? null), responses.map((r) => r.userId ?? null),
      responses.map((r) => r.score), responses.map((r) => r.comment ?? null), responses.map((r) => r.respondedAt)],
  );
}
