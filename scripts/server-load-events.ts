import { cpus, totalmem } from 'node:os';
import { postgresUnavailable } from '../tests/support/postgres';
import { eventsLoad } from './bench/server-events';

/**
 * `npm run server:load -- events`: usage events into a throwaway PostgreSQL.
 * Targets (never loosened): at least 5,000 events/s sustained through
 * POST /v1/events, and the daily rollup of 10,000 accounts over 10 million
 * events in under 60 s. The default run generates 1 million events (CI
 * size); `--full` generates 10 million. A missed target prints MISSED and
 * fails the run.
 */
const INGEST_TARGET = 5_000;
const ROLLUP_TARGET_S = 60;
const FULL_EVENTS = 10_000_000;

export async function runEventsLoad(arg: (name: string, fallback: number) => number): Promise<number> {
  const why = postgresUnavailable();
  if (why) {
    console.log(`Usage-event load test NOT run: ${why}`);
    return 1;
  }
  const full = process.argv.includes('--full');
  const opts = {
    seconds: arg('seconds', 10),
    connections: arg('connections', 4),
    batch: arg('batch', 500),
    accounts: arg('accounts', 10_000),
    events: arg('events', full ? FULL_EVENTS : 1_000_000),
  };
  const started = performance.now();
  const r = await eventsLoad(opts, (s) => console.log(s));
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const ingestOk = r.ingest.perSecond >= INGEST_TARGET && r.ingest.errors === 0 && r.ingest.stored === r.ingest.accepted && r.ingest.resentNew === 0;
  const fullSize = r.rollup.events >= FULL_EVENTS && r.rollup.accounts >= 10_000;
  const rollupOk = r.rollup.seconds < ROLLUP_TARGET_S;
  console.log(`\nUsage-event load test on PostgreSQL: ${machine}`);
  console.log(`ingest   POST /v1/events, ${opts.connections} clients × batches of ${opts.batch}, ${r.ingest.seconds} s: ${r.ingest.perSecond.toLocaleString('en')} events/s ` +
    `(${r.ingest.accepted.toLocaleString('en')} accepted in ${r.ingest.batches} batches, p50 ${r.ingest.p50} ms, p99 ${r.ingest.p99} ms per batch, ${r.ingest.errors} errors); ` +
    `stored ${r.ingest.stored.toLocaleString('en')}; batches sent again stored ${r.ingest.resentNew} → target ≥ ${INGEST_TARGET.toLocaleString('en')}/s: ${verdict(ingestOk)}`);
  console.log(`rollup   ${r.rollup.accounts.toLocaleString('en')} accounts over ${r.rollup.events.toLocaleString('en')} events (28 days): ${r.rollup.seconds.toFixed(1)} s, ${r.rollup.written.toLocaleString('en')} readings written ` +
    `→ target < ${ROLLUP_TARGET_S} s at 10,000 accounts × 10,000,000 events: ${fullSize ? verdict(rollupOk) : `${rollupOk ? 'under 60 s' : 'MISSED'} at this size (run --full for the target's size)`}`);
  console.log(`rollup   the next run, after a late batch for today: ${r.rollup.againSeconds.toFixed(1)} s, ${r.rollup.againWritten.toLocaleString('en')} readings written`);
  console.log(`(generating the rollup's events took ${r.rollup.generateSeconds.toFixed(1)} s, ANALYZE ${r.rollup.analyzeSeconds.toFixed(1)} s; not part of the rollup's time.) Total ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return ingestOk && rollupOk ? 0 : 1;
}
