import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { IdSchema } from '../../../data/model/common';
import { DeliveryRequestSchema, type ChannelKind } from '../../../features/channels/schemas';
import type { Sql } from '../db';
import { fail, issuesText, parseJson, type Env } from '../http';
import { listDeliveries, queueDelivery, sameRequest } from './deliveries';
import { robotText } from './send';
import { listChannels } from './store';

const MAX_DELIVERY_BODY = 64 * 1024;
/** WeCom's text content is at most 2048 bytes of UTF-8. */
const WECOM_MAX_BYTES = 2048;
const KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * Delivery by the team's channels, for any signed-in member: the channels
 * (names and kinds only), queueing a message for an account, and the
 * account's deliveries with their state.
 */
export function channelRoutes(app: Hono<Env>, { sql, now }: { sql: Sql; now: () => Date }): void {
  app.get('/v1/channels', async (c) => {
    const items = (await listChannels(sql, c.get('caller').teamId)).map(({ name, kind }) => ({ name, kind }));
    return c.json({ items });
  });

  app.post(
    '/v1/deliveries',
    bodyLimit({ maxSize: MAX_DELIVERY_BODY, onError: (c) => fail(c, 413, 'payload_too_large', `a delivery is at most ${MAX_DELIVERY_BODY / 1024} KB`) }),
    async (c) => {
      const caller = c.get('caller');
      const key = c.req.header('Idempotency-Key');
      if (key !== undefined && !KEY.test(key)) return fail(c, 422, 'validation_failed', 'Idempotency-Key: 1 to 200 visible ASCII characters');
      const body = parseJson(await c.req.text());
      if (!body.ok) return fail(c, 422, 'validation_failed', body.message);
      const parsed = DeliveryRequestSchema.safeParse(body.value);
      if (!parsed.success) return fail(c, 422, 'validation_failed', issuesText(parsed.error));
      const req = parsed.data;
      const channels = await listChannels(sql, caller.teamId);
      const channel = channels.find((ch) => ch.name === req.channel);
      if (!channel) {
        const names = channels.map((ch) => ch.name).join(', ');
        return fail(c, 422, 'validation_failed', `channel: the team has no channel ${req.channel} (${names ? `it has: ${names}` : 'a manager sets one up with npm run server -- channels set'})`);
      }
      const problem = kindProblem(channel.kind, req);
      if (problem) return fail(c, 422, 'validation_failed', problem);
      const account = await sql.query("select 1 from items where team_id = $1 and kind = 'accounts' and id = $2", [caller.teamId, req.accountId]);
      if (!account.rows.length) return fail(c, 404, 'not_found', 'no such account');
      const { delivery, created } = await queueDelivery(sql, caller, channel.kind, req, now(), key);
      if (!created && !sameRequest(delivery, req)) return fail(c, 409, 'idempotency_conflict', 'this Idempotency-Key was used for another delivery');
      return c.json({ delivery }, created ? 202 : 200);
    },
  );

  app.get('/v1/deliveries', async (c) => {
    const id = IdSchema.safeParse(c.req.query('accountId'));
    if (!id.success) return fail(c, 422, 'validation_failed', issuesText(id.error, 'accountId'));
    return c.json({ items: await listDeliveries(sql, c.get('caller').teamId, id.data) });
  });
}

/** What a channel's kind needs of a delivery: recipients and a subject for e-mail, none and a short text for a robot. */
function kindProblem(kind: ChannelKind, req: { subject?: string | undefined; text: string; to?: string[] | undefined }): string | null {
  if (kind === 'email') {
    if (!req.to) return 'to: the e-mail addresses to send to are required for an e-mail channel';
    if (!req.subject) return 'subject: required for an e-mail channel';
    return null;
  }
  if (req.to) return `to: a ${kind} robot posts to its group; it takes no addresses`;
  if (kind === 'wecom') {
    const bytes = Buffer.byteLength(robotText({ subject: req.subject ?? null, text: req.text }), 'utf8');
    if (bytes > WECOM_MAX_BYTES) return `text: a WeCom message is at most ${WECOM_MAX_BYTES} bytes of UTF-8 (about 680 Chinese characters); this one is ${bytes}`;
  }
  return null;
}
