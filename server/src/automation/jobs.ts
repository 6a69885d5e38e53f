import { randomBytes } from 'node:crypto';
import type { Account } from '../../../data/model/account';
import type { Handover, Milestone, ServicePlan } from '../../../data/model/records';
import type { ChannelKind } from '../../../features/channels/schemas';
import type { AutomationRuleName, ScheduledMessage } from '../../../features/channels/scheduled';
import { listChannels } from '../channels/store';
import type { Sql } from '../db';
import type { Outgoing } from './messages';

/** The automation_jobs table (migration 7): what the rules scheduled, read back as the API's scheduled messages. */

export type Data = Record<string, unknown>;
export const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());
export const live = (d: Data) => d.deleted !== true;

export interface JobRow {
  id: string; team_id: string; rule: string; key: string; account_id: string; channel: string; kind: ChannelKind;
  subject: string | null; body: string; recipients: unknown; due_at: unknown; state: ScheduledMessage['state'];
  note: string | null; delivery_id: string | null; delivery_state?: string | null; created_at: unknown; updated_at: unknown;
}

export function toScheduled(r: JobRow): ScheduledMessage {
  return {
    id: r.id, rule: r.rule as AutomationRuleName, accountId: r.account_id, channel: r.channel, kind: r.kind, subject: r.subject, text: r.body,
    to: Array.isArray(r.recipients) ? (r.recipients as string[]) : (JSON.parse(String(r.recipients)) as string[]),
    dueAt: iso(r.due_at)!, state: r.state, note: r.note, deliveryId: r.delivery_id, deliveryState: r.delivery_state ?? null,
    createdAt: iso(r.created_at)!, updatedAt: iso(r.updated_at)!,
  };
}

export interface NewJob { teamId: string; rule: AutomationRuleName; key: string; accountId: string; channel: string; kind: ChannelKind; dueAt: Date }

/** Records one occasion's message; a second time for the same key is nothing. Answers whether it was new. */
export async function addJob(sql: Sql, job: NewJob, out: Outgoing, now: Date): Promise<boolean> {
  const id = `auto_${randomBytes(12).toString('base64url')}`;
  const { rows } = await sql.query(
    `insert into automation_jobs (id, team_id, rule, key, account_id, channel, kind, subject, body, recipients, due_at, state, note, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)
     on conflict (team_id, rule, key) do nothing returning id`,
    [id, job.teamId, job.rule, job.key, job.accountId, job.channel, job.kind, out.ok ? out.subject : null, out.ok ? out.text : '', JSON.stringify(out.ok ? out.to : []),
      job.dueAt.toISOString(), out.ok ? 'scheduled' : 'skipped', out.ok ? null : out.why, now.toISOString()],
  );
  return rows.length > 0;
}

export async function channelKind(sql: Sql, teamId: string, name: string): Promise<ChannelKind | null> {
  return (await listChannels(sql, teamId)).find((c) => c.name === name)?.kind ?? null;
}

export const noChannel = (name: string): Outgoing => ({ ok: false, why: `the team has no channel ${name}: npm run server -- channels set, then automation set again` });

/** What the welcome is written from: the account, its service plan, its milestones and its handover, as the server holds them. */
export async function accountRecords(sql: Sql, teamId: string, accountId: string) {
  const { rows } = await sql.query<{ kind: string; data: Data }>(
    `select kind, data from items where team_id = $1 and account_id = $2 and kind in ('accounts', 'plans', 'milestones', 'handovers') order by seq`, [teamId, accountId],
  );
  const of = (kind: string) => rows.filter((r) => r.kind === kind && live(r.data)).map((r) => r.data);
  return {
    account: of('accounts').find((a) => a.id === accountId) as unknown as Account | undefined,
    plan: of('plans').at(-1) as unknown as ServicePlan | undefined,
    milestones: of('milestones') as unknown as Milestone[],
    handover: of('handovers').at(-1) as unknown as Handover | undefined,
  };
}
