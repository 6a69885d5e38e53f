import { backtest, BACKTEST_MIN_OUTCOMES } from './backtest';

describe('backtest', () => {
  it('bands the predictions by 20 points and counts who renewed in each', () => {
    const b = backtest([
      { predicted: 0, renewed: false }, { predicted: 19, renewed: true },
      { predicted: 20, renewed: false }, { predicted: 85, renewed: true }, { predicted: 100, renewed: true },
    ]);
    expect(b.bands.map((x) => [x.from, x.to, x.count, x.renewedShare])).toEqual([[0, 20, 2, 0.5], [20, 40, 1, 0], [40, 60, 0, null], [60, 80, 0, null], [80, 100, 2, 1]]);
    expect(b.bands[0]!.predicted).toBeCloseTo(0.095, 12);
    // Brier: mean of (p − y)²: 0, 0.81², 0.2², 0.15², 0.
    expect(b.brier).toBeCloseTo((0 + 0.6561 + 0.04 + 0.0225 + 0) / 5, 12);
    expect(b.reference).toBeCloseTo(0.6 * 0.4, 12);
    expect(b.verdict).toBe('too_few');
  });
  it('says nothing without outcomes, and judges only from enough of them', () => {
    expect(backtest([])).toMatchObject({ count: 0, brier: null, reference: null, verdict: 'none' });
    const sharp = Array.from({ length: BACKTEST_MIN_OUTCOMES }, (_, i) => ({ predicted: i % 2 ? 90 : 10, renewed: i % 2 === 1 }));
    expect(backtest(sharp).verdict).toBe('better_than_average');
    const backwards = sharp.map((p) => ({ ...p, renewed: !p.renewed }));
    expect(backtest(backwards).verdict).toBe('no_better');
    // A flat 50 everywhere only matches guessing the average at best.
    expect(backtest(sharp.map((p) => ({ ...p, predicted: 50 }))).verdict).toBe('no_better');
  });
});
