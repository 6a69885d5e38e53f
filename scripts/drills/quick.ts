import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DrillTally } from '../../tests/support/drill-report';

/** The drills quick enough for `npm test`: generated bad CSV files, and storage refusing writes. */
export const QUICK_DRILL_FILES = ['features/transfer/property.test.ts', 'features/transfer/ui/quota.test.tsx'];
/** Generated CSV files per run here (npm test runs 60). */
const CSV_FILES = 300;

/** Runs the quick drills with Vitest, as `npm test` does but with more generated files, and collects their tallies. */
export async function runQuickDrills(): Promise<{ ok: boolean; tallies: DrillTally[]; output: string[] }> {
  const root = resolve(import.meta.dirname, '../..');
  const dir = mkdtempSync(join(tmpdir(), 'account-lens-drills-'));
  const report = join(dir, 'tallies.jsonl');
  try {
    const run = spawnSync('npx', ['vitest', 'run', ...QUICK_DRILL_FILES], {
      cwd: root,
      env: { ...process.env, LENS_DRILL_REPORT: report, IMPORT_RUNS: String(CSV_FILES) },
      encoding: 'utf8',
      timeout: 300_000,
    });
    // eslint-disable-next-line no-control-regex
    const plain = `${run.stdout ?? ''}${run.stderr ?? ''}`.replace(/\u001b\[[0-9;]*m/g, '');
    const output = plain.split('\n').filter((l) => /Test Files|Tests |FAIL|✓|×/.test(l)).map((l) => l.trim());
    let tallies: DrillTally[] = [];
    try {
      tallies = readFileSync(report, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as DrillTally);
    } catch {
      output.push('no tallies were written');
    }
    return { ok: run.status === 0, tallies, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
