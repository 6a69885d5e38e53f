import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import { ACTIONS, PERMISSIONS, ROLES, type MatrixKind } from '../../../data/sync/permissions';
import { createToken, ensureUser, revokeToken, RoleConflict, tokenCache } from '../auth';
import type { Sql } from '../db';
import { bodyOf, fail, issuesText, type Env } from '../http';
import { createIngestKey } from '../ingest/keys';
import type { Log } from '../log';
import { endSessionsOf } from '../sso/sessions';
import { adminChannelRoutes } from './channels';
import { adminPage } from './page';
import { auditLog, listIngestKeys, listPeople, listTokens, revokeTeamIngestKey, setRole, tokenInTeam } from './queries';
import { AuditQuerySchema, IngestKeyCreateSchema, RoleBodySchema, TokenCreateSchema, TokenIdSchema, UserIdSchema } from './schemas';

const DAY_MS = 86_400_000;


/**
 * The manager's admin API (docs/api.md, Admin), behind the admin page: the
 * team's people and roles, tokens, ingest keys, channels (set and removed
 * in channels.ts), the
 * authorisation table and the audit log. Managers only; every query is
 * scoped to the manager's team, so another team's ids answer 404. A new
 * token or key is in the answer that creates it and nowhere else.
 */
export function adminRoutes(app: Hono<Env>, { sql, now, log }: { sql: Sql; now: () => Date; log: Log }): void {
  adminPage(app);
  app.use('/v1/admin/*', async (c, next) => {
    if (c.get('caller').role !== 'manager') return fail(c, 403, 'forbidden', 'only a manager may use the admin API');
    await next();
  });

  app.get('/v1/admin/people', async (c) => c.json({ items: await listPeople(sql, c.get('caller').teamId, now()) }));

  app.put('/v1/admin/people/:id/role', async (c) => {
    const id = UserIdSchema.safeParse(c.req.param('id'));
    if (!id.success) return fail(c, 422, 'validation_failed', issuesText(id.error, 'id'));
    const body = await bodyOf(c, RoleBodySchema);
    if (!body.ok) return body.answer;
    const result = await setRole(sql, c.get('caller').teamId, id.data, body.value.role);
    if (result === 'missing') return fail(c, 404, 'not_found', 'no such person in the team');
    if (result === 'last_manager') return fail(c, 422, 'validation_failed', 'role: this is the team’s only manager; make someone else a manager first');
    // Tokens this process trusts carry the role they were checked with.
    tokenCache.forgetUser(id.data);
    return c.json({ id: id.data, role: result });
  });

  /** Ends every single sign-on session of the person: each of their browsers must sign in at the provider again. */
  app.post('/v1/admin/people/:id/sign-out', async (c) => {
    const id = UserIdSchema.safeParse(c.req.param('id'));
    if (!id.success) return fail(c, 422, 'validation_failed', issuesText(id.error, 'id'));
    const { rows } = await sql.query('select 1 from users where team_id = $1 and id = $2', [c.get('caller').teamId, id.data]);
    if (rows.length === 0) return fail(c, 404, 'not_found', 'no such person in the team');
    return c.json({ id: id.data, ended: await endSessionsOf(sql, id.data) });
  });

  app.get('/v1/admin/tokens', async (c) => c.json({ items: await listTokens(sql, c.get('caller').teamId) }));

  app.post('/v1/admin/tokens', async (c) => {
    const body = await bodyOf(c, TokenCreateSchema);
    if (!body.ok) return body.answer;
    const { user, role, days } = body.value;
    try {
      const { userId } = await ensureUser(sql, c.get('caller').teamId, user, role);
      const expiresAt = days ? new Date(now().getTime() + days * DAY_MS) : undefined;
      const made = await createToken(sql, userId, expiresAt ? { expiresAt } : {});
      return c.json({ id: made.id, token: made.token, userId, user, role, expiresAt: expiresAt?.toISOString() ?? null }, 201);
    } catch (err) {
      if (err instanceof RoleConflict) return fail(c, 422, 'validation_failed', `role: ${user} is already a ${err.current}; change their role under People first`);
      throw err;
    }
  });

  app.post('/v1/admin/tokens/:id/revoke', async (c) => {
    const id = TokenIdSchema.safeParse(c.req.param('id'));
    if (!id.success) return fail(c, 422, 'validation_failed', issuesText(id.error, 'id'));
    const found = await tokenInTeam(sql, c.get('caller').teamId, id.data);
    if (!found) return fail(c, 404, 'not_found', 'no such token in the team');
    const revoked = found.revoked ? false : await revokeToken(sql, id.data);
    return c.json({ id: id.data, revoked: true, already: !revoked });
  });

  app.get('/v1/admin/ingest-keys', async (c) => c.json({ items: await listIngestKeys(sql, c.get('caller').teamId) }));

  app.post('/v1/admin/ingest-keys', async (c) => {
    const body = await bodyOf(c, IngestKeyCreateSchema);
    if (!body.ok) return body.answer;
    const made = await createIngestKey(sql, c.get('caller').teamId, body.value.name);
    return c.json({ id: made.id, key: made.key, name: body.value.name }, 201);
  });

  app.post('/v1/admin/ingest-keys/:id/revoke', async (c) => {
    const id = TokenIdSchema.safeParse(c.req.param('id'));
    if (!id.success) return fail(c, 422, 'validation_failed', issuesText(id.error, 'id'));
    const result = await revokeTeamIngestKey(sql, c.get('caller').teamId, id.data);
    if (result === 'missing') return fail(c, 404, 'not_found', 'no such ingest key in the team');
    return c.json({ id: id.data, revoked: true, already: result === 'already' });
  });

  adminChannelRoutes(app, { sql, now, log });

  app.get('/v1/admin/authorisation', (c) => {
    const kinds = (Object.keys(PERMISSIONS) as MatrixKind[]).map((kind) => ({
      kind,
      actions: Object.fromEntries(ACTIONS.map((a) => [a, [...(PERMISSIONS[kind][a] ?? [])]])),
    }));
    return c.json({ roles: ROLES, actions: ACTIONS, kinds });
  });

  app.get('/v1/admin/audit', async (c) => {
    const q = AuditQuerySchema.safeParse(c.req.query());
    if (!q.success) return fail(c, 422, 'validation_failed', issuesText(q.error, 'query'));
    const before = q.data.cursor ? Number(q.data.cursor.slice(1)) : null;
    return c.json(await auditLog(sql, c.get('caller').teamId, q.data.limit, before));
  });
}
