import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ErrorBodySchema, putResponseSchema, type ApiAccount, type RecordOf } from '../../data/sync/schemas';
import type { WrittenKind } from '../../data/model/records';
import { createApp } from '../src/app';
import { createToken, ensureUser, type Role } from '../src/auth';
import { openPglite, openPostgres, type Sql } from '../src/db';
import { silentLog, type Log } from '../src/log';
import { migrate } from '../src/migrations';
import { storeAccounts } from '../src/store';
import { postgresUnavailable, startPostgres, type TempPostgres } from '../../tests/support/postgres';

// Opening a PGlite database (PostgreSQL in WebAssembly) takes seconds on a busy 2-core CI machine:
// these tests get room to open theirs. (No test here measures speed; the load test does.)
vi.setConfig({ testTimeout: 30_000, hookTimeout: 90_000 });

/**
 * The server suite runs every test against both databases the server
 * supports: PGlite in memory and a throwaway PostgreSQL cluster (one per
 * test file). Each test gets an empty, migrated database: the file's
 * database (PGlite in memory; one database of the cluster), emptied. Tests
 * that need a database of their own (migrations, shutdown, CLI) open one.
 */

/** Empties a migrated database: faster than creating one per test (CREATE DATABASE costs ~300 ms). */
const EMPTY = `delete from automation_jobs; delete from automation_rules; delete from deliveries; delete from channels; delete from usage_days; delete from usage_user_days; delete from usage_event_days; delete from events; delete from event_keys; delete from end_users; delete from tickets; delete from nps_responses; delete from webhook_secrets; delete from ingest_keys; delete from ingest_config; delete from record_history; delete from team_feed; delete from idempotency; delete from items; delete from tokens; delete from sso_sessions; delete from users; delete from teams; alter sequence change_seq restart`;

export interface Db {
  sql: Sql;
  /** Another handle on the same database: PostgreSQL always; PGlite only with a data dir, after `sql` is closed. */
  reopen(): Promise<Sql>;
  /** Environment that makes `openFromEnv` (the CLI) open this database. */
  env: { DATABASE_URL?: string; LENS_DATA_DIR?: string };
}

export interface Backend {
  name: 'PGlite' | 'PostgreSQL';
  kind: 'pglite' | 'postgres';
  /** Starts what the backend needs for a test file (the PostgreSQL cluster). */
  start(): Promise<void>;
  /** Closes every handle opened since the last call and drops per-test databases. */
  cleanup(): Promise<void>;
  /** Stops the cluster, removes temporary folders. */
  stop(): Promise<void>;
  /**
   * A new, empty, unmigrated database. `persistent`: PGlite keeps its data in a
   * temporary folder so it can be reopened. `keep`: the database outlives the
   * test (for a describe's beforeAll); it is removed when the file ends.
   */
  open(opts?: { persistent?: boolean; keep?: boolean }): Promise<Db>;
  /** An empty, migrated database for one test (faster than `open` + `migrate`). */
  fresh(): Promise<Sql>;
}

const closeQuietly = async (sql: Sql) => {
  await sql.close().catch(() => undefined);
};

function pgliteBackend(): Backend {
  const opened: Sql[] = [];
  const kept: Sql[] = [];
  const dirs: string[] = [];
  let shared: Sql | undefined;
  const track = (sql: Sql) => (opened.push(sql), sql);
  return {
    name: 'PGlite',
    kind: 'pglite',
    async start() {
      shared = await openPglite();
      await migrate(shared);
    },
    async cleanup() {
      await Promise.all(opened.splice(0).map(closeQuietly));
    },
    async stop() {
      await this.cleanup();
      await Promise.all(kept.splice(0).map(closeQuietly));
      if (shared) await closeQuietly(shared);
      for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
    },
    async open(opts = {}) {
      const own = opts.keep ? (sql: Sql) => (kept.push(sql), sql) : track;
      if (!opts.persistent) {
        const sql = own(await openPglite());
        return { sql, env: {}, reopen: () => Promise.reject(new Error('an in-memory PGlite cannot be reopened')) };
      }
      const dir = mkdtempSync(join(tmpdir(), 'lens-pglite-'));
      dirs.push(dir);
      const sql = own(await openPglite(dir));
      // Handles opened later belong to the test that opens them.
      return { sql, env: { LENS_DATA_DIR: dir }, reopen: async () => track(await openPglite(dir)) };
    },
    async fresh() {
      if (!shared) throw new Error('PGlite backend not started');
      await shared.exec(EMPTY);
      return shared;
    },
  };
}

function postgresBackend(): Backend {
  let cluster: TempPostgres | undefined;
  let admin: pg.Client | undefined;
  const opened: Sql[] = [];
  const kept: Sql[] = [];
  const databases: string[] = [];
  const keptDatabases: string[] = [];
  let shared: Sql | undefined;
  let n = 0;
  const track = (sql: Sql) => (opened.push(sql), sql);
  const urlOf = (db: string) => {
    const u = new URL(cluster!.url);
    u.pathname = `/${db}`;
    return u.toString();
  };
  return {
    name: 'PostgreSQL',
    kind: 'postgres',
    async start() {
      const why = postgresUnavailable();
      if (why) throw new Error(`PostgreSQL cannot be started: ${why}. Set LENS_SKIP_POSTGRES=1 to run the server suite on PGlite only.`);
      cluster = await startPostgres();
      admin = new pg.Client({ connectionString: cluster.url });
      await admin.connect();
      shared = (await this.open({ keep: true })).sql;
      await migrate(shared);
    },
    async cleanup() {
      await Promise.all(opened.splice(0).map(closeQuietly));
      for (const db of databases.splice(0)) await admin?.query(`drop database if exists ${db}`).catch(() => undefined);
    },
    async stop() {
      await this.cleanup();
      await Promise.all(kept.splice(0).map(closeQuietly));
      databases.push(...keptDatabases.splice(0));
      await this.cleanup();
      await admin?.end().catch(() => undefined);
      await cluster?.stop();
    },
    async open(opts = {}) {
      if (!admin) throw new Error('PostgreSQL backend not started');
      const db = `lens_t_${process.pid}_${++n}_${Math.random().toString(36).slice(2, 8)}`;
      await admin.query(`create database ${db}`);
      (opts.keep ? keptDatabases : databases).push(db);
      const url = urlOf(db);
      const sql = await openPostgres(url);
      (opts.keep ? kept : opened).push(sql);
      return { sql, env: { DATABASE_URL: url }, reopen: async () => track(await openPostgres(url)) };
    },
    async fresh() {
      if (!shared) throw new Error('PostgreSQL backend not started');
      await shared.exec(EMPTY);
      return shared;
    },
  };
}

/**
 * The backends to run: PGlite always; PostgreSQL unless it cannot be started
 * here and LENS_SKIP_POSTGRES=1 says to go without it. Without that variable
 * the PostgreSQL suite fails in beforeAll with the reason.
 */
export function backends(): Backend[] {
  const why = postgresUnavailable();
  if (why && process.env.LENS_SKIP_POSTGRES === '1') {
    console.warn(`[server tests] The PostgreSQL suite was NOT run (LENS_SKIP_POSTGRES=1): ${why}. Only PGlite was tested.`);
    return [pgliteBackend()];
  }
  return [pgliteBackend(), postgresBackend()];
}

/** Registers the backend's hooks in the current describe. */
export function useBackend(backend: Backend): void {
  beforeAll(() => backend.start(), 60_000);
  afterEach(() => backend.cleanup());
  afterAll(() => backend.stop(), 60_000);
}

// ---------------------------------------------------------------- requests

export type App = ReturnType<typeof createApp>;

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export async function answerOf(res: Response): Promise<Answer> {
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** Checks an error answer: the status, the contract's error body, and the code. */
export function expectError(a: Answer, status: number, code: string): string {
  expect(a.status, a.text).toBe(status);
  expect(a.headers.get('content-type') ?? '').toMatch(/application\/json/);
  const body = ErrorBodySchema.parse(a.json);
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  return body.error.message;
}

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A database, an app on it, and shortcuts for the calls the tests make. */
export class Harness {
  readonly app: App;
  constructor(
    readonly sql: Sql,
    now?: () => Date,
    log: Log = silentLog,
  ) {
    this.app = createApp({ sql, log, ...(now ? { now } : {}) });
  }

  async token(team: string, user: string, role: Role = 'csm', opts: { expiresAt?: Date } = {}): Promise<string> {
    const { userId } = await ensureUser(this.sql, team, user, role);
    return (await createToken(this.sql, userId, opts)).token;
  }

  async request(path: string, init: RequestInit & { token?: string } = {}): Promise<Answer> {
    const { token, headers, ...rest } = init;
    const h = new Headers(headers);
    if (token) h.set('Authorization', `Bearer ${token}`);
    return answerOf(await this.app.request(path, { ...rest, headers: h }));
  }

  get(token: string, path: string): Promise<Answer> {
    return this.request(path, { token });
  }

  put(token: string, kind: string, id: string, body: unknown, key: string | null = crypto.randomUUID(), headers: Record<string, string> = {}): Promise<Answer> {
    return this.request(`/v1/records/${kind}/${encodeURIComponent(id)}`, {
      method: 'PUT',
      token,
      headers: { 'Content-Type': 'application/json; charset=utf-8', ...(key !== null ? { 'Idempotency-Key': key } : {}), ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  /** A PUT that must succeed: answers the stored record, validated. */
  async putOk<K extends WrittenKind>(token: string, kind: K, record: { id: string } & Record<string, unknown>, key?: string): Promise<RecordOf<K>> {
    const a = await this.put(token, kind, record.id, record, key);
    expect(a.status, a.text).toBe(200);
    return (putResponseSchema(kind).parse(a.json) as { record: RecordOf<K> }).record;
  }

  /** PUT /v1/accounts/{id}/signed: an account's signing date set (a date) or cleared (null). */
  signed(token: string, id: string, body: unknown, key: string | null = crypto.randomUUID()): Promise<Answer> {
    return this.request(`/v1/accounts/${encodeURIComponent(id)}/signed`, {
      method: 'PUT',
      token,
      headers: { 'Content-Type': 'application/json; charset=utf-8', ...(key !== null ? { 'Idempotency-Key': key } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  import(token: string, body: string, type = 'text/csv; charset=utf-8'): Promise<Answer> {
    return this.request('/v1/import', { method: 'POST', token, headers: { 'Content-Type': type }, body });
  }

  /** Stores accounts for a team directly (the team is created when missing). */
  async seed(team: string, accounts: readonly ApiAccount[]): Promise<void> {
    await ensureUser(this.sql, team, `seeder-${team}`, 'manager');
    await storeAccounts(this.sql, team, accounts, []);
  }

  async count(where = 'true', params: unknown[] = []): Promise<number> {
    const { rows } = await this.sql.query<{ n: string | number }>(`select count(*) as n from items where ${where}`, params);
    return Number(rows[0]!.n);
  }

  async maxSeq(): Promise<number> {
    const { rows } = await this.sql.query<{ s: string | number | null }>('select max(seq) as s from items');
    return Number(rows[0]!.s ?? 0);
  }
}

/** A CSV import file with the template's columns. */
export const CSV_HEADER =
  'crm,crm_record_id,org_key,name,owner,csm,segment,arr,currency,contract_start,contract_end,signed_at,health_as_of,active_user_rate,core_feature_adoption,module_breadth,tickets_90d,training_rate,nps,outcome_attainment';
export const csv = (...rows: string[]) => `\uFEFF${CSV_HEADER}\r\n${rows.join('\r\n')}\r\n`;

// ---------------------------------------------------------------- records

const T = '2026-10-01T00:00:00.000Z';
const base = (id: string, accountId: string) => ({ id, accountId, createdAt: T, updatedAt: T });

/** A valid record of each kind, for an account. */
export const sample = {
  contracts: (id: string, accountId: string) => ({ ...base(id, accountId), start: '2026-01-01', end: '2027-01-01', value: 50_000, currency: 'USD' }),
  snapshots: (id: string, accountId: string) => ({ ...base(id, accountId), asOf: '2026-10-01', inputs: { activeUserRate: 80, nps: 30 } }),
  promises: (id: string, accountId: string, text = `Promise ${id}`) => ({ ...base(id, accountId), text, deliverable: 'yes' as const, status: 'open' as const }),
  notes: (id: string, accountId: string) => ({ ...base(id, accountId), kind: 'long_term_value' as const, audience: 'boss' as const, text: 'Value story' }),
  visits: (id: string, accountId: string) => ({
    ...base(id, accountId), date: '2026-10-02', durationMin: 60, attendees: ['Lee'], bossMet: true, checklistDone: ['agenda'],
    followUps: [{ text: 'Send deck', dueDate: '2026-10-09' }],
  }),
  handovers: (id: string, accountId: string) => ({ ...base(id, accountId), status: 'submitted' as const, technical: 'SSO' }),
  milestones: (id: string, accountId: string) => ({ ...base(id, accountId), key: 'kickoff', title: 'Kick-off', dueDate: '2026-11-01' }),
  ctas: (id: string, accountId: string) => ({ ...base(id, accountId), source: 'manual' as const, cause: `manual:${id}`, title: 'Call the boss', dueDate: '2026-11-01', status: 'open' as const }),
  outcomes: (id: string, accountId: string) => ({ ...base(id, accountId), kind: 'renewed' as const, date: '2026-12-01', previousArr: 1000, newArr: 1200 }),
  plans: (id: string, accountId: string) => ({ ...base(id, accountId), serviceDay: { kind: 'nth_weekday' as const, n: -1 as const, weekday: 5 }, language: 'en' as const }),
  reports: (id: string, accountId: string) => ({ ...base(id, accountId), month: '2026-10', language: 'zh-CN' as const, sentAt: '2026-10-31' }),
} satisfies Record<WrittenKind, (id: string, accountId: string) => { id: string; accountId: string }>;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function deferred<T = void>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
