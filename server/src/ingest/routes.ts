import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MAX_BODY_BYTES } from '../../../data/sync/schemas';
import { IdSchema } from '../../../data/model/common';
import type { Sql } from '../db';
import { fail, issuesText, parseJson, type Env } from '../http';
import { loadConfig, saveConfig } from './config';
import { parseBatch, storeEvents } from './events';
import { peopleOf } from './people';
import { rollupTeam } from './rollup';
import { EMPTY_CONFIG, IngestConfigSchema, MAX_BATCH_BYTES, unstorablePath } from './schemas';
import { signingSecretOf, verifySignature, type SignedSource } from './signatures';
import { NPS_FORMATS, parseNps, parseTicket, storeNps, storeTicket, TICKET_FORMATS } from './support';
import { utcDate } from '../../../shared/dates/utc';
import { isIsoDate } from '../../../shared/dates/local-date';

/** The paths an ingest key may post to; a person's token may not. */
export const isIngestPath = (path: string) => path === '/v1/events' || path.startsWith('/v1/events/');


export function ingestRoutes(app: Hono<Env>, { sql, now, retentionDays }: { sql: Sql; now: () => Date; retentionDays: number }) {
  const limit = (bytes: number) => bodyLimit({ maxSize: bytes, onError: (c) => fail(c, 413, 'payload_too_large', `a body here is at most ${bytes / 1024} KB`) });

  /** Usage events in the Segment spec: a batch is taken whole or not at all. */
  app.post('/v1/events', limit(MAX_BATCH_BYTES), async (c) => {
    const body = parseJson(await c.req.text());
    if (!body.ok) return fail(c, 422, 'validation_failed', body.message);
    const receivedAt = now();
    const parsed = parseBatch(body.value, receivedAt);
    if (!parsed.ok) return fail(c, 422, 'validation_failed', parsed.message, { events: parsed.events });
    const answer = await storeEvents(sql, c.get('ingest')!.teamId, parsed.events, receivedAt, retentionDays);
    return c.json({ success: true, ...answer });
  });

  /**
   * A webhook's format (query `format`, default lens) and JSON body, or the
   * answer that refuses it: 422 for a bad body, 401 for a missing or wrong
   * signature when the team set a signing secret for its source.
   */
  async function webhook<F extends string>(c: Context<Env>, formats: readonly F[], sourceOf: (format: F) => SignedSource): Promise<{ format: F; value: unknown } | Response> {
    const format = (c.req.query('format') ?? 'lens') as F;
    if (!formats.includes(format)) return fail(c, 422, 'validation_failed', `format: one of ${formats.join(', ')}`);
    const text = await c.req.text();
    const source = sourceOf(format);
    const secret = await signingSecretOf(sql, c.get('ingest')!.teamId, source);
    if (secret !== null) {
      const verdict = verifySignature(source, secret, (name) => c.req.header(name), text, now());
      if (!verdict.ok) return fail(c, 401, 'unauthorized', `${source} webhook refused: ${verdict.message}`);
    }
    const body = parseJson(text);
    if (!body.ok) return fail(c, 422, 'validation_failed', body.message);
    const unstorable = unstorablePath(body.value, 'body');
    return unstorable ? fail(c, 422, 'validation_failed', unstorable) : { format, value: body.value };
  }

  app.post('/v1/events/tickets', limit(MAX_BODY_BYTES), async (c) => {
    const body = await webhook(c, TICKET_FORMATS, (f) => (f === 'lens' ? 'tickets' : f));
    if (body instanceof Response) return body;
    const { format } = body;
    const ticket = parseTicket(format, body.value, now());
    if (!ticket.ok) return fail(c, 422, 'validation_failed', issuesText({ issues: ticket.issues }));
    await storeTicket(sql, c.get('ingest')!.teamId, format, ticket.ticket);
    return c.json({ success: true, ticket: ticket.ticket.ticketId, status: ticket.ticket.status });
  });

  app.post('/v1/events/nps', limit(MAX_BODY_BYTES), async (c) => {
    const body = await webhook(c, NPS_FORMATS, () => 'nps');
    if (body instanceof Response) return body;
    const { format } = body;
    const parsed = parseNps(body.value);
    if (!parsed.ok) return fail(c, 422, 'validation_failed', issuesText(parsed.error));
    // The same response twice in one body counts once (the last one).
    const unique = [...new Map(parsed.responses.map((r) => [r.id, r])).values()];
    await storeNps(sql, c.get('ingest')!.teamId, format, unique);
    return c.json({ success: true, accepted: unique.length });
  });

  /** The team's configuration: readable by every role, written by managers (or the CLI). */
  app.get('/v1/ingest/config', async (c) => c.json({ config: (await loadConfig(sql, c.get('caller').teamId)) ?? EMPTY_CONFIG }));

  app.put('/v1/ingest/config', limit(20 * 1024 * 1024), async (c) => {
    const caller = c.get('caller');
    if (caller.role !== 'manager') return fail(c, 403, 'forbidden', 'only a manager may change the usage configuration');
    const body = parseJson(await c.req.text());
    if (!body.ok) return fail(c, 422, 'validation_failed', body.message);
    const config = IngestConfigSchema.safeParse(body.value);
    if (!config.success) return fail(c, 422, 'validation_failed', issuesText(config.error));
    return c.json({ config: await saveConfig(sql, caller.teamId, config.data, caller.userName, now()) });
  });

  /** Runs the day's rollup now (it also runs by itself every hour); managers only. */
  app.post('/v1/ingest/rollup', async (c) => {
    const caller = c.get('caller');
    if (caller.role !== 'manager') return fail(c, 403, 'forbidden', 'only a manager may run the rollup');
    const day = c.req.query('day') ?? utcDate(now());
    if (!isIsoDate(day)) return fail(c, 422, 'validation_failed', 'day: must be a calendar date written YYYY-MM-DD');
    return c.json(await rollupTeam(sql, caller.teamId, day, now()));
  });

  /** An account's end users and their last activity; `?user=` finds one person by id, e-mail or name. */
  app.get('/v1/accounts/:id/people', async (c) => {
    const id = IdSchema.safeParse(c.req.param('id'));
    if (!id.success) return fail(c, 422, 'validation_failed', issuesText(id.error, 'id'));
    const who = c.req.query('user');
    if (who !== undefined) {
      const bad = unstorablePath(who, 'user');
      if (bad || who.length > 300) return fail(c, 422, 'validation_failed', bad ?? 'user: at most 300 characters');
    }
    const answer = await peopleOf(sql, c.get('caller').teamId, id.data, now(), who);
    return answer ? c.json(answer) : fail(c, 404, 'not_found', 'no such account');
  });
}
