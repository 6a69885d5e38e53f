import type { Hono } from 'hono';
import { ChannelNameSchema } from '../../../features/channels/schemas';
import { channelConfig, ChannelConfigSchema, listChannels, removeChannel, secretsOf, setChannel, type ChannelConfig } from '../channels/store';
import type { Sql } from '../db';
import { fail, issuesText, parseJson, type Env } from '../http';
import type { Log } from '../log';

/**
 * A manager sets and removes the team's delivery channels (docs/api.md,
 * Admin; docs/channels.md). The settings that are secret (an SMTP
 * password, a robot's webhook URL, a signing secret) are write-only: no
 * answer, error or log line carries them. A body that leaves one out for a
 * channel of the same kind keeps the stored one; `null` removes an
 * optional field (the SMTP user and password, a robot's signing secret).
 */
export const SECRET_FIELDS = ['password', 'url', 'secret'] as const;

/** The path of the first string in `value` with a control character or broken Unicode, or null. */
function badText(value: unknown, path: string): string | null {
  if (typeof value === 'string') return /[\u0000-\u001f\u007f]/.test(value) || !value.isWellFormed() ? path : null;
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = badText(v, path ? `${path}.${k}` : k);
      if (found) return found;
    }
  }
  return null;
}

/** Every string sent in the body's secret fields, to be blotted out of any message about it. */
function sentSecrets(body: Record<string, unknown>): string[] {
  return SECRET_FIELDS.map((f) => body[f]).filter((v): v is string => typeof v === 'string' && v.length >= 4);
}

const scrub = (text: string, secrets: string[]) => secrets.sort((a, b) => b.length - a.length).reduce((out, s) => out.split(s).join('[redacted]'), text);

/**
 * The config to store: `body` with each secret field it leaves out taken
 * from `stored` when that is a channel of the same kind, and each field it
 * sets to `null` left out (no password, no user, an unsigned robot).
 * Answers the secret fields kept, by name.
 */
export function mergeSecrets(body: Record<string, unknown>, stored: ChannelConfig | null): { raw: Record<string, unknown>; kept: string[] } {
  const raw: Record<string, unknown> = { ...body };
  const kept: string[] = [];
  const old = stored && stored.kind === body.kind ? (stored as Record<string, unknown>) : null;
  for (const [field, value] of Object.entries(body)) if (value === null) delete raw[field];
  for (const field of SECRET_FIELDS) {
    if (!(field in body) && old && typeof old[field] === 'string') {
      raw[field] = old[field];
      kept.push(field);
    }
  }
  return { raw, kept };
}

export function adminChannelRoutes(app: Hono<Env>, { sql, now, log }: { sql: Sql; now: () => Date; log: Log }): void {
  // Names, kinds and a summary (SMTP host and sender, a robot's host): never a password, webhook URL or secret.
  app.get('/v1/admin/channels', async (c) => {
    const items = (await listChannels(sql, c.get('caller').teamId)).map(({ name, kind, summary, updatedAt }) => ({ name, kind, summary, updatedAt }));
    return c.json({ items });
  });

  app.put('/v1/admin/channels/:name', async (c) => {
    const caller = c.get('caller');
    const name = ChannelNameSchema.safeParse(c.req.param('name'));
    if (!name.success) return fail(c, 422, 'validation_failed', issuesText(name.error, 'name'));
    const parsed = parseJson(await c.req.text());
    if (!parsed.ok) return fail(c, 422, 'validation_failed', parsed.message);
    const body = parsed.value;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return fail(c, 422, 'validation_failed', 'body: must be a JSON object with the channel’s kind and settings');
    const fields = body as Record<string, unknown>;
    const bad = badText(fields, '');
    if (bad) return fail(c, 422, 'validation_failed', `${bad}: must have no control characters and be well-formed Unicode`);
    const stored = await channelConfig(sql, caller.teamId, name.data);
    const { raw, kept } = mergeSecrets(fields, stored);
    const config = ChannelConfigSchema.safeParse(raw);
    if (!config.success) {
      // Names the fields, never their values; anything sent as a secret is blotted out all the same.
      return fail(c, 422, 'validation_failed', scrub(issuesText(config.error), [...sentSecrets(fields), ...(stored ? secretsOf(stored) : [])]));
    }
    await setChannel(sql, caller.teamId, name.data, config.data, now());
    const listing = (await listChannels(sql, caller.teamId)).find((ch) => ch.name === name.data)!;
    log('info', 'channel', { team: caller.teamId, channel: name.data, kind: config.data.kind, outcome: stored ? 'replaced' : 'set', kept, by: caller.userId });
    return c.json({ name: listing.name, kind: listing.kind, summary: listing.summary, updatedAt: listing.updatedAt });
  });

  app.delete('/v1/admin/channels/:name', async (c) => {
    const caller = c.get('caller');
    const name = ChannelNameSchema.safeParse(c.req.param('name'));
    if (!name.success) return fail(c, 422, 'validation_failed', issuesText(name.error, 'name'));
    if (!(await removeChannel(sql, caller.teamId, name.data))) return fail(c, 404, 'not_found', 'no such channel in the team');
    log('info', 'channel', { team: caller.teamId, channel: name.data, outcome: 'removed', by: caller.userId });
    return c.json({ name: name.data, removed: true });
  });
}
