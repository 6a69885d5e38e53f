import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { ChangesQuerySchema, LookupQuerySchema, MAX_BODY_BYTES } from '../../lib/api/schemas';
import { translator, type MessageKey } from '../../lib/i18n';
import { parseImportFile, planImport } from '../../lib/import';
import type { Account } from '../../lib/model/account';
import type { HealthSnapshot } from '../../lib/model/records';
import { WrittenKindSchema } from '../../lib/model/records';
import { authenticate, type Caller } from './auth';
import type { Sql } from './db';
import type { Log } from './log';
import { changes, lookup, putRecord, seqOf, storeAccounts, teamBook } from './store';

export const SERVER_VERSION = '1';
/** An import file may be large: 10,000 accounts are about 2 MB. */
const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

type Env = { Variables: { caller: Caller; requestId: string } };
type Code = 'unauthorized' | 'forbidden' | 'not_found' | 'idempotency_conflict' | 'payload_too_large' | 'validation_failed' | 'internal';

const fail = (c: Context, status: 401 | 403 | 404 | 409 | 413 | 422 | 500, code: Code, message: string) =>
  c.json({ error: { code, message: message.slice(0, 2000) } }, status);

/** Parses JSON text, refusing the keys that could pollute prototypes anywhere in it. */
function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    let bad = false;
    const value = JSON.parse(text, (k, v) => {
      if (k === '__proto__' || k === 'constructor' || k === 'prototype') bad = true;
      return v;
    });
    return bad ? { ok: false, message: 'body: keys __proto__, constructor and prototype are not accepted' } : { ok: true, value };
  } catch {
    return { ok: false, message: 'body: not valid JSON' };
  }
}

export interface AppOptions {
  sql: Sql;
  log: Log;
  now?: () => Date;
}

/**
 * The team API (docs/api.md) over one database. Stateless: every request
 * reads and writes the database only, so several servers can share one.
 */
export function createApp({ sql, log, now = () => new Date() }: AppOptions) {
  const app = new Hono<Env>();
  const en = translator('en');

  // Extension pages call from chrome-extension:// (or moz-extension://) origins.
  app.use('*', cors({
    origin: (origin) => (/^(chrome|moz)-extension:\/\/[a-z0-9-]+$/i.test(origin) ? origin : null),
    allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
    allowMethods: ['GET', 'PUT', 'POST', 'OPTIONS'],
    exposeHeaders: ['Retry-After'],
    maxAge: 600,
  }));

  app.use('*', async (c, next) => {
    const started = performance.now();
    const requestId = crypto.randomUUID();
    c.set('requestId', requestId);
    await next();
    const caller = c.get('caller');
    log('info', 'request', {
      requestId, method: c.req.method, path: c.req.path, status: c.res.status, ms: +(performance.now() - started).toFixed(1),
      ...(caller ? { team: caller.teamId, user: caller.userId } : {}),
    });
  });

  app.onError((err, c) => {
    log('error', 'unhandled', { requestId: c.get('requestId'), error: err instanceof Error ? err.message : String(err) });
    return fail(c, 500, 'internal', 'the server could not answer; try again');
  });
  app.notFound((c) => fail(c, 404, 'not_found', 'no such endpoint'));

  app.get('/health', async (c) => {
    await sql.query('select 1');
    return c.json({ ok: true, version: SERVER_VERSION, database: sql.kind });
  });

  // Everything under /v1 needs a valid token; the caller's team scopes every query.
  app.use('/v1/*', async (c, next) => {
    const caller = await authenticate(sql, c.req.header('Authorization'), now());
    if (!caller) return fail(c, 401, 'unauthorized', 'missing, unknown, expired or revoked token');
    c.set('caller', caller);
    await next();
  });

  app.get('/v1/accounts/lookup', async (c) => {
    const q = LookupQuerySchema.safeParse({ crm: c.req.query('crm'), recordId: c.req.query('recordId'), ...(c.req.query('orgKey') ? { orgKey: c.req.query('orgKey') } : {}) });
    if (!q.success) return fail(c, 422, 'validation_failed', `${q.error.issues[0]!.path.join('.')}: ${q.error.issues[0]!.message}`);
    const bundle = await lookup(sql, c.get('caller').teamId, q.data);
    return bundle ? c.json(bundle) : fail(c, 404, 'not_found', 'no account for this record');
  });

  app.get('/v1/changes', async (c) => {
    const limitText = c.req.query('limit');
    const q = ChangesQuerySchema.safeParse({ ...(c.req.query('since') ? { since: c.req.query('since') } : {}), ...(limitText ? { limit: Number(limitText) } : {}) });
    const since = q.success ? seqOf(q.data.since) : null;
    if (!q.success || since === null) return fail(c, 422, 'validation_failed', q.success ? 'since: not a cursor this server gave' : `${q.error.issues[0]!.path.join('.')}: ${q.error.issues[0]!.message}`);
    return c.json(await changes(sql, c.get('caller').teamId, since, q.data.limit));
  });

  app.put(
    '/v1/records/:kind/:id',
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => fail(c, 413, 'payload_too_large', `a body is at most ${MAX_BODY_BYTES / 1024} KB`) }),
    async (c) => {
      const kind = WrittenKindSchema.safeParse(c.req.param('kind'));
      if (!kind.success) return fail(c, 404, 'not_found', `no record kind ${c.req.param('kind')}`);
      const key = c.req.header('Idempotency-Key');
      if (!key || key.length > 200) return fail(c, 422, 'validation_failed', 'Idempotency-Key: required, at most 200 characters');
      const body = parseJson(await c.req.text());
      if (!body.ok) return fail(c, 422, 'validation_failed', body.message);
      const result = await putRecord(sql, c.get('caller'), kind.data, c.req.param('id'), body.value, key, now());
      return result.status === 200 ? c.json(result.answer) : fail(c, result.status, result.code, result.message);
    },
  );

  /**
   * Bulk import of accounts, from the same CSV or JSON files the extension
   * imports: all or nothing, like the extension. Managers only.
   */
  app.post(
    '/v1/import',
    bodyLimit({ maxSize: MAX_IMPORT_BYTES, onError: (c) => fail(c, 413, 'payload_too_large', `an import file is at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB`) }),
    async (c) => {
      const caller = c.get('caller');
      if (caller.role !== 'manager') return fail(c, 403, 'forbidden', 'only a manager may import accounts');
      const type = c.req.header('Content-Type') ?? '';
      const file = parseImportFile(type.includes('json') ? 'import.json' : 'import.csv', await c.req.text());
      const book = await teamBook(sql, caller.teamId);
      const plan = planImport(file, { accounts: book.accounts as unknown as Account[], snapshots: book.snapshots as unknown as HealthSnapshot[] }, now());
      const word = (p: { key: string; params?: Record<string, string | number> }) => en.t(p.key as MessageKey, p.params);
      if (plan.error) return fail(c, 422, 'validation_failed', word(plan.error));
      if (plan.bad.length > 0) {
        const first = plan.bad.slice(0, 5).map((b) => `line ${b.line}: ${b.problems.map(word).join('; ')}`).join(' | ');
        return fail(c, 422, 'validation_failed', `${plan.bad.length} bad row(s), nothing imported. ${first}`);
      }
      const changed = plan.rows.filter((r) => r.action !== 'unchanged');
      const accounts = changed.map((r) => {
        const { source: _s, syncedAt: _y, ...account } = r.account;
        return account;
      });
      const snapshots = changed.flatMap((r) => ('snapshots' in r ? r.snapshots : []));
      if (accounts.length > 0) await storeAccounts(sql, caller.teamId, accounts as never, snapshots);
      return c.json({ created: plan.counts.create, updated: plan.counts.update, unchanged: plan.counts.unchanged });
    },
  );

  return app;
}
