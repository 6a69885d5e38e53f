// @vitest-environment node
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChangesPageSchema, putResponseSchema, type ChangesPage } from '../../data/sync/schemas';
import { authenticate, createToken, ensureUser, revokeToken } from '../src/auth';
import type { Sql } from '../src/db';
import { silentLog } from '../src/log';
import { cli, startServer } from '../src/main';
import { MIGRATIONS, migrate } from '../src/migrations';
import { fakeAccount } from '../../tests/support/fake-api-data';
import { DAY_MS } from '../../shared/dates/utc';
import { backends, csv, deferred, expectError, Harness, sample, sleep, useBackend, type Answer, type Db } from './helpers';

/**
 * The server around the API: migrations, tokens, health, CORS and the CLI
 * in-process; graceful shutdown and concurrency over real HTTP. On both databases.
 */

/** A handle whose every statement waits `ms` first: requests stay in flight long enough to stop the server under them. */
function slowed(sql: Sql, ms: number, seen: { queries: number } = { queries: 0 }): Sql {
  const wrap = (s: Sql): Sql => ({
    kind: s.kind,
    query: async <T,>(text: string, params?: readonly unknown[]) => {
      seen.queries++;
      await sleep(ms);
      return s.query<T>(text, params);
    },
    exec: (text) => s.exec(text),
    transaction: (fn) => s.transaction((tx) => fn(wrap(tx))),
    close: () => s.close(),
  });
  return wrap(sql);
}

/** The same database, but stop() does not close it (the file's shared PGlite outlives the test). */
const keptOpen = (sql: Sql): Sql => ({
  kind: sql.kind,
  query: (text, params) => sql.query(text, params),
  exec: (text) => sql.exec(text),
  transaction: (fn) => sql.transaction(fn),
  close: async () => undefined,
});

type Sent = { ok: true; status: number; json: unknown; at: number } | { ok: false; error: unknown; at: number };

async function httpPut(url: string, token: string, record: { id: string }, key: string): Promise<Sent> {
  try {
    const res = await fetch(`${url}/v1/records/promises/${record.id}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': key, 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify(record),
    });
    const text = await res.text();
    return { ok: true, status: res.status, json: JSON.parse(text), at: performance.now() };
  } catch (error) {
    return { ok: false, error, at: performance.now() };
  }
}

const causeOf = (error: unknown) => String((error as { cause?: { code?: string } }).cause?.code ?? error);

describe.each(backends())('team server on $name', (backend) => {
  useBackend(backend);

  describe('migrations', () => {
    it('apply once, are recorded in schema_migrations, and a second migrate is a no-op', async () => {
      const { sql } = await backend.open();
      expect(await migrate(sql)).toEqual(MIGRATIONS.map((m) => m.version));
      const recorded = await sql.query<{ version: number; name: string; applied_at: unknown }>('select version, name, applied_at from schema_migrations order by version');
      expect(recorded.rows.map((r) => ({ version: Number(r.version), name: r.name }))).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
      expect(recorded.rows.every((r) => r.applied_at !== null)).toBe(true);

      const tables = await sql.query<{ table_name: string }>(`select table_name from information_schema.tables where table_schema = 'public' order by table_name`);
      expect(tables.rows.map((r) => r.table_name)).toEqual([
        'automation_jobs', 'automation_rules', 'channels', 'deliveries', 'end_users', 'event_keys', 'events', 'idempotency', 'ingest_config', 'ingest_keys', 'items', 'nps_responses',
        'record_history', 'schema_migrations', 'sso_sessions', 'team_feed', 'teams', 'tickets', 'tokens', 'usage_days', 'usage_event_days', 'usage_user_days', 'users', 'webhook_secrets',
      ]);

      // Data written between starts survives a second migrate, which applies nothing.
      await ensureUser(sql, 'team-a', 'dana', 'manager');
      expect(await migrate(sql)).toEqual([]);
      expect(await migrate(sql)).toEqual([]);
      expect((await sql.query('select version from schema_migrations')).rows).toHaveLength(MIGRATIONS.length);
      expect((await sql.query('select id from users')).rows).toHaveLength(1);
    });

    it('two migrations started at once (two servers on one database) both succeed and apply once', async () => {
      const db = await backend.open();
      // PostgreSQL: separate pools, as two servers would have. PGlite: one instance (it is single-connection).
      const other = backend.kind === 'postgres' ? await db.reopen() : db.sql;
      const third = backend.kind === 'postgres' ? await db.reopen() : db.sql;
      const results = await Promise.all([migrate(db.sql), migrate(other), migrate(third)]);
      expect(results.filter((r) => r.length > 0)).toEqual([MIGRATIONS.map((m) => m.version)]);
      expect(results.filter((r) => r.length === 0)).toHaveLength(2);
      const recorded = await db.sql.query<{ version: number }>('select version from schema_migrations');
      expect(recorded.rows.map((r) => Number(r.version))).toEqual(MIGRATIONS.map((m) => m.version));
      // The schema is usable from every handle.
      await ensureUser(other, 'team-a', 'dana', 'manager');
      expect((await third.query('select id from users')).rows).toHaveLength(1);
    });
  });

  describe('tokens', () => {
    const changes = (h: Harness, headers: Record<string, string>) => h.request('/v1/changes', { headers });
    const unauthorized = (a: Answer) => expectError(a, 401, 'unauthorized');

    it('a valid token is accepted, for the user it was made for', async () => {
      const h = new Harness(await backend.fresh());
      const { userId } = await ensureUser(h.sql, 'team-a', 'dana', 'csm');
      const { id, token } = await createToken(h.sql, userId);
      expect(token).toMatch(/^lens_[A-Za-z0-9_-]{12}_[A-Za-z0-9_-]{43}$/);
      expect(token.slice(5, 17)).toBe(id);
      const a = await changes(h, { Authorization: `Bearer ${token}` });
      expect(a.status, a.text).toBe(200);
      expect(await authenticate(h.sql, `Bearer ${token}`)).toEqual({ teamId: 'team-a', userId, userName: 'dana', role: 'csm', tokenId: id });
    });

    it('a missing or malformed Authorization header gets 401 unauthorized', async () => {
      const h = new Harness(await backend.fresh());
      const token = await h.token('team-a', 'dana');
      unauthorized(await h.request('/v1/changes'));
      for (const header of [
        token, // no scheme
        `Basic ${token}`,
        `bearer ${token}`,
        `Bearer  ${token}`,
        `Bearer ${token} extra`,
        `Bearer ${token}x`,
        `Bearer ${token.slice(0, -1)}`,
        `Bearer ${token.replace('lens_', 'lenz_')}`,
        'Bearer ',
        'Bearer lens__',
      ]) {
        const a = await changes(h, { Authorization: header });
        unauthorized(a);
      }
    });

    it('an unknown token id, or the right id with a wrong secret, gets 401', async () => {
      const h = new Harness(await backend.fresh());
      const token = await h.token('team-a', 'dana');
      const [, id, secret] = /^lens_(.{12})_(.{43})$/.exec(token)!;
      const otherSecret = (secret![0] === 'A' ? 'B' : 'A') + secret!.slice(1);
      unauthorized(await changes(h, { Authorization: `Bearer lens_${'Z'.repeat(12)}_${secret}` }));
      unauthorized(await changes(h, { Authorization: `Bearer lens_${id}_${otherSecret}` }));
      // Another valid token's secret does not open this id.
      const second = await h.token('team-a', 'lee');
      unauthorized(await changes(h, { Authorization: `Bearer lens_${id}_${second.slice(18)}` }));
      expect((await changes(h, { Authorization: `Bearer ${token}` })).status).toBe(200);
    });

    it('a revoked token gets 401, and revoking twice says so', async () => {
      const h = new Harness(await backend.fresh());
      const { userId } = await ensureUser(h.sql, 'team-a', 'dana', 'manager');
      const { id, token } = await createToken(h.sql, userId);
      const keep = await createToken(h.sql, userId);
      expect((await changes(h, { Authorization: `Bearer ${token}` })).status).toBe(200);
      expect(await revokeToken(h.sql, id)).toBe(true);
      expect(await revokeToken(h.sql, id)).toBe(false);
      expect(await revokeToken(h.sql, 'no-such-token')).toBe(false);
      unauthorized(await changes(h, { Authorization: `Bearer ${token}` }));
      unauthorized(await h.put(token, 'promises', 'p1', {}));
      // The user's other token still works.
      expect((await changes(h, { Authorization: `Bearer ${keep.token}` })).status).toBe(200);
    });

    it('an expired token gets 401; one that expires later works', async () => {
      const h = new Harness(await backend.fresh());
      const expired = await h.token('team-a', 'dana', 'csm', { expiresAt: new Date(Date.now() - 1000) });
      const later = await h.token('team-a', 'lee', 'csm', { expiresAt: new Date(Date.now() + 3_600_000) });
      unauthorized(await changes(h, { Authorization: `Bearer ${expired}` }));
      expect((await changes(h, { Authorization: `Bearer ${later}` })).status).toBe(200);
      // Expiry is judged by the server's clock.
      const future = new Harness(h.sql, () => new Date(Date.now() + 2 * 3_600_000));
      unauthorized(await future.request('/v1/changes', { token: later }));
    });

    it('every /v1 endpoint needs a token, unknown ones included', async () => {
      const h = new Harness(await backend.fresh());
      unauthorized(await h.request('/v1/accounts/lookup?crm=hubspot&recordId=1'));
      unauthorized(await h.request('/v1/records/promises/p1', { method: 'PUT', headers: { 'Idempotency-Key': 'k' }, body: '{}' }));
      unauthorized(await h.request('/v1/import', { method: 'POST', body: csv() }));
      unauthorized(await h.request('/v1/nothing-here'));
      // Outside /v1, an unknown path is a JSON 404.
      expectError(await h.request('/nothing-here'), 404, 'not_found');
    });

    it('the database never holds a plain token or its secret, only a SHA-256 hash', async () => {
      const h = new Harness(await backend.fresh());
      const { userId } = await ensureUser(h.sql, 'team-a', 'dana', 'manager');
      const made = [await createToken(h.sql, userId), await createToken(h.sql, userId, { expiresAt: new Date(Date.now() + 60_000) })];
      const { rows } = await h.sql.query<Record<string, unknown>>('select * from tokens order by created_at');
      expect(rows).toHaveLength(2);
      for (const { id, token } of made) {
        const secret = token.slice(`lens_${id}_`.length);
        expect(secret).toHaveLength(43);
        const row = rows.find((r) => r.id === id)!;
        expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(row.hash).toBe(createHash('sha256').update(secret).digest('hex'));
        // Neither the secret nor the token, in any column, of any row.
        const all = JSON.stringify(rows);
        expect(all).not.toContain(secret);
        expect(all).not.toContain(token);
        const text = await h.sql.query<{ t: string }>('select t::text as t from tokens t');
        for (const r of text.rows) {
          expect(r.t).not.toContain(secret);
          expect(r.t).not.toContain(secret.slice(0, 20));
        }
      }
    });
  });

  describe('health', () => {
    it('answers without a token, naming the database', async () => {
      const h = new Harness(await backend.fresh());
      const a = await h.request('/health');
      expect(a.status).toBe(200);
      expect(a.json).toEqual({ ok: true, version: '1', database: backend.kind });
      expect(a.json).toMatchObject({ database: backend.name === 'PGlite' ? 'pglite' : 'postgres' });
    });
  });

  describe('CORS', () => {
    const preflight = (h: Harness, origin: string) =>
      h.request('/v1/records/promises/p1', {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'authorization, idempotency-key, content-type' },
      });

    it('lets an extension page preflight a PUT with Authorization and Idempotency-Key', async () => {
      const h = new Harness(await backend.fresh());
      for (const origin of ['chrome-extension://abcdefghijklmnop', 'moz-extension://0b7d5a2e-1f3c-4e5d-9a8b-7c6d5e4f3a2b']) {
        const a = await preflight(h, origin);
        expect(a.status).toBe(204);
        expect(a.headers.get('access-control-allow-origin')).toBe(origin);
        const allowed = (a.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/\s*,\s*/);
        expect(allowed).toEqual(expect.arrayContaining(['authorization', 'idempotency-key', 'content-type']));
        expect((a.headers.get('access-control-allow-methods') ?? '').split(/\s*,\s*/)).toEqual(expect.arrayContaining(['GET', 'PUT', 'POST']));
        expect(a.headers.get('access-control-allow-credentials')).toBeNull();
      }
      // The real answers carry the header too, errors included.
      const token = await h.token('team-a', 'dana');
      const ok = await h.request('/v1/changes', { token, headers: { Origin: 'chrome-extension://abcdefghijklmnop' } });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdefghijklmnop');
      const refused = await h.request('/v1/changes', { headers: { Origin: 'chrome-extension://abcdefghijklmnop' } });
      expect(refused.status).toBe(401);
      expect(refused.headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdefghijklmnop');
    });

    it('gives a web origin no Access-Control-Allow-Origin', async () => {
      const h = new Harness(await backend.fresh());
      const token = await h.token('team-a', 'dana');
      for (const origin of ['https://evil.example', 'http://localhost:3000', 'chrome-extension://abc.evil.example', 'null']) {
        const a = await preflight(h, origin);
        expect(a.headers.get('access-control-allow-origin'), origin).toBeNull();
        const get = await h.request('/v1/changes', { token, headers: { Origin: origin } });
        expect(get.headers.get('access-control-allow-origin'), origin).toBeNull();
      }
    });
  });

  describe('CLI', () => {
    // One database for the CLI tests (opening PGlite from a folder is slow); each test uses its own team.
    let db: Db;
    beforeAll(async () => {
      db = await backend.open({ persistent: true, keep: true });
      await migrate(db.sql);
      await db.sql.close(); // the CLI opens the database itself
    });

    const run = async (argv: string[]) => {
      const saved = { DATABASE_URL: process.env.DATABASE_URL, LENS_DATA_DIR: process.env.LENS_DATA_DIR };
      const set = (k: 'DATABASE_URL' | 'LENS_DATA_DIR', v: string | undefined) => (v === undefined ? delete process.env[k] : (process.env[k] = v));
      set('DATABASE_URL', db.env.DATABASE_URL);
      set('LENS_DATA_DIR', db.env.LENS_DATA_DIR);
      const lines: string[] = [];
      try {
        const code = await cli(argv, (s) => lines.push(s));
        return { code, out: lines.join('\n') };
      } finally {
        set('DATABASE_URL', saved.DATABASE_URL);
        set('LENS_DATA_DIR', saved.LENS_DATA_DIR);
      }
    };
    /** Runs `fn` on a handle of its own, closed after (PGlite allows one open handle per folder). */
    const withDb = async <T,>(fn: (h: Harness) => Promise<T>, now?: () => Date): Promise<T> => {
      const sql = await db.reopen();
      try {
        return await fn(new Harness(sql, now));
      } finally {
        await sql.close();
      }
    };

    it('token create prints a token that authenticates; token revoke makes it fail', async () => {
      const savedEnv = { ...process.env };
      const made = await run(['token', 'create', '--team', 't', '--user', 'u', '--role', 'manager']);
      expect(made.code).toBe(0);
      const token = /^(lens_\S+)$/m.exec(made.out)?.[1];
      const id = /Token (\S+) for u \(manager\) in team t\b/.exec(made.out)?.[1];
      expect(token).toBeDefined();
      expect(token!.slice(5, 17)).toBe(id);
      // The CLI leaves the environment as it found it.
      expect(process.env).toEqual(savedEnv);

      await withDb(async (h) => {
        expect((await h.get(token!, '/v1/changes')).status).toBe(200);
        // A manager: may import.
        const imported = await h.import(token!, csv('hubspot,42,,Globex,,,,,,,2027-01-31,,,,,,,,,'));
        expect(imported.status, imported.text).toBe(200);
        const rows = await h.sql.query('select * from tokens');
        expect(JSON.stringify(rows.rows)).not.toContain(token!.slice(18));
      });

      expect(await run(['token', 'revoke', '--id', id!])).toEqual({ code: 0, out: `Token ${id} revoked.` });
      expect(await run(['token', 'revoke', '--id', id!])).toEqual({ code: 0, out: `No active token ${id}.` });
      await withDb(async (h) => {
        expectError(await h.get(token!, '/v1/changes'), 401, 'unauthorized');
      });
    }, 30_000);

    it('token create with --days makes a token that expires; a csm token may not import', async () => {
      const made = await run(['token', 'create', '--team', 't2', '--user', 'lee', '--days', '2']);
      expect(made.code).toBe(0);
      expect(made.out).toContain('for lee (csm) in team t2');
      const token = /^(lens_\S+)$/m.exec(made.out)![1]!;
      const id = token.slice(5, 17);
      await withDb(async (h) => {
        const { rows } = await h.sql.query<{ expires_at: string | Date }>('select expires_at from tokens where id = $1', [id]);
        const expires = new Date(rows[0]!.expires_at).getTime();
        expect(Math.abs(expires - (Date.now() + 2 * DAY_MS))).toBeLessThan(60_000);
        expect((await h.get(token, '/v1/changes')).status).toBe(200);
        expectError(await h.import(token, csv('hubspot,42,,Globex,,,,,,,2027-01-31,,,,,,,,,')), 403, 'forbidden');
      });
      await withDb(async (h) => expectError(await h.get(token, '/v1/changes'), 401, 'unauthorized'), () => new Date(Date.now() + 3 * DAY_MS));
    }, 30_000);

    it('bad arguments print the usage and return 2', async () => {
      const counts = () => withDb(async (h) => [(await h.sql.query('select id from tokens')).rows.length, (await h.sql.query('select id from users')).rows.length]);
      const before = await counts();
      for (const argv of [
        ['token', 'create', '--user', 'u3', '--role', 'manager'],
        ['token', 'create', '--team', 't3', '--user', 'u3', '--role', 'admin'],
        ['token', 'create', '--team', 't3', '--user', 'u3', '--days', '0'],
        ['token', 'revoke'],
        ['frobnicate'],
      ]) {
        const r = await run(argv);
        expect(r.code, argv.join(' ')).toBe(2);
        expect(r.out).toContain('Account Lens team server');
        expect(r.out).toContain('token create --team T --user U');
        expect(r.out).not.toMatch(/lens_[A-Za-z0-9_-]{12}_/);
      }
      // Nothing was created by the refused commands.
      expect(await counts()).toEqual(before);
      expect(await run(['help'])).toMatchObject({ code: 0, out: expect.stringContaining('Account Lens team server') });
    }, 30_000);

    it('token create never changes an existing user\'s role silently: it refuses, and --change-role changes it and says so', async () => {
      expect((await run(['token', 'create', '--team', 't3', '--user', 'sam', '--role', 'sales'])).code).toBe(0);
      const tokens = () => withDb(async (h) => Number((await h.sql.query<{ n: string | number }>(`select count(*) as n from tokens t join users u on u.id = t.user_id where u.name = 'sam'`)).rows[0]!.n));
      const role = () => withDb(async (h) => (await h.sql.query<{ role: string }>(`select role from users where team_id = 't3' and name = 'sam'`)).rows[0]!.role);
      const refused = await run(['token', 'create', '--team', 't3', '--user', 'sam', '--role', 'manager']);
      expect(refused.code).toBe(1);
      expect(refused.out).toBe('sam is already a sales in team t3; no token was made. To make them a manager, run the command again with --change-role.');
      expect(await role()).toBe('sales');
      expect(await tokens()).toBe(1);
      // The same role again is just another token.
      expect((await run(['token', 'create', '--team', 't3', '--user', 'sam', '--role', 'sales'])).code).toBe(0);
      const changed = await run(['token', 'create', '--team', 't3', '--user', 'sam', '--role', 'manager', '--change-role']);
      expect(changed.code).toBe(0);
      expect(changed.out).toContain("sam's role changed from sales to manager");
      expect(await role()).toBe('manager');
      expect(await tokens()).toBe(3);
    }, 30_000);

    it('import leaves no valid token behind, whether the file is accepted or refused', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'lens-cli-'));
      try {
        const good = join(dir, 'good.csv');
        const bad = join(dir, 'bad.csv');
        writeFileSync(good, csv('hubspot,42,p1,Globex,,,,,,,2027-01-31,,,,,,,,,'));
        writeFileSync(bad, csv('hubspot,43,p1,,,,,,,,not-a-date,,,,,,,,,'));
        expect((await run(['import', '--team', 't4', good])).code).toBe(0);
        expect((await run(['import', '--team', 't4', bad])).code).toBe(1);
        await withDb(async (h) => {
          const { rows } = await h.sql.query<{ revoked_at: unknown }>(`select t.revoked_at from tokens t join users u on u.id = t.user_id where u.team_id = 't4' and u.name = 'import'`);
          expect(rows).toHaveLength(2);
          expect(rows.every((r) => r.revoked_at !== null)).toBe(true);
          expect(await h.count(`team_id = 't4' and kind = 'accounts'`)).toBe(1);
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 30_000);
  });

  describe('over HTTP', () => {
    describe('graceful shutdown', () => {
      // One database for both tests (opening PGlite from a folder is slow): stop() closes it, a test reopens it.
      let db: Db;
      beforeAll(async () => {
        db = await backend.open({ persistent: true, keep: true });
      });

      it('stops gracefully: requests in flight finish with 200, later ones are refused, every 200 is stored exactly once', async () => {
        const seen = { queries: 0 };
        const slow = slowed(db.sql, 3, seen);
        const running = await startServer(slow, { port: 0, log: silentLog });
        expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        const h = new Harness(db.sql);
        const token = await h.token('team-a', 'dana', 'csm');
        await h.seed('team-a', [fakeAccount(1)]);
        const health = await fetch(`${running.url}/health`);
        expect(await health.json()).toEqual({ ok: true, version: '1', database: backend.kind });

        const N = 30;
        const before = seen.queries;
        const sent = Array.from({ length: N }, (_, i) => httpPut(running.url, token, sample.promises(`s${i}`, 'acct-1'), `key-${i}`));
        // Stop once the app is answering (its queries started), however loaded the machine: others still wait.
        for (let waited = 0; seen.queries === before && waited < 5_000; waited += 5) await sleep(5);
        await sleep(10);
        const stopAt = performance.now();
        const stopping = running.stop();
        const late = httpPut(running.url, token, sample.promises('late', 'acct-1'), 'key-late');
        await stopping;
        const stoppedAt = performance.now();
        const results = await Promise.all(sent);
        const lateResult = await late;

        // Every answer is a 200, or no answer at all (the request never reached the app).
        for (const r of results) if (r.ok) expect(r.status, JSON.stringify(r.json)).toBe(200);
        for (const r of results) if (!r.ok) expect(causeOf(r.error)).toMatch(/ECONNREFUSED|ECONNRESET|UND_ERR_SOCKET|other side closed|fetch failed/);
        expect(lateResult.ok).toBe(false);
        const answered = results.flatMap((r, i) => (r.ok ? [{ i, r }] : []));
        expect(answered.length).toBeGreaterThan(0);
        // Requests that were in flight when stop() was called still finished.
        expect(answered.some(({ r }) => r.at > stopAt)).toBe(true);
        // stop() resolves once the last answer is out, without waiting for clients' keep-alive connections.
        const lastAnswer = Math.max(...answered.map(({ r }) => r.at));
        expect(stoppedAt - lastAnswer).toBeLessThan(1500);
        // stop() closed the database.
        await expect(slow.query('select 1')).rejects.toThrow();

        const sql = await db.reopen();
        for (let i = 0; i < N; i++) {
          const r = results[i]!;
          const { rows } = await sql.query<{ data: unknown }>(`select data from items where kind = 'promises' and id = $1`, [`s${i}`]);
          if (r.ok) {
            expect(rows, `s${i}`).toEqual([{ data: putResponseSchema('promises').parse(r.json).record }]);
            expect((await sql.query('select 1 from idempotency where key = $1', [`key-${i}`])).rows).toHaveLength(1);
          } else {
            expect(rows, `s${i} was refused, yet stored`).toEqual([]);
          }
        }
        expect((await sql.query(`select id from items where id = 'late'`)).rows).toEqual([]);
        const total = await sql.query<{ n: string | number }>(`select count(*) as n from items where kind = 'promises'`);
        expect(Number(total.rows[0]!.n)).toBe(answered.length);
        await sql.close();
      }, 30_000);

      it('stop() with nothing in flight closes keep-alive connections at once', async () => {
        await db.sql.close().catch(() => undefined);
        const sql = await db.reopen();
        const running = await startServer(sql, { port: 0, log: silentLog });
        const h = new Harness(sql);
        const token = await h.token('team-a', 'dana', 'csm');
        await h.seed('team-a', [fakeAccount(1)]);
        // The client keeps these connections open for reuse.
        const answers = await Promise.all([0, 1, 2].map((i) => httpPut(running.url, token, sample.promises(`k${i}`, 'acct-1'), `idle-key-${i}`)));
        expect(answers.map((a) => (a.ok ? a.status : causeOf(a.error)))).toEqual([200, 200, 200]);
        const t0 = performance.now();
        await running.stop();
        expect(performance.now() - t0).toBeLessThan(1000);
        expect((await httpPut(running.url, token, sample.promises('after', 'acct-1'), 'key-after')).ok).toBe(false);
        await running.stop(); // a second stop is harmless
      }, 30_000);
    });

    it('50 concurrent PUTs with 10 idempotency keys: all 200, identical answers per key, 10 records written once each', async () => {
      const sql = await backend.fresh();
      const h = new Harness(sql);
      const token = await h.token('team-a', 'dana', 'csm');
      await h.seed('team-a', [fakeAccount(1), fakeAccount(2)]);
      const seqBefore = await h.maxSeq();
      const running = await startServer(keptOpen(sql), { port: 0, log: silentLog });
      try {
        const bodies = Array.from({ length: 10 }, (_, k) => sample.promises(`c${k}`, k % 2 ? 'acct-1' : 'acct-2', `Concurrent ${k}`));
        const order = Array.from({ length: 50 }, (_, i) => i % 10);
        const results = await Promise.all(order.map((k) => httpPut(running.url, token, bodies[k]!, `concurrent-key-${k}`)));
        for (const r of results) expect(r.ok && r.status, r.ok ? JSON.stringify(r.json) : causeOf(r.error)).toBe(200);
        for (let k = 0; k < 10; k++) {
          const answers = results.filter((_, i) => order[i] === k).map((r) => (r.ok ? r.json : null));
          expect(answers).toHaveLength(5);
          const first = putResponseSchema('promises').parse(answers[0]).record;
          expect(first).toMatchObject({ ...bodies[k], author: 'dana', updatedAt: expect.any(String) });
          for (const a of answers) expect(a).toEqual(answers[0]);
        }
        expect(await h.count(`kind = 'promises'`)).toBe(10);
        expect((await sql.query('select key from idempotency')).rows).toHaveLength(10);
        // Written once each: exactly ten feed positions were used.
        expect(Number((await h.sql.query<{ n: string | number }>('select count(*) as n from items where seq > $1', [seqBefore])).rows[0]!.n)).toBe(10);
        expect(await h.maxSeq()).toBe(seqBefore + 10);
        const feed = ChangesPageSchema.parse((await h.get(token, '/v1/changes?limit=1000')).json);
        expect(feed.items.filter((i) => i.kind === 'promises').map((i) => i.record.id).sort()).toEqual(bodies.map((b) => b.id).sort());
      } finally {
        await running.stop();
      }
    }, 30_000);

    it('one key sent at once with different bodies: one body wins, every other answer is 409, one record', async () => {
      const sql = await backend.fresh();
      const h = new Harness(sql);
      const token = await h.token('team-a', 'dana', 'csm');
      await h.seed('team-a', [fakeAccount(1)]);
      const running = await startServer(keptOpen(sql), { port: 0, log: silentLog });
      try {
        const bodies = Array.from({ length: 8 }, (_, i) => sample.promises('race', 'acct-1', `Body ${i}`));
        const results = await Promise.all(bodies.map((b) => httpPut(running.url, token, b, 'one-key')));
        const ok = results.filter((r) => r.ok && r.status === 200);
        const conflicts = results.filter((r) => r.ok && r.status === 409);
        expect(ok).toHaveLength(1);
        expect(conflicts).toHaveLength(7);
        for (const c of conflicts) expect(c.ok && c.json).toEqual({ error: { code: 'idempotency_conflict', message: expect.any(String) } });
        const winner = putResponseSchema('promises').parse(ok[0]!.ok ? ok[0]!.json : null).record;
        const { rows } = await sql.query<{ data: unknown }>(`select data from items where kind = 'promises'`);
        expect(rows).toEqual([{ data: winner }]);
      } finally {
        await running.stop();
      }
    }, 30_000);

    it('a feed reader never skips a write that commits after a later one', async () => {
      // A write holds its transaction open after writing; another write commits meanwhile; a reader pulls in between.
      const base = await backend.fresh();
      const setup = new Harness(base);
      const token = await setup.token('team-a', 'dana', 'csm');
      await setup.seed('team-a', [fakeAccount(1)]);
      const reached = deferred();
      const release = deferred();
      let gateNext = false;
      const gated: Sql = {
        ...keptOpen(base),
        transaction: (fn) =>
          base.transaction(async (tx) => {
            const result = await fn(tx);
            if (gateNext) {
              gateNext = false;
              reached.resolve();
              await release.promise;
            }
            return result;
          }),
      };
      const h = new Harness(gated);
      const start = ChangesPageSchema.parse((await h.get(token, '/v1/changes')).json);
      expect(start.items).toHaveLength(1);

      gateNext = true;
      const slowWrite = h.put(token, 'promises', 'slow', sample.promises('slow', 'acct-1'));
      await reached.promise;
      const fastWrite = h.put(token, 'promises', 'fast', sample.promises('fast', 'acct-1'));
      await Promise.race([fastWrite, sleep(300)]);
      const read = h.get(token, `/v1/changes?since=${start.nextCursor}`);
      await Promise.race([read, sleep(300)]);
      release.resolve();
      expect((await slowWrite).status).toBe(200);
      expect((await fastWrite).status).toBe(200);
      const first = ChangesPageSchema.parse((await read).json);
      const second = ChangesPageSchema.parse((await h.get(token, `/v1/changes?since=${first.nextCursor}`)).json);
      const seen: ChangesPage['items'] = [...first.items, ...second.items];
      expect(seen.map((i) => i.record.id).sort()).toEqual(['fast', 'slow']);
    }, 30_000);
  });
});
