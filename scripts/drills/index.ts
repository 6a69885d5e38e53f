import { DrillRun } from './common';
import { drillWorkerStoppedMidOutbox } from './outbox';
import { drillWorkerStoppedMidSync } from './sync';
import { drillApiFaults } from './faults';
import { drillLateAnswer } from './late-answer';
import { drillHostilePage } from './hostile';
import { drillHostileDom } from './hostile-dom';
import { drillStorageFull, quotaDrillUnavailable } from './quota';
import { runQuickDrills } from './quick';

/**
 * npm run drills: reliability drills in Chromium with the built extension.
 * Each drill starts its own browser (and fake team server), injects faults,
 * and checks that nothing is lost or corrupted; the quick drills that
 * `npm test` runs are run again first and counted with them. Exit code 1 when
 * any drill fails or any record was lost; a drill this machine cannot run is
 * listed as not run, with the reason.
 */
const DRILLS: { name: string; timeoutMs: number; run: (r: DrillRun) => Promise<void>; unavailable?: () => string | null }[] = [
  { name: 'worker stopped mid-outbox', timeoutMs: 90_000, run: drillWorkerStoppedMidOutbox },
  { name: 'worker stopped mid-sync', timeoutMs: 90_000, run: drillWorkerStoppedMidSync },
  { name: 'API faults', timeoutMs: 150_000, run: drillApiFaults },
  { name: 'late and dropped answers, server clock 10 min ahead', timeoutMs: 120_000, run: drillLateAnswer },
  { name: 'hostile page', timeoutMs: 90_000, run: drillHostilePage },
  { name: 'hostile page: enormous DOM and script-laden names', timeoutMs: 120_000, run: drillHostileDom },
  { name: 'disk full under the profile', timeoutMs: 120_000, run: drillStorageFull, unavailable: quotaDrillUnavailable },
];

const only = process.argv.slice(2);
const rows: { name: string; faults: number; passed: number; total: number; lost: number; ok: boolean | 'not run'; secs: number }[] = [];
const started = Date.now();

if (!only.length || only.some((o) => 'quick'.includes(o))) {
  const t = Date.now();
  const quick = await runQuickDrills();
  console.log(`\n== quick drills (also in npm test): ${quick.ok ? 'pass' : 'FAIL'} (${Math.round((Date.now() - t) / 100) / 10} s)`);
  for (const line of quick.output) console.log(`  ${line}`);
  for (const q of quick.tallies) rows.push({ name: q.drill, faults: q.faults, passed: quick.ok ? q.checks : 0, total: q.checks, lost: q.lost, ok: quick.ok && q.lost === 0, secs: NaN });
  if (!quick.ok || quick.tallies.length === 0) rows.push({ name: 'quick drills', faults: 0, passed: 0, total: 1, lost: 0, ok: false, secs: NaN });
}

for (const drill of DRILLS) {
  if (only.length && !only.some((o) => drill.name.includes(o))) continue;
  const why = drill.unavailable?.();
  if (why) {
    console.log(`\n== ${drill.name}: NOT RUN (${why})`);
    rows.push({ name: drill.name, faults: 0, passed: 0, total: 0, lost: 0, ok: 'not run', secs: 0 });
    continue;
  }
  const run = new DrillRun();
  const t = Date.now();
  let error: unknown;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      drill.run(run),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${drill.timeoutMs / 1000} s`)), drill.timeoutMs);
      }),
    ]);
  } catch (err) {
    error = err;
  } finally {
    clearTimeout(timer);
    await run.cleanup();
  }
  if (error) run.check('drill ran to the end', false, error instanceof Error ? error.message.split('\n')[0] : String(error));
  const passed = run.checks.filter((c) => c.ok).length;
  const ok = !error && passed === run.checks.length && run.checks.length > 0 && run.lost === 0;
  const secs = Math.round((Date.now() - t) / 100) / 10;
  rows.push({ name: drill.name, faults: run.faults, passed, total: run.checks.length, lost: run.lost, ok, secs });
  console.log(`\n== ${drill.name}: ${ok ? 'pass' : 'FAIL'} (${secs} s)`);
  for (const c of run.checks) console.log(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.what}${c.detail ? ` (${c.detail})` : ''}`);
  for (const n of run.notes) console.log(`  note: ${n}`);
}

const width = Math.max(28, ...rows.map((r) => r.name.length));
const pad = (s: string | number, n: number) => String(s).padEnd(n);
const line = (cells: (string | number)[]) => `| ${cells.map((c, i) => pad(c, [width, 8, 9, 13, 7, 7][i]!)).join(' | ')} |`;
console.log('\n' + line(['drill', 'faults', 'checks', 'records lost', 'result', 'time']));
console.log(line([width, 8, 9, 13, 7, 7].map((n) => '-'.repeat(n))));
const result = (ok: boolean | 'not run') => (ok === 'not run' ? 'not run' : ok ? 'pass' : 'FAIL');
for (const r of rows) console.log(line([r.name, r.faults, `${r.passed}/${r.total}`, r.lost, result(r.ok), Number.isNaN(r.secs) ? '–' : `${r.secs} s`]));
const ran = rows.filter((r) => r.ok !== 'not run');
const faults = ran.reduce((s, r) => s + r.faults, 0);
const lost = ran.reduce((s, r) => s + r.lost, 0);
const notRun = rows.length - ran.length;
console.log(`\ndrills run ${ran.length}${notRun ? ` (${notRun} not run)` : ''}, faults injected ${faults}, records lost ${lost} (${Math.round((Date.now() - started) / 1000)} s)`);
process.exit(ran.some((r) => r.ok !== true) || lost > 0 || ran.length === 0 ? 1 : 0);
