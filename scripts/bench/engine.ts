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
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Health scoring (with explanations and next-band search) of `accounts`
 * accounts with every dimension known, and CTA evaluation over as many
 * accounts, each with 8 weekly snapshots and 4 milestones. Data is built
 * before timing; median of `runs` runs after one warm-up run.
 */
export function benchEngine(accounts = 10_000, runs = 5): { scoreMs: number; ctaMs: number; ctasRaised: number } {
  const inputs = Array.from({ length: accounts }, (_, i) => inputsFor(i));
  const evaluations = Array.from({ length: accounts }, (_, i) => accountInput(i));
  const scoreTimes: number[] = [];
  const ctaTimes: number[] = [];
  let ctasRaised = 0;
  for (let run = 0; run <= runs; run++) {
    const t0 = performance.now();
    let scored = 0;
    for (const i of inputs) if (scoreHealth(i, DEFAULT_HEALTH_MODEL).score !== null) scored++;
    const t1 = performance.now();
    let raised = 0;
    for (const e of evaluations) raised += evaluateCtas(e).create.length;
    const t2 = performance.now();
    if (scored !== accounts) throw new Error(`expected ${accounts} scores, got ${scored}`);
    ctasRaised = raised;
    if (run > 0) {
      scoreTimes.push(t1 - t0);
      ctaTimes.push(t2 - t1);
    }
  }
  return { scoreMs: round(median(scoreTimes)), ctaMs: round(median(ctaTimes)), ctasRaised };
}

/**
 * The whole book evaluated as the background does after a sync, a settings
 * change or the daily check (rows grouped by account, every account
 * evaluated); then a run after one account changed, as the background does it
 * (the change feed names the account, only its rows are read: the IndexedDB
 * read is not timed here); one account alone (a record written from the
 * panel); and the Today worklist over the CTAs the run raised. Median of
 * `runs` after a warm-up.
 */
export function benchBook(accounts = 10_000, runs = 5): { fullMs: number; oneChangedMs: number; oneAccountMs: number; worklistMs: number; ctas: number } {
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
  const full: number[] = [];
  const one: number[] = [];
  const alone: number[] = [];
  const work: number[] = [];
  let ctas: Cta[] = [];
  for (let run = 0; run <= runs; run++) {
    const t0 = performance.now();
    const { verdicts } = evaluateBook(book, settings, TODAY);
    const t1 = performance.now();
    ctas = verdicts.flatMap((v) => v.create.map((d) => toCta(d, d.title.code, stamp)));
    const changedId = book.accounts[4242]!.id;
    const mine = <T extends { accountId: string }>(rows: readonly T[]) => rows.filter((r) => r.accountId === changedId);
    const oneBook: BookTables = {
      accounts: [{ ...book.accounts[4242]!, updatedAt: '2026-12-01T00:00:00.000Z' }],
      snapshots: mine(book.snapshots), milestones: mine(book.milestones), outcomes: mine(book.outcomes), ctas: mine(ctas),
      visits: [], notes: [], plans: [], reports: [],
    };
    const t2 = performance.now();
    const again = evaluateBook(oneBook, settings, TODAY, new Set([changedId]));
    const t3 = performance.now();
    evaluateCtas(inputs[4242]!);
    const t4 = performance.now();
    buildWorklist({ accounts: book.accounts, ctas, promises: [] }, TODAY, { person: 'CSM 3' });
    const t5 = performance.now();
    if (again.evaluated !== 1) throw new Error(`expected one account evaluated again, got ${again.evaluated}`);
    if (run > 0) {
      full.push(t1 - t0);
      one.push(t3 - t2);
      alone.push(t4 - t3);
      work.push(t5 - t4);
    }
  }
  return { fullMs: round(median(full)), oneChangedMs: round(median(one)), oneAccountMs: round(median(alone)), worklistMs: round(median(work)), ctas: ctas.length };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(benchEngine(Number(process.argv[2] ?? 10_000)));
  console.log(benchBook(Number(process.argv[2] ?? 10_000)));
}
