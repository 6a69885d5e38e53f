import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { openPostgres, type Sql } from '../../server/src/db';
import { createIngestKey } from '../../server/src/ingest/keys';
import { saveConfig } from '../../server/src/ingest/config';
import { rollupTeam } from '../../server/src/ingest/rollup';
import { silentLog } from '../../server/src/log';
import { startServer, type Running } from '../../server/src/main';
import { storeAccounts } from '../../server/src/store';
import { startPostgres, type TempPostgres } from '../../tests/support/postgres';
import { addDays } from '../../shared/dates/local-date';
import { DAY_MS, utcDate } from '../../shared/dates/utc';
import { loadAccount } from './server-load';

/**
 * The usage-event load test, on a throwaway PostgreSQL:
 *
 * 1. ingest: clients in a worker thread post Segment batches (500 events
 *    each) to POST /v1/events for a fixed time; then every accepted event
 *    is counted in the database, and batches sent again must add nothing;
 * 2. rollup: N events over 28 days for 10,000 accounts are written straight
 *    into the events table (SQL, not HTTP: generating 10 million through the
 *    API would take the run's whole budget), then the day's rollup of every
 *    account is timed from cold (every day summarised from the raw events),
 *    and again after a late batch for today (today summarised again, the
 *    other days' summaries read), as the hourly job runs it.
 */

export interface EventsLoadOptions {
  seconds: number;
  connections: number;
  batch: number;
  accounts: number;
  /** Events generated for the rollup phase. */
  events: number;
}

export interface EventsLoadResult {
  ingest: { seconds: number; batches: number; accepted: number; perSecond: number; p50: number; p99: number; errors: number; stored: number; resentNew: number };
  rollup: { events: number; generateSeconds: number; analyzeSeconds: number; seconds: number; accounts: number; written: number; againSeconds: number; againWritten: number };
}

const TEAM = 'load-events';
/** The rollup's day: today (UTC), so the events the ingest phase posts (the last 27 days) fall in its window. */
const NOW = new Date();
const DAY = utcDate(NOW);
const VOCABULARY = ['report.created', 'dashboard.viewed', 'dashboard.shared', 'export.run', 'alert.set', 'forecast.viewed', 'integration.synced', 'invoice.sent', 'comment.added', 'search.run'];
const USERS_PER_ACCOUNT = 20;

export async function eventsLoad(opts: EventsLoadOptions, progress: (s: string) => void): Promise<EventsLoadResult> {
  let pg: TempPostgres | undefined;
  let sql: Sql | undefined;
  let server: Running | undefined;
  try {
    pg = await startPostgres();
    sql = await openPostgres(pg.url, 20);
    server = await startServer(sql, { port: 0, log: silentLog });
    await sql.query('insert into teams (id, name) values ($1, $1) on conflict do nothing', [TEAM]);
    progress(`seeding ${opts.accounts.toLocaleString('en')} accounts…`);
    await storeAccounts(sql, TEAM, Array.from({ length: opts.accounts }, (_, i) => loadAccount(i)), []);
    await saveConfig(sql, TEAM, {
      coreEvents: VOCABULARY.slice(0, 5),
      modules: { reports: ['report.created', 'export.run'], dashboards: ['dashboard.viewed', 'dashboard.shared'], alerts: ['alert.set'], forecasting: ['forecast.viewed'], integrations: ['integration.synced'] },
      keyAction: { event: 'report.created', timesPerWeek: 1, weeks: 4 },
      defaultSeats: 25,
      accounts: {},
    }, 'load', new Date());
    const { key } = await createIngestKey(sql, TEAM, 'load');

    progress(`ingest: ${opts.connections} clients posting batches of ${opts.batch} for ${opts.seconds} s…`);
    const fired = await fire({ eventsLoad: true, url: server.url, key, seconds: opts.seconds, connections: opts.connections, batch: opts.batch, accounts: opts.accounts });
    const stored = Number((await sql.query<{ n: string }>('select count(*) as n from events where team_id = $1', [TEAM])).rows[0]!.n);
    // Idempotency under load: some batches again, byte for byte; they must store nothing.
    const before = stored;
    for (const body of fired.resend) {
      const res = await fetch(`${server.url}/v1/events`, { method: 'POST', headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' }, body });
      if (!res.ok) throw new Error(`resend answered ${res.status}`);
    }
    const after = Number((await sql.query<{ n: string }>('select count(*) as n from events where team_id = $1', [TEAM])).rows[0]!.n);
    const ingest = { ...fired.summary, stored, resentNew: after - before };

    // The rollup's data: the events the ingest phase stored, plus generated ones up to the asked number.
    progress(`rollup: generating ${opts.events.toLocaleString('en')} events over 28 days for ${opts.accounts.toLocaleString('en')} accounts…`);
    const genStart = performance.now();
    const days = Array.from({ length: 29 }, (_, i) => addDays(DAY, -i));
    await sql.query('select ensure_event_days($1::date[])', [days]);
    await sql.query(
      `insert into end_users (team_id, user_id, group_id, group_at, first_seen, last_seen)
         select $1, 'u' || a || '-' || k, (100000 + a)::text, $2::timestamptz - interval '60 days', $2::timestamptz - interval '60 days', $2::timestamptz
           from generate_series(0, $3 - 1) a, generate_series(0, $4 - 1) k
       on conflict do nothing`,
      [TEAM, NOW.toISOString(), opts.accounts, USERS_PER_ACCOUNT],
    );
    const chunk = 1_000_000;
    let generated = 0;
    const target = Math.max(0, opts.events - after);
    while (generated < target) {
      const n = Math.min(chunk, target - generated);
      // Accounts are skewed (a few busy ones, a long tail); a fifth of the events carry no groupId and reach
      // their account through the user's group.
      await sql.query(
        `insert into events (team_id, ts, type, event, user_id, anonymous_id, group_id, received_at)
           select $1, $2::timestamptz - random() * interval '28 days', case when random() < 0.1 then 'page' else 'track' end,
                  ($5::text[])[1 + floor(random() * 10)::int], 'u' || a || '-' || floor(random() * $4)::int, null,
                  case when random() < 0.8 then (100000 + a)::text end, $2::timestamptz
             from (select floor($3 * power(random(), 1.5))::int as a from generate_series(1, $6)) s`,
        [TEAM, `${DAY}T23:59:59Z`, opts.accounts, USERS_PER_ACCOUNT, VOCABULARY, n],
      );
      generated += n;
      progress(`  ${(after + generated).toLocaleString('en')} events`);
    }
    // What the ingest path does for every batch: the days that got events are to be summarised.
    await sql.query(`insert into usage_days (team_id, day, dirty) select $1, d::date, true from unnest($2::date[]) d on conflict (team_id, day) do update set dirty = true`, [TEAM, days]);
    const generateSeconds = (performance.now() - genStart) / 1000;
    const anStart = performance.now();
    await sql.query('analyze events');
    await sql.query('analyze end_users');
    const analyzeSeconds = (performance.now() - anStart) / 1000;
    progress('rollup: running…');
    const total = Number((await sql.query<{ n: string }>('select count(*) as n from events where team_id = $1', [TEAM])).rows[0]!.n);
    const r = await rollupTeam(sql, TEAM, DAY, NOW);
    // The next hour's run: a batch of late events for today arrives, today is summarised again, the rest is read.
    progress('rollup: again after a batch of events for today…');
    const late = Array.from({ length: 500 }, (_, i) => ({ type: 'track', messageId: `late-${i}`, userId: `u${i}-1`, event: 'alert.set', context: { groupId: String(100_000 + i) }, timestamp: NOW.toISOString() }));
    const res = await fetch(`${server.url}/v1/events`, { method: 'POST', headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ batch: late }) });
    if (!res.ok) throw new Error(`late batch answered ${res.status}`);
    const again = await rollupTeam(sql, TEAM, DAY, new Date());
    return { ingest, rollup: { events: total, generateSeconds, analyzeSeconds, seconds: r.ms / 1000, accounts: r.accounts, written: r.written, againSeconds: again.ms / 1000, againWritten: again.written } };
  } finally {
    if (server) await server.stop().catch(() => undefined);
    else await sql?.close().catch(() => undefined);
    if (pg) await pg.stop();
  }
}

// ---------------------------------------------------------------------------
// The clients, in a worker thread, so building batches does not share the server's event loop.

interface FireJob {
  eventsLoad: true;
  url: string;
  key: string;
  seconds: number;
  connections: number;
  batch: number;
  accounts: number;
}
interface FireAnswer {
  summary: EventsLoadResult['ingest'] extends infer I ? Omit<I, 'stored' | 'resentNew'> : never;
  resend: string[];
}

function fire(job: FireJob): Promise<FireAnswer> {
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); })`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(boot, { eval: true, workerData: job });
    let answer: FireAnswer | undefined;
    worker.once('message', (m: FireAnswer) => (answer = m));
    worker.once('error', reject);
    worker.once('exit', (code) => (answer ? resolve(answer) : reject(new Error(`events load worker exited with ${code} and no result`))));
  });
}

async function runFire(job: FireJob): Promise<FireAnswer> {
  const run = `${Date.now().toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`;
  let n = 0;
  const latencies: number[] = [];
  let accepted = 0;
  let errors = 0;
  const resend: string[] = [];
  const end = performance.now() + job.seconds * 1000;
  const started = performance.now();
  const body = () => {
    const batch = [];
    const now = Date.now();
    for (let i = 0; i < job.batch; i++) {
      const a = Math.floor(job.accounts * Math.random() ** 1.5);
      batch.push({
        type: 'track', messageId: `${run}-${++n}`, userId: `u${a}-${Math.floor(Math.random() * USERS_PER_ACCOUNT)}`,
        event: VOCABULARY[Math.floor(Math.random() * VOCABULARY.length)], context: { groupId: String(100_000 + a), library: { name: 'load', version: '1' } },
        properties: { plan: 'pro', durationMs: Math.floor(Math.random() * 5000) },
        timestamp: new Date(now - Math.random() * 27 * DAY_MS).toISOString(),
      });
    }
    return JSON.stringify({ batch, sentAt: new Date(now).toISOString() });
  };
  await Promise.all(Array.from({ length: job.connections }, async () => {
    while (performance.now() < end) {
      const b = body();
      const t0 = performance.now();
      try {
        const res = await fetch(`${job.url}/v1/events`, { method: 'POST', headers: { Authorization: `Bearer ${job.key}`, 'Content-Type': 'application/json' }, body: b });
        const answer = (await res.json()) as { accepted?: number };
        if (!res.ok) errors++;
        else accepted += answer.accepted ?? 0;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t0);
      if (resend.length < 5 && Math.random() < 0.05) resend.push(b);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((x, y) => x - y);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return { summary: { seconds: +seconds.toFixed(1), batches: latencies.length, accepted, perSecond: Math.round(accepted / seconds), p50: at(0.5), p99: at(0.99), errors }, resend };
}

if (!isMainThread && (workerData as Partial<FireJob> | undefined)?.eventsLoad) {
  void runFire(workerData as FireJob).then((a) => parentPort!.postMessage(a));
}
