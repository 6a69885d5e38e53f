import 'fake-indexeddb/auto';
import { pathToFileURL } from 'node:url';
import { LensDB } from '../../data/db/db';
import { parseImportFile, planImport } from '../../features/transfer/import';
import { applyPlan, loadDbView } from '../../platform/background/transfer/accounts';
import { COLUMNS } from '../../features/transfer/import/columns';

/** A realistic accounts CSV: quoted names with commas, Chinese, every column, a health reading per row. */
export function syntheticAccountsCsv(rows: number): string {
  const lines = [COLUMNS.join(',')];
  for (let i = 0; i < rows; i++) {
    const name = i % 3 === 0 ? `上海云帆科技 ${i}` : `"Customer ${i}, Ltd"`;
    lines.push(`hubspot,${1_000_000 + i},portal-1,${name},Owner ${i % 9},CSM ${i % 4},smb,${(i % 500) * 120},USD,2026-01-01,2027-0${(i % 9) + 1}-15,2025-12-20,2026-11-01,${i % 101},${(i * 7) % 101},50,${i % 12},80,${(i % 201) - 100},${i % 201}`);
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * Time of each step of importing `rows` new accounts into an empty database
 * (IndexedDB in memory): parse the file, read the stored data and plan the
 * preview, write it in one transaction. Median of `runs` runs, each on a fresh database.
 */
export async function benchImport(rows = 10_000, runs = 5): Promise<{ parseMs: number; planMs: number; applyMs: number; perRowUs: number }> {
  const text = syntheticAccountsCsv(rows);
  const now = new Date('2026-11-23T10:00:00Z');
  const samples: { parseMs: number; planMs: number; applyMs: number }[] = [];
  for (let run = 0; run < runs + 1; run++) {
    const db = new LensDB(`bench-import-${run}-${Date.now()}`);
    const t0 = performance.now();
    const file = parseImportFile('bench.csv', text);
    const t1 = performance.now();
    const plan = planImport(file, await loadDbView(db), now);
    const t2 = performance.now();
    const result = await applyPlan(db, plan);
    const t3 = performance.now();
    if (result.created !== rows) throw new Error(`expected ${rows} created, got ${result.created}`);
    db.close();
    await db.delete();
    if (run > 0) samples.push({ parseMs: t1 - t0, planMs: t2 - t1, applyMs: t3 - t2 }); // run 0 warms up the JIT
  }
  const median = (k: keyof (typeof samples)[number]) => [...samples.map((s) => s[k])].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
  const parseMs = median('parseMs');
  const planMs = median('planMs');
  const applyMs = median('applyMs');
  const round = (n: number) => Math.round(n * 10) / 10;
  return { parseMs: round(parseMs), planMs: round(planMs), applyMs: round(applyMs), perRowUs: round(((parseMs + planMs + applyMs) / rows) * 1000) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await benchImport(Number(process.argv[2] ?? 10_000)));
}
