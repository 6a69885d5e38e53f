import { Hono, type Context } from 'hono';
export { issuesText } from './http';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { ZodError } from 'zod';
import { allowed } from '../../data/sync/permissions';
import { ChangesQuerySchema, LookupQuerySchema, MAX_BODY_BYTES } from '../../data/sync/schemas';
import { translator, type MessageKey } from '../../shared/i18n';
import { parseImportFile, planImport } from '../../features/transfer/import';
import type { Account } from '../../data/model/account';
import type { HealthSnapshot } from '../../data/model/records';
import { WrittenKindSchema } from '../../data/model/records';
import { IdSchema } from '../../data/model/common';
import { authenticate } from './auth';
import type { Sql } from './db';
import { fail, issuesText, parseJson, type Env } from './http';
import { adminRoutes } from './admin/routes';
import { noteUse } from './admin/last-used';
import { automationRoutes } from './automation/routes';
import { channelRoutes } from './channels/routes';
import { ingestRoutes, isIngestPath } from './ingest/routes';
import type { SsoConfig } from './sso/config';
import { ssoRoutes } from './sso/routes';
import { idTokenVerifier, type IdTokenVerifier } from './sso/verify';
import { authenticateIngestKey, ingestKeyOf } from './ingest/keys';
import { failureLimiter, type FailureLimiter } from './limiter';
import type { Log } from './log';
import type { ServerMetrics } from './metrics';
import { changes, lookup, putRecord, recordHistory, seqOf, storeAccounts, teamBook } from './store';
import { setAccountSigned } from './store/signed';

export const SERVER_VERSION = '1';
/** An import file may be large: 10,000 accounts are about 2 MB. */
const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** An Idempotency-Key: visible ASCII (what a UUID is), so it is storable and loggable as it is. */
const KEY = /^[\x21-\x7e]{1,200}$/;

export interface AppOptions {
  sql: Sql;
  log: Log;
  now?: () => Date;
  /** Failed authentications per source address (default: 20 a minute). */
  limiter?: FailureLimiter;
  /**
   * Behind a reverse proxy every request comes from the proxy: then the
   * address is the last one the proxy appended to X-Forwarded-For
   * (LENS_TRUST_PROXY=1). Never set it without a proxy: the header is the
   * client's to write.
   */
  trustProxy?: boolean;
  /** Days usage events are kept (default 400). */
  retentionDays?: number;
  /** Counts and times every request (metrics.ts), when the server exports metrics. */
  metrics?: ServerMetrics;
  /** Single sign-on with the team's OpenID provider (docs/sso.md); off when undefined. */
  sso?: SsoConfig;
  /** Checks ID tokens (default: against the provider's published keys). */
  verifier?: IdTokenVerifier;
}

/** The peer address of the connection (node-server), or the proxy's view of it. */
function addressOf(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const hop = c.req.header('X-Forwarded-For')?.split(',').at(-1)?.trim();
    if (hop) return hop.slice(0, 100);
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/**
 * The team API (docs/api.md) over one database. Stateless: every request
 * reads and writes the database only, so several servers can share one.
 */
export function createApp({ sql, log, now = () => new Date(), limiter = failureLimiter(), trustProxy = false, retentionDays = 400, metrics, sso, verifier }: AppOptions) {
  const app = new Hono<Env>();
  const en = translator('en');
  if (metrics) app.use('*', metrics.middleware);

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
    const ingest = c.get('ingest');
    log('info', 'request', {
      requestId, method: c.req.method, path: c.req.path, status: c.res.status, ms: +(performance.now() - started).toFixed(1),
      ...(caller ? { team: caller.teamId, user: caller.userId } : ingest ? { team: ingest.teamId, ingestKey: ingest.keyId } : {}),
    });
  });

  app.onError((err, c) => {
    // Any input that fails a schema is the client's to fix: 422 naming the fields, never a 500 to retry for ever.
    if (err instanceof ZodError) return fail(c, 422, 'validation_failed', issuesText(err));
    // The last resort: logged with the request id; the answer says nothing of the internals.
    log('error', 'unhandled', { requestId: c.get('requestId'), error: err instanceof Error ? err.message : String(err) });
    return fail(c, 500, 'internal', 'the server could not answer; try again');
  });
  app.notFound((c) => fail(c, 404, 'not_found', 'no such endpoint'));

  app.get('/health', async (c) => {
    await sql.query('select 1');
    return c.json({ ok: true, version: SERVER_VERSION, database: sql.kind });
  });

  // Everything under /v1 needs a valid token; the caller's team scopes every query.
  // Failed attempts are counted per address: past the limit, the address waits (429) before trying again.
  app.use('/v1/*', async (c, next) => {
    const address = addressOf(c, trustProxy);
    const waitMs = limiter.blockedFor(address, now().getTime());
    if (waitMs > 0) {
      c.header('Retry-After', String(Math.ceil(waitMs / 1000)));
      return fail(c, 429, 'rate_limited', 'too many failed authentications from this address; try again later');
    }
    // A team's ingest key posts events and nothing else; a person's token does everything else.
    const ingestKey = ingestKeyOf(c.req.header('Authorization'));
    if (ingestKey) {
      const ingest = await authenticateIngestKey(sql, ingestKey);
      if (!ingest) {
        limiter.fail(address, now().getTime());
        return fail(c, 401, 'unauthorized', 'unknown or revoked ingest key');
      }
      if (!isIngestPath(c.req.path)) return fail(c, 403, 'forbidden', 'an ingest key can only post events (POST /v1/events, /v1/events/tickets, /v1/events/nps)');
      await noteUse(sql, 'ingest_keys', ingest.keyId, now());
      c.set('ingest', ingest);
      return next();
    }
    const caller = await authenticate(sql, c.req.header('Authorization'), now());
    if (!caller) {
      limiter.fail(address, now().getTime());
      return fail(c, 401, 'unauthorized', 'missing, unknown, expired or revoked token');
    }
    if (isIngestPath(c.req.path)) return fail(c, 403, 'forbidden', "events are posted with the team's ingest key (npm run server -- ingest key create), not with a person's token");
    await noteUse(sql, 'tokens', caller.tokenId, now());
    c.set('caller', caller);
    await next();
  });

  /** Who the token stands for: the panel offers only what this role may do (docs/api.md, authorisation). */
  app.get('/v1/me', (c) => {
    const { userName, role, teamId } = c.get('caller');
    return c.json({ user: userName, role, team: teamId });
  });

  app.get('/v1/accounts/lookup', async (c) => {
    const q = LookupQuerySchema.safeParse({ crm: c.req.query('crm'), recordId: c.req.query('recordId'), ...(c.req.query('orgKey') ? { orgKey: c.req.query('orgKey') } : {}) });
    if (!q.success) return fail(c, 422, 'validation_failed', issuesText(q.error, 'query'));
    const bundle = await lookup(sql, c.get('caller').teamId, q.data);
    if (bundle === 'unbound') {
      return fail(c, 404, 'not_found', `this server holds ${q.data.crm} record ${q.data.recordId} without an org key, so it cannot tell whose it is; a manager must set org_key for it in the import file`);
    }
    return bundle ? c.json(bundle) : fail(c, 404, 'not_found', 'no account for this record');
  });

  app.get('/v1/changes', async (c) => {
    const limitText = c.req.query('limit');
    const q = ChangesQuerySchema.safeParse({ ...(c.req.query('since') ? { since: c.req.query('since') } : {}), ...(limitText ? { limit: Number(limitText) } : {}) });
    const since = q.success ? seqOf(q.data.since) : null;
    if (!q.success || since === null) return fail(c, 422, 'validation_failed', q.success ? 'since: not a cursor this server gave' : issuesText(q.error, 'query'));
    return c.json(await changes(sql, c.get('caller').teamId, since, q.data.limit));
  });

  app.put(
    '/v1/records/:kind/:id',
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => fail(c, 413, 'payload_too_large', `a body is at most ${MAX_BODY_BYTES / 1024} KB`) }),
    async (c) => {
      const kind = WrittenKindSchema.safeParse(c.req.param('kind'));
      if (!kind.success) return fail(c, 404, 'not_found', 'no such record kind');
      const key = c.req.header('Idempotency-Key');
      if (!key || !KEY.test(key)) return fail(c, 422, 'validation_failed', 'Idempotency-Key: required, 1 to 200 visible ASCII characters');
      const body = parseJson(await c.req.text());
      if (!body.ok) return fail(c, 422, 'validation_failed', body.message);
      const result = await putRecord(sql, c.get('caller'), kind.data, c.req.param('id'), body.value, key, now(), log);
      return result.status === 200 ? c.json(result.answer) : fail(c, result.status, result.code, result.message);
    },
  );

  /** An account's signing date set or cleared by a person (a deal marked signed, or its Undo): docs/api.md. */
  app.put('/v1/accounts/:id/signed', bodyLimit({ maxSize: 4096, onError: (c) => fail(c, 413, 'payload_too_large', 'a body is at most 4 KB') }), async (c) => {
    const id = IdSchema.safeParse(c.req.param('id'));
    if (!id.success) return fail(c, 422, 'validation_failed', issuesText(id.error, 'id'));
    const key = c.req.header('Idempotency-Key');
    if (!key || !KEY.test(key)) return fail(c, 422, 'validation_failed', 'Idempotency-Key: required, 1 to 200 visible ASCII characters');
    const body = parseJson(await c.req.text());
    if (!body.ok) return fail(c, 422, 'validation_failed', body.message);
    const result = await setAccountSigned(sql, c.get('caller'), id.data, body.value, key, now());
    return result.status === 200 ? c.json(result.answer) : fail(c, result.status, result.code, result.message);
  });

  /**
   * Bulk import of accounts, from the same CSV or JSON files the extension
   * imports: all or nothing, like the extension. Managers only.
   */
  app.post(
    '/v1/import',
    bodyLimit({ maxSize: MAX_IMPORT_BYTES, onError: (c) => fail(c, 413, 'payload_too_large', `an import file is at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB`) }),
    async (c) => {
      const caller = c.get('caller');
      if (!allowed(caller.role, 'accounts', 'import')) return fail(c, 403, 'forbidden', 'only a manager may import accounts');
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

  /** Every accepted write of one record, newest first (at most 100): who, when, what. */
  app.get('/v1/records/:kind/:id/history', async (c) => {
    const kind = WrittenKindSchema.safeParse(c.req.param('kind'));
    if (!kind.success) return fail(c, 404, 'not_found', 'no such record kind');
    const id = IdSchema.safeParse(c.req.param('id'));
    if (!id.success) return fail(c, 422, 'validation_failed', issuesText(id.error, 'id'));
    const items = await recordHistory(sql, c.get('caller').teamId, kind.data, id.data);
    return items.length ? c.json({ items }) : fail(c, 404, 'not_found', 'no such record');
  });

  ssoRoutes(app, { sql, now, config: sso, verifier: sso ? (verifier ?? idTokenVerifier(sso)) : undefined, limiter, addressOf: (c) => addressOf(c, trustProxy) });
  ingestRoutes(app, { sql, now, retentionDays });
  channelRoutes(app, { sql, now });
  automationRoutes(app, { sql, now });
  adminRoutes(app, { sql, now, log });

  return app;
}
