import { DrillRun } from './common';
import { drillWorkerStoppedMidOutbox } from './outbox';
import { drillWorkerStoppedMidSync } from './sync';
import { drillApiFaults } from './faults';
import { drillHostilePage } from './hostile';

/**
 * npm run drills: reliability drills in Chromium with the built extension.
 * Each drill starts its own browser (and fake team server), injects faults,
 * and checks that nothing is lost or corrupted. Exit code 1 when any drill
 * fails or any record was lost.
 */
const DRILLS: { name: string; timeoutMs: number; run: (r: DrillRun) => Promise<void> }[] = [
  { name: 'worker stopped mid-outbox', timeoutMs: 90_000, run: drillWorkerStoppedMidOutbox },
  { name: 'worker stopped mid-sync', timeoutMs: 90_000, run: drillWorkerStoppedMidSync },
  { name: 'API faults', timeoutMs: 150_000, run: drillApiFaults },
  { name: 'hostile page', timeoutMs: 90_000, run: drillHostilePage },
];

const only = process.argv.slice(2);
const rows: { name: string; faults: number; passed: number; total: number; lost: number; ok: boolean; secs: number }[] = [];
const started = Date.now();

for (const drill of DRILLS) {
  if (only.length && !only.some((o) => drill.name.includes(o))) continue;
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

const pad = (s: string | number, n: number) => String(s).padEnd(n);
const line = (cells: (string | number)[]) => `| ${cells.map((c, i) => pad(c, [28, 8, 8, 13, 7, 7][i]!)).join(' | ')} |`;
console.log('\n' + line(['drill', 'faults', 'checks', 'records lost', 'result', 'time']));
console.log(line(['-'.repeat(28), '-'.repeat(8), '-'.repeat(8), '-'.repeat(13), '-'.repeat(7), '-'.repeat(7)]));
for (const r of rows) console.log(line([r.name, r.faults, `${r.passed}/${r.total}`, r.lost, r.ok ? 'pass' : 'FAIL', `${r.secs} s`]));
const faults = rows.reduce((s, r) => s + r.faults, 0);
const lost = rows.reduce((s, r) => s + r.lost, 0);
console.log(`\ndrills run ${rows.length}, faults injected ${faults}, records lost ${lost} (${Math.round((Date.now() - started) / 1000)} s)`);
process.exit(rows.some((r) => !r.ok) || lost > 0 || rows.length === 0 ? 1 : 0);
