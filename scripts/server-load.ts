import { cpus, totalmem } from 'node:os';
import { loadTest, type LoadResult } from './bench/server-load';
import { postgresUnavailable } from '../tests/support/postgres';

/**
 * A bounded load test of the team server on PGlite and, when it can be
 * started here, on a throwaway PostgreSQL. Prints one table; fails (exit 1)
 * when an accepted write is missing, duplicated or written twice.
 *
 *   npx tsx scripts/server-load.ts [--seconds 8] [--connections 20] [--accounts 10000]
 *   npx tsx scripts/server-load.ts events [--full] [--events N] [--seconds 10] [--connections 4] [--batch 500]
 *     (usage events: ingest rate and the daily rollup, on PostgreSQL; scripts/server-load-events.ts)
 */
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!(v > 0)) throw new Error(`--${name} must be a positive number`);
  return v;
};
if (process.argv[2] === 'events') {
  const { runEventsLoad } = await import('./server-load-events');
  process.exit(await runEventsLoad(arg));
}
const opts = { seconds: arg('seconds', 8), connections: arg('connections', 20), accounts: arg('accounts', 10_000) };

const started = performance.now();
const results: LoadResult[] = [];
const notes: string[] = [];
let failed = false;
for (const backend of ['PGlite', 'PostgreSQL'] as const) {
  const why = backend === 'PostgreSQL' ? postgresUnavailable() : null;
  if (why) {
    notes.push(`PostgreSQL not run: ${why}`);
    continue;
  }
  try {
    results.push(await loadTest(backend, opts));
  } catch (err) {
    failed = true;
    notes.push(`${backend} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  }
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
console.log(`Team server load test: ${machine}`);
console.log(`${opts.accounts.toLocaleString('en')} accounts, ${opts.connections} connections, ${opts.seconds} s per phase (after a 1 s lookup warm-up)\n`);
const cols: [string, number][] = [['backend', 11], ['phase', 7], ['req/s', 7], ['p50 ms', 8], ['p99 ms', 8], ['requests', 9], ['errors', 7], ['accepted', 9], ['stored', 7], ['duplicates', 11], ['repeats', 8], ['rewritten', 10]];
const line = (cells: (string | number)[]) => console.log(cells.map((c, i) => (i < 2 ? String(c).padEnd(cols[i]![1]) : String(c).padStart(cols[i]![1]))).join(''));
line(cols.map(([h]) => h));
for (const r of results) {
  line([r.backend, 'lookup', r.lookup.rps, r.lookup.p50, r.lookup.p99, r.lookup.requests, r.lookup.errors, '–', '–', '–', '–', '–']);
  const w = r.write;
  line([r.backend, 'write', w.rps, w.p50, w.p99, w.requests, w.errors, w.accepted, w.stored, w.duplicates, w.repeats, w.rewritten]);
  if (w.duplicates > 0 || w.rewritten > 0 || w.stored !== w.accepted) {
    failed = true;
    notes.push(`${r.backend}: idempotency check FAILED (accepted ${w.accepted}, stored ${w.stored}, duplicates ${w.duplicates}, rewritten ${w.rewritten})`);
  }
}
for (const n of notes) console.log(`\n${n}`);
console.log(`\nwrite: PUT /v1/records/notes/<new id>, a new Idempotency-Key each, ~10% repeating an earlier (key, body) pair.`);
console.log(`errors = non-2xx answers + connection errors; accepted = distinct ids answered 200; stored = those found in the database;`);
console.log(`duplicates = ids with more than one row; rewritten = accepted ids whose stored or re-answered version is not the first answer.`);
console.log(`Total ${((performance.now() - started) / 1000).toFixed(1)} s.`);
process.exit(failed ? 1 : 0);
