import { pathToFileURL } from 'node:url';
import { evaluateCtas, type CtaEvaluationInput } from '../../features/ctas';
import { addDays } from '../../shared/dates/local-date';
import { DEFAULT_HEALTH_MODEL } from '../../features/health/model';
import { scoreHealth } from '../../features/health/score';
import type { HealthInputs, HealthSnapshot, Milestone, RenewalOutcome } from '../../data/model/records';
import { milestonesFor } from '../../features/onboarding/template';
import { DEFAULT_RENEWAL_SETTINGS } from '../../features/renewal/settings';
import { evaluateBook, type BookTables } from '../../features/book';
import { toCta } from '../../data/model/cta-draft';
import type { Account } from '../../data/model/account';
import type { Cta } from '../../data/model/records';
import { DEFAULT_SERVICE_SETTINGS } from '../../features/service/settings';
import { buildWorklist } from '../../features/today/worklist';

const TODAY = '2027-01-06';
const T = '2026-11-01T00:00:00.000Z';
const SEGMENTS = ['enterprise', 'mid_market', 'smb', 'self_serve'] as const;

/** Every dimension known, spread over all bands (so nextBand searches run too). */
const inputsFor = (i: number, week = 0): HealthInputs => ({
  activeUserRate: (i * 7 + week * 3) % 101,
  coreFeatureAdoption: (i * 13 + week * 5) % 101,
  moduleBreadth: (i * 17) % 101,
  tickets90d: (i + week) % 20,
  trainingRate: (i * 11) % 101,
  nps: ((i * 29) % 201) - 100,
  outcomeAttainment: (i * 31) % 201,
});

/** One account's data: 8 weekly snapshots, the 4 onboarding milestones, sometimes a will-not-renew. */
function accountInput(i: number): CtaEvaluationInput {
  const id = `acc-${i}`;
  const signedAt = addDays(TODAY, -(i % 120));
  const snapshots: HealthSnapshot[] = Array.from({ length: 8 }, (_, w) => ({ id: `${id}-s${w}`, accountId: id, createdAt: T, updatedAt: T, asOf: addDays(TODAY, -7 * (7 - w)), inputs: inputsFor(i, w) }));
  const milestones: Milestone[] = milestonesFor(id, signedAt).map((m, k) => ({ ...m, createdAt: T, updatedAt: T, ...(k < i % 3 ? { doneAt: m.dueDate } : {}) }));
  const outcomes: RenewalOutcome[] = i % 25 === 0 ? [{ id: `${id}-o`, accountId: id, createdAt: T, updatedAt: T, kind: 'will_not_renew', date: TODAY }] : [];
  return {
    account: { id, csm: `CSM ${i % 9}`, segment: SEGMENTS[i % 4]!, contractEnd: addDays(TODAY, (i % 400) - 30), signedAt },
    snapshots,
    milestones,
    outcomes,
    existing: [],
    model: DEFAULT_HEALTH_MODEL,
    renewalSettings: DEFAULT_RENEWAL_SETTINGS,
    logged: i % 2 === 0 ? [{ date: addDays(TODAY, -10) }] : [],
    today: TODAY,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/**
 * A clock of this process's own CPU time (user + system, ms): on a machine
 * shared with other work, wall time also counts the time other processes ran.
 */
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/** Wall and CPU time of the same steps, read together. */
const clocks = () => ({ wall: performance.now(), cpu: cpuNow() });
type Clocks = ReturnType<typeof clocks>;
const elapsed = (a: Clocks, b: Clocks) => ({ wall: b.wall - a.wall, cpu: b.cpu - a.cpu });
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Health scoring (with explanations and next-band search) of `accounts`
 * accounts with every dimension known, and CTA evaluation over as many
 * accounts, each with 8 weekly snapshots and 4 milestones. Data is built
 * before timing; median of `runs` runs after one warm-up run.
 */
export function benchEngine(accounts = 10_000, runs = 5): { scoreMs: number; ctaMs: number; ctasRaised: number; cpu: { scoreMs: number; ctaMs: number } } {
  const inputs = Array.from({ length: accounts }, (_, i) => inputsFor(i));
  const evaluations = Array.from({ length: accounts }, (_, i) => accountInput(i));
  const times = { score: [] as Clocks[], cta: [] as Clocks[] };
  let ctasRaised = 0;
  for (let run = 0; run <= runs; run++) {
    const t0 = clocks();
    let scored = 0;
    for (const i of inputs) if (scoreHealth(i, DEFAULT_HEALTH_MODEL).score !== null) scored++;
    const t1 = clocks();
    let raised = 0;
    for (const e of evaluations) raised += evaluateCtas(e).create.length;
    const t2 = clocks();
    if (scored !== accounts) throw new Error(`expected ${accounts} scores, got ${scored}`);
    ctasRaised = raised;
    if (run > 0) {
      times.score.push(elapsed(t0, t1));
      times.cta.push(elapsed(t1, t2));
    }
  }
  const [wall, cpu] = [summary(times, 'wall'), summary(times, 'cpu')];
  return { scoreMs: wall.score, ctaMs: wall.cta, ctasRaised, cpu: { scoreMs: cpu.score, ctaMs: cpu.cta } };
}

/** The median of each step's times on one clock. */
function summary<K extends string>(times: Record<K, Clocks[]>, clock: keyof Clocks): Record<K, number> {
  return Object.fromEntries(Object.entries<Clocks[]>(times).map(([k, xs]) => [k, round(median(xs.map((x) => x[clock])))])) as Record<K, number>;
}

/**
 * The whole book evaluated as the background does after a sync, a settings
 * change or the daily check (rows grouped by account, every account
 * evaluated); then a run after one account changed, as the background does it
 * (the change feed names the account, only its rows are read: the IndexedDB
 * read is not timed here); one account alone (a record written from the
 * panel); and the Today worklist over the CTAs the run raised. Median of
 * `runs` after a warm-up, in wall time and in this process's CPU time.
 */
export function benchBook(accounts = 10_000, runs = 5): {
  fullMs: number; oneChangedMs: number; oneAccountMs: number; worklistMs: number; ctas: number;
  cpu: { fullMs: number; oneChangedMs: number; oneAccountMs: number; worklistMs: number };
} {
  const inputs = Array.from({ length: accounts }, (_, i) => accountInput(i));
  const stamp = T;
  const book: BookTables = {
    accounts: inputs.map((e) => ({ ...e.account, name: e.account.id, crm: 'salesforce', recordId: e.account.id, createdAt: stamp, updatedAt: stamp }) as Account),
    snapshots: inputs.flatMap((e) => e.snapshots),
    milestones: inputs.flatMap((e) => e.milestones),
    outcomes: inputs.flatMap((e) => e.outcomes),
    ctas: [], visits: [], notes: [], plans: [], reports: [],
  };
  const settings = { model: DEFAULT_HEALTH_MODEL, renewal: DEFAULT_RENEWAL_SETTINGS, service: DEFAULT_SERVICE_SETTINGS };
  const times = { full: [] as Clocks[], one: [] as Clocks[], alone: [] as Clocks[], work: [] as Clocks[] };
  let ctas: Cta[] = [];
  for (let run = 0; run <= runs; run++) {
    const t0 = clocks();
    const { verdicts } = evaluateBook(book, settings, TODAY);
    const t1 = clocks();
    ctas = verdicts.flatMap((v) => v.create.map((d) => toCta(d, d.title.code, stamp)));
    const changedId = book.accounts[4242]!.id;
    const mine = <T extends { accountId: string }>(rows: readonly T[]) => rows.filter((r) => r.accountId === changedId);
    const oneBook: BookTables = {
      accounts: [{ ...book.accounts[4242]!, updatedAt: '2026-12-01T00:00:00.000Z' }],
      snapshots: mine(book.snapshots), milestones: mine(book.milestones), outcomes: mine(book.outcomes), ctas: mine(ctas),
      visits: [], notes: [], plans: [], reports: [],
    };
    const t2 = clocks();
    const again = evaluateBook(oneBook, settings, TODAY, new Set([changedId]));
    const t3 = clocks();
    evaluateCtas(inputs[4242]!);
    const t4 = clocks();
    buildWorklist({ accounts: book.accounts, ctas, promises: [] }, TODAY, { person: 'CSM 3' });
    const t5 = clocks();
    if (again.evaluated !== 1) throw new Error(`expected one account evaluated again, got ${again.evaluated}`);
    if (run > 0) {
      times.full.push(elapsed(t0, t1));
      times.one.push(elapsed(t2, t3));
      times.alone.push(elapsed(t3, t4));
      times.work.push(elapsed(t4, t5));
    }
  }
  const [wall, cpu] = [summary(times, 'wall'), summary(times, 'cpu')];
  const shown = (m: typeof wall) => ({ fullMs: m.full, oneChangedMs: m.one, oneAccountMs: m.alone, worklistMs: m.work });
  return { ...shown(wall), ctas: ctas.length, cpu: shown(cpu) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(benchEngine(Number(process.argv[2] ?? 10_000)));
  console.log(benchBook(Number(process.argv[2] ?? 10_000)));
}
