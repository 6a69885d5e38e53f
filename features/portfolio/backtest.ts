/** One recorded outcome with the likelihood (0–100) it had before it was recorded. */
export interface BacktestPoint {
  predicted: number;
  renewed: boolean;
}

export interface CalibrationBand {
  /** Likelihood from `from` (inclusive) to `to` (exclusive; the last band includes 100). */
  from: number;
  to: number;
  count: number;
  /** Mean predicted likelihood in the band, 0..1; null when empty. */
  predicted: number | null;
  /** Share of the band's outcomes that renewed, 0..1; null when empty. */
  renewedShare: number | null;
}

export type BacktestVerdict = 'none' | 'too_few' | 'better_than_average' | 'no_better';

export interface Backtest {
  count: number;
  bands: CalibrationBand[];
  /** Mean of (predicted − outcome)², 0 (perfect) to 1; null with no outcome. */
  brier: number | null;
  /** The Brier score of always predicting the book's own renewal rate: what the model must beat. */
  reference: number | null;
  verdict: BacktestVerdict;
}

/**
 * Below this many outcomes a Brier score mostly measures luck: a handful of
 * renewals makes any model look good or bad. Thirty is the usual rule of
 * thumb for a proportion's normal approximation.
 */
export const BACKTEST_MIN_OUTCOMES = 30;
export const BAND_WIDTH = 20;

/**
 * How well the renewal likelihood foretold the recorded outcomes: a
 * calibration table (for each band of predicted likelihood, how many renewed)
 * and the Brier score, compared with the score of guessing the book's average
 * renewal rate for everyone.
 */
export function backtest(points: readonly BacktestPoint[]): Backtest {
  const bands: CalibrationBand[] = [];
  for (let from = 0; from < 100; from += BAND_WIDTH) bands.push({ from, to: from + BAND_WIDTH, count: 0, predicted: null, renewedShare: null });
  const sums = bands.map(() => ({ p: 0, y: 0 }));
  let squared = 0;
  let renewed = 0;
  for (const pt of points) {
    const p = Math.min(100, Math.max(0, pt.predicted)) / 100;
    const y = pt.renewed ? 1 : 0;
    const i = Math.min(bands.length - 1, Math.floor((p * 100) / BAND_WIDTH));
    bands[i]!.count++;
    sums[i]!.p += p;
    sums[i]!.y += y;
    squared += (p - y) ** 2;
    renewed += y;
  }
  bands.forEach((b, i) => {
    if (b.count === 0) return;
    b.predicted = sums[i]!.p / b.count;
    b.renewedShare = sums[i]!.y / b.count;
  });
  const n = points.length;
  const brier = n > 0 ? squared / n : null;
  const rate = n > 0 ? renewed / n : 0;
  const reference = n > 0 ? rate * (1 - rate) : null;
  const verdict: BacktestVerdict =
    n === 0 ? 'none' : n < BACKTEST_MIN_OUTCOMES ? 'too_few' : brier! < reference! ? 'better_than_average' : 'no_better';
  return { count: n, bands, brier, reference, verdict };
}
