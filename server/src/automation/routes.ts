import type { Hono } from 'hono';
import { IdSchema } from '../../../data/model/common';
import { AutomationRuleNameSchema } from '../../../features/channels/scheduled';
import { listChannels } from '../channels/store';
import type { Sql } from '../db';
import { fail, issuesText, parseJson, type Env } from '../http';
import { cancelScheduled, listScheduled } from './engine';
import { listRules, RuleSettingsSchema, setRule } from './rules';

/**
 * The team's automations (docs/channels.md, automation): the rules (any
 * member reads them, a manager sets them), an account's scheduled messages
 * with what each will say, and cancelling one before it goes.
 */
export function automationRoutes(app: Hono<Env>, { sql, now }: { sql: Sql; now: () => Date }): void {
  app.get('/v1/automation/rules', async (c) => c.json({ items: await listRules(sql, c.get('caller').teamId) }));

  app.put('/v1/automation/rules/:rule', async (c) => {
    const caller = c.get('caller');
    const rule = AutomationRuleNameSchema.safeParse(c.req.param('rule'));
    if (!rule.success) return fail(c, 404, 'not_found', 'no such automation (welcome, report-reminder)');
    if (caller.role !== 'manager') return fail(c, 403, 'forbidden', 'only a manager may turn an automation on or off');
    const body = parseJson(await c.req.text());
    if (!body.ok) return fail(c, 422, 'validation_failed', body.message);
    const settings = RuleSettingsSchema.safeParse(body.value);
    if (!settings.success) return fail(c, 422, 'validation_failed', issuesText(settings.error));
    const channels = await listChannels(sql, caller.teamId);
    if (!channels.some((ch) => ch.name === settings.data.channel)) {
      return fail(c, 422, 'validation_failed', `channel: the team has no channel ${settings.data.channel}`);
    }
    return c.json({ rule: await setRule(sql, caller.teamId, rule.data, settings.data, now()) });
  });

  app.get('/v1/automation/scheduled', async (c) => {
    const id = IdSchema.safeParse(c.req.query('accountId'));
    if (!id.success) return fail(c, 422, 'validation_failed', issuesText(id.error, 'accountId'));
    return c.json({ items: await listScheduled(sql, c.get('caller').teamId, id.data) });
  });

  app.post('/v1/automation/scheduled/:id/cancel', async (c) => {
    const caller = c.get('caller');
    const result = await cancelScheduled(sql, caller.teamId, c.req.param('id').slice(0, 100), caller.userName, now());
    if (result === 'missing') return fail(c, 404, 'not_found', 'no such scheduled message');
    // Its own code: the message is past its undo window, which retrying cannot change.
    if (result === 'gone') return c.json({ error: { code: 'too_late', message: 'too late to cancel: the message was already handed over for sending, cancelled or skipped' } }, 409);
    return c.json({ scheduled: result });
  });
}
