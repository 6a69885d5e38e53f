import { appendFileSync } from 'node:fs';

/** One quick drill's tally, as `npm run drills` prints it next to the browser drills. */
export interface DrillTally {
  drill: string;
  faults: number;
  checks: number;
  lost: number;
}

/**
 * The quick drills run inside `npm test`; `npm run drills` runs them again and
 * counts them with the rest. It names a file in LENS_DRILL_REPORT, and each
 * drill appends its tally there as one JSON line. Without it this does nothing.
 */
export function reportDrill(tally: DrillTally): void {
  const file = process.env.LENS_DRILL_REPORT;
  if (file) appendFileSync(file, `${JSON.stringify(tally)}\n`);
}
