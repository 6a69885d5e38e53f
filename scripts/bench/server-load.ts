import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { ApiAccountSchema, type ApiAccount } from '../../data/sync/schemas';
import { createToken, ensureUser } from '../../server/src/auth';
import { openPglite, openPostgres, poolSize, type Sql } from '../../server/src/db';
import { silentLog } from '../../server/src/log';
import { startServer, type Running } from '../../server/src/main';
import { storeAccounts } from '../../server/src/store';
import { startPostgres, type TempPostgres } from '../../tests/support/postgres';
import { fire } from './server-load-worker';

/**
 * A bounded load test of the team server (server/src) on PGlite or on a
 * throwaway PostgreSQL: a team with N accounts, then autocannon for a fixed
 * time against lookups, then against idempotent writes, then a check in the
 * database that every accepted write is stored exactly once.
 *
 * autocannon runs in a worker thread (server-load-worker.ts), so the load generator
 * and the server do not share one event loop. On a small machine they still
 * share the CPU (and with PostgreSQL, the database's processes too): the
 * numbers are what one server process does with the load generator beside it.
 */

export interface LoadPhase {
  /** Completed requests per second over the phase. */
  rps: number;
  /** Latency percentiles in ms, from autocannon's histogram. */
  p50: number;
  p99: number;
  /** Completed requests. */
  requests: number;
  /** Non-2xx answers plus connection errors and timeouts. */
  errors: number;
}

export interface LoadResult {
  backend: 'PGlite' | 'PostgreSQL';
  lookup: LoadPhase;
  write: LoadPhase & {
    /** Distinct note ids answered 200. */
    accepted: number;
    /** Of those, ids found in the database. */
    stored: number;
    /** Note ids with more than one row (`group by id having count(*) > 1`). Must be 0. */
    duplicates: number;
    /** Requests that deliberately repeated an earlier (Idempotency-Key, body) pair. */
    repeats: number;
    /**
     * Accepted ids written more than once: two 200 answers for one id that
     * differ, or a stored version that is not the one answered (the server
     * stamps updatedAt at each write). Must be 0.
     */
    rewritten: number;
  };
}

export interface LoadOptions {
  /** Seconds per phase (default 10). */
  seconds?: number;
  /** autocannon connections (default 20). */
  connections?: number;
  /** Accounts in the team (default 10,000). */
  accounts?: number;
}

const TEAM = 'load-team';

/** The i-th seeded account: HubSpot, digit record id 100000+i (normalisation leaves it alone), id load-acct-i. */
export function loadAccount(i: number): ApiAccount {
  const month = String((i % 12) + 1).padStart(2, '0');
  return ApiAccountSchema.parse({
    id: `load-acct-${i}`,
    crm: 'hubspot',
    recordId: String(100_000 + i),
    name: `Load account ${i}`,
    owner: `Owner ${i % 7}`,
    csm: `CSM ${i % 5}`,
    segment: (['enterprise', 'mid_market', 'smb', 'self_serve'] as const)[i % 4],
    arr: 10_000 + (i % 90) * 1000,
    currency: 'USD',
    contractStart: `2026-${month}-01`,
    contractEnd: `2027-${month}-01`,
    health: { score: (i * 37) % 101, band: (['green', 'yellow', 'red'] as const)[i % 3], asOf: '2026-11-01' },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
  });
}

export async function loadTest(backend: 'PGlite' | 'PostgreSQL', opts: LoadOptions = {}): Promise<LoadResult> {
  const seconds = opts.seconds ?? 10;
  const connections = opts.connections ?? 20;
  const accounts = opts.accounts ?? 10_000;
  if (!(seconds > 0) || !(connections >= 1) || !(accounts >= 1)) throw new Error('loadTest: seconds, connections and accounts must be positive');

  let pg: TempPostgres | undefined;
  let dir: string | undefined;
  let sql: Sql | undefined;
  let server: Running | undefined;
  try {
    if (backend === 'PostgreSQL') {
      pg = await startPostgres();
      sql = await openPostgres(pg.url, poolSize(process.env.LENS_PG_POOL));
    } else {
      dir = mkdtempSync(join(tmpdir(), 'lens-load-'));
      sql = await openPglite(dir);
    }
    server = await startServer(sql, { port: 0, log: silentLog }); // migrates first
    const { userId } = await ensureUser(sql, TEAM, 'load', 'csm');
    const { token } = await createToken(sql, userId);
    await storeAccounts(sql, TEAM, Array.from({ length: accounts }, (_, i) => loadAccount(i)), []);

    const base = { url: server.url, token, connections, accounts };
    const lookup = await fire({ ...base, phase: 'lookup', seconds });
    if (lookup.phase.requests === 0) throw new Error(`${backend}: no lookup completed`);
    const write = await fire({ ...base, phase: 'write', seconds });

    const answered = new Map(write.accepted);
    const ids = [...answered.keys()];
    const found = await sql.query<{ id: string; updated_at: string }>(
      `select id, data->>'updatedAt' as updated_at from items where team_id = $1 and kind = 'notes' and id = any($2::text[])`,
      [TEAM, ids],
    );
    const stored = new Set(found.rows.map((r) => r.id));
    const dup = await sql.query<{ n: string | number }>(
      `select count(*) as n from (select id from items where team_id = $1 and kind = 'notes' group by id having count(*) > 1) d`,
      [TEAM],
    );
    const rewritten = new Set([...write.mismatched, ...found.rows.filter((r) => answered.get(r.id) !== r.updated_at).map((r) => r.id)]);
    return {
      backend,
      lookup: lookup.phase,
      write: {
        ...write.phase,
        accepted: answered.size,
        stored: stored.size,
        duplicates: Number(dup.rows[0]?.n ?? 0),
        repeats: write.repeats,
        rewritten: rewritten.size,
      },
    };
  } finally {
    // stop() closes the database; without a server, close it here.
    if (server) await server.stop().catch(() => undefined);
    else await sql?.close().catch(() => undefined);
    if (pg) await pg.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/** Rows in the format of scripts/bench/index.ts (median = p50 latency; p95 is not measured, p99 is in target). */
export function loadRows(r: LoadResult, accounts = 10_000) {
  const at = `@${accounts >= 1000 ? `${accounts / 1000}k` : accounts}`;
  const row = (name: string, what: string, p: LoadPhase, extra = '') => ({
    bench: `server.${name}${at}:${r.backend}`,
    what,
    median: p.p50,
    p95: NaN,
    n: p.requests,
    unit: 'ms',
    target: `${p.rps} req/s, p99 ${p.p99} ms, errors ${p.errors}${extra}`,
  });
  return [
    row('lookup', `team server GET /v1/accounts/lookup under autocannon load (${r.backend})`, r.lookup),
    row('write', `team server idempotent PUT /v1/records/notes under autocannon load (${r.backend})`, r.write, `, duplicates ${r.write.duplicates}`),
  ];
}

// npx tsx scripts/bench/server-load.ts [PGlite|PostgreSQL] [seconds]
if (isMainThread && process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const backend = process.argv[2] === 'PostgreSQL' ? 'PostgreSQL' : 'PGlite';
  console.log(JSON.stringify(await loadTest(backend, { seconds: Number(process.argv[3] ?? 8) }), null, 2));
}
