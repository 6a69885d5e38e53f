import autocannon from 'autocannon';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { ExpectationNote } from '../../data/model/records';
import type { LoadPhase } from './server-load';

/**
 * The load generator of scripts/bench/server-load.ts, in a worker thread: this
 * file is loaded again in the worker (through tsx), runs one autocannon phase
 * and answers its summary, so the generator and the server do not share one
 * event loop.
 */

/** Share of write requests that repeat an earlier (key, body) pair. */
const REPEAT_SHARE = 0.1;
/** Lookups before the lookup phase, not counted (JIT, the database pool, caches). */
const WARMUP_SECONDS = 1;

interface FireJob {
  serverLoad: true;
  phase: 'lookup' | 'write';
  url: string;
  token: string;
  seconds: number;
  connections: number;
  accounts: number;
}

interface FireAnswer {
  phase: LoadPhase;
  /** [id, updatedAt of the first 200 answer] for every note id answered 200. */
  accepted: [string, string][];
  repeats: number;
  /** Ids with a 200 answer that differs from the first one for it. */
  mismatched: string[];
}

/** Runs one autocannon phase in a worker (this file, loaded through tsx) and answers its summary. */
export function fire(job: Omit<FireJob, 'serverLoad'>): Promise<FireAnswer> {
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const data: FireJob = { serverLoad: true, ...job };
  return new Promise((resolve, reject) => {
    const worker = new Worker(boot, { eval: true, workerData: data });
    let answer: FireAnswer | undefined;
    worker.once('message', (m: FireAnswer) => (answer = m));
    worker.once('error', reject);
    worker.once('exit', (code) => (answer ? resolve(answer) : reject(new Error(`load worker exited with ${code} and no result`))));
  });
}

async function runFire(job: FireJob): Promise<FireAnswer> {
  const random = (n: number) => Math.floor(Math.random() * n);
  const base = { url: job.url, connections: job.connections, duration: job.seconds, timeout: 10 };
  // Off the main thread autocannon answers its raw counters and encoded histograms (as it does
  // for its own workers); its exported aggregateResult turns them into the usual result.
  const aggregate = (autocannon as unknown as { aggregateResult(results: unknown[], opts: object): autocannon.Result }).aggregateResult;
  const summary = (raw: autocannon.Result): LoadPhase => {
    const r = 'latency' in raw ? raw : aggregate([raw], { url: job.url, connections: job.connections });
    return {
      rps: Math.round(r.requests.total / Math.max(r.duration, 1e-3)),
      p50: r.latency.p50,
      p99: r.latency.p99,
      requests: r.requests.total,
      errors: r.non2xx + r.errors,
    };
  };

  if (job.phase === 'lookup') {
    const lookups = (duration: number) => autocannon({
      ...base,
      duration,
      headers: { Authorization: `Bearer ${job.token}` },
      requests: [{
        method: 'GET',
        setupRequest: (req) => ({ ...req, path: `/v1/accounts/lookup?crm=hubspot&recordId=${100_000 + random(job.accounts)}` }),
      }],
    });
    await lookups(Math.min(WARMUP_SECONDS, job.seconds)); // JIT, the pool, caches: not counted
    const result = await lookups(job.seconds);
    return { phase: summary(result), accepted: [], repeats: 0, mismatched: [] };
  }

  // Writes: a new note with a new key, or (REPEAT_SHARE of the time) an earlier pair again, byte for byte.
  const run = `${Date.now().toString(36)}-${random(1e9).toString(36)}`;
  const sent: { id: string; key: string; body: string }[] = [];
  let repeats = 0;
  const next = () => {
    if (sent.length > job.connections && Math.random() < REPEAT_SHARE) {
      repeats++;
      // Half of the repeats are recent (often still in flight: concurrent same key), half from anywhere earlier.
      const from = Math.random() < 0.5 ? sent.length - job.connections : 0;
      return sent[from + random(sent.length - from)]!;
    }
    const n = sent.length;
    const id = `load-note-${run}-${n}`;
    const at = new Date().toISOString();
    const note: ExpectationNote = {
      id,
      accountId: `load-acct-${random(job.accounts)}`,
      createdAt: at,
      updatedAt: at,
      kind: n % 2 ? 'short_term_reset' : 'long_term_value',
      audience: n % 3 ? 'business_team' : 'boss',
      text: `Load-test expectation ${n}: weekly adoption review with the business team.`,
    };
    const pair = { id, key: `${run}-${n}`, body: JSON.stringify(note) };
    sent.push(pair);
    return pair;
  };
  const first = new Map<string, string>();
  const mismatched = new Set<string>();
  const result = await autocannon({
    ...base,
    headers: { Authorization: `Bearer ${job.token}`, 'Content-Type': 'application/json; charset=utf-8' },
    requests: [{
      method: 'PUT',
      setupRequest: (req) => {
        const w = next();
        return { ...req, path: `/v1/records/notes/${encodeURIComponent(w.id)}`, headers: { ...req.headers, 'Idempotency-Key': w.key }, body: w.body };
      },
      onResponse: (status, body) => {
        if (status !== 200) return;
        const record = (JSON.parse(body) as { record: { id: string; updatedAt: string } }).record;
        const seen = first.get(record.id);
        if (seen === undefined) first.set(record.id, record.updatedAt);
        else if (seen !== record.updatedAt) mismatched.add(record.id);
      },
    }],
  });
  return { phase: summary(result), accepted: [...first], repeats, mismatched: [...mismatched] };
}

const job = isMainThread ? undefined : (workerData as Partial<FireJob> | undefined);
if (job?.serverLoad) {
  const answer = await runFire(job as FireJob);
  parentPort!.postMessage(answer);
}
