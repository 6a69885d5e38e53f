import { z } from 'zod';
import { ChannelKindSchema, EmailAddressSchema, type ChannelKind } from '../../../features/channels/schemas';
import type { Sql } from '../db';

/**
 * A team's channels and their settings. The settings include what sending
 * needs and nobody else may see (an SMTP password, a robot's webhook URL,
 * whose key is the robot's only credential, a signing secret): they live
 * in this table only, are read by the delivery worker only, and never leave
 * the server in an answer or a log line.
 */
const webhook = (param: string | null) =>
  z.string().max(1000).refine((u) => {
    try {
      const url = new URL(u);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
      return param ? Boolean(url.searchParams.get(param)) : url.pathname.length > 1;
    } catch {
      return false;
    }
  }, param ? `must be the robot's webhook URL, with its ${param}= parameter` : "must be the robot's webhook URL");
const secret = z.string().min(8).max(500).regex(/^\S+$/, 'must have no spaces');

export const ChannelConfigSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('email'),
    host: z.string().min(1).max(253).regex(/^[A-Za-z0-9.:[\]-]+$/, 'must be a host name or address'),
    port: z.number().int().min(1).max(65535),
    /** TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
    secure: z.boolean(),
    user: z.string().min(1).max(320).optional(),
    password: z.string().min(1).max(500).optional(),
    from: z.string().min(3).max(320).refine((s) => !/[\r\n]/.test(s) && /@/.test(s), 'must be an address, optionally with a name: Account Lens <lens@example.com>'),
  }),
  z.strictObject({ kind: z.literal('wecom'), url: webhook('key') }),
  z.strictObject({ kind: z.literal('dingtalk'), url: webhook('access_token'), secret: secret.optional() }),
  z.strictObject({ kind: z.literal('feishu'), url: webhook(null), secret: secret.optional() }),
]);
export type ChannelConfig = z.infer<typeof ChannelConfigSchema>;
export { EmailAddressSchema };

/** Every value of a config that must never be shown: the password, the webhook URL and its key, the secret. */
export function secretsOf(config: ChannelConfig): string[] {
  const values: string[] = [];
  if (config.kind === 'email') {
    if (config.password) values.push(config.password);
  } else {
    values.push(config.url);
    const url = new URL(config.url);
    for (const v of url.searchParams.values()) if (v.length >= 4) values.push(v);
    const last = url.pathname.split('/').at(-1);
    if (last && last.length >= 8) values.push(last);
    if ('secret' in config && config.secret) values.push(config.secret);
  }
  return values;
}

/** `text` with every secret of `config` (and anything that looks like a URL with a query) blotted out. */
export function redact(text: string, config: ChannelConfig): string {
  let out = text;
  for (const s of secretsOf(config).sort((a, b) => b.length - a.length)) out = out.split(s).join('[redacted]');
  return out.replace(/https?:\/\/\S+/g, '[url]').slice(0, 500);
}

export async function setChannel(sql: Sql, teamId: string, name: string, config: ChannelConfig, now: Date): Promise<void> {
  await sql.query('insert into teams (id, name) values ($1, $1) on conflict (id) do nothing', [teamId]);
  await sql.query(
    `insert into channels (team_id, name, kind, config, updated_at) values ($1, $2, $3, $4, $5)
     on conflict (team_id, name) do update set kind = excluded.kind, config = excluded.config, updated_at = excluded.updated_at`,
    [teamId, name, config.kind, JSON.stringify(config), now.toISOString()],
  );
}

export async function removeChannel(sql: Sql, teamId: string, name: string): Promise<boolean> {
  const { rows } = await sql.query('delete from channels where team_id = $1 and name = $2 returning name', [teamId, name]);
  return rows.length > 0;
}

export interface ChannelListing {
  name: string;
  kind: ChannelKind;
  updatedAt: string;
  /** What identifies the channel without revealing it: the SMTP host and sender, or the robot's host and whether it signs. */
  summary: string;
}

function summaryOf(config: ChannelConfig): string {
  if (config.kind === 'email') return `${config.host}:${config.port}${config.secure ? ' (TLS)' : ''}, from ${config.from}${config.user ? `, as ${config.user}` : ''}`;
  const host = new URL(config.url).host;
  return `${host}${'secret' in config && config.secret ? ', signed' : ''}`;
}

/** The team's channels, by name, without any secret. */
export async function listChannels(sql: Sql, teamId: string): Promise<ChannelListing[]> {
  const { rows } = await sql.query<{ name: string; kind: string; config: unknown; updated_at: unknown }>(
    'select name, kind, config, updated_at from channels where team_id = $1 order by name',
    [teamId],
  );
  return rows.map((r) => {
    const config = ChannelConfigSchema.parse(typeof r.config === 'string' ? JSON.parse(r.config) : r.config);
    return { name: r.name, kind: ChannelKindSchema.parse(r.kind), updatedAt: new Date(r.updated_at as string).toISOString(), summary: summaryOf(config) };
  });
}

/** A channel's settings, for sending only. */
export async function channelConfig(sql: Sql, teamId: string, name: string): Promise<ChannelConfig | null> {
  const { rows } = await sql.query<{ config: unknown }>('select config from channels where team_id = $1 and name = $2', [teamId, name]);
  if (!rows[0]) return null;
  const raw = rows[0].config;
  return ChannelConfigSchema.parse(typeof raw === 'string' ? JSON.parse(raw) : raw);
}
