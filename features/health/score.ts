import type { Band } from '../../data/model/common';
import type { HealthDimension, HealthModel } from './model';
import type { ScoringInputs } from './model';
import { nextBandFor, type NextBand } from './next-band';
import { rate, type Cap, type Contribution } from './rate';

export interface ScoredHealth {
  /** 0–100, one decimal. */
  score: number;
  /** From the score and the model's cut-offs, lowered by any firing override. */
  band: Band;
  /** Dimensions with a value and a weight > 0. */
  known: number;
  /** Dimensions with a weight > 0. */
  total: number;
  contributions: Contribution[];
  capped?: Cap;
  /** The dimension costing the most points: largest weight × (100 − dimScore). Absent when nothing costs any. */
  biggestDrag?: HealthDimension;
  /** How to reach the band above; absent when green or when it cannot be reached. */
  nextBand?: NextBand;
}

/** Nothing weighted is known: no score and no band, but still "0 of N measured". */
export interface UnscoredHealth {
  score: null;
  band: null;
  known: 0;
  total: number;
  contributions: [];
}

export type HealthScore = ScoredHealth | UnscoredHealth;

/** Scores one account's raw inputs and explains the score (see rate, nextBandFor). */
export function scoreHealth(inputs: ScoringInputs, model: HealthModel): HealthScore {
  const r = rate(inputs, model);
  if (!r) {
    const total = Object.values(model.dimensions).filter((d) => d.weight > 0).length;
    return { score: null, band: null, known: 0, total, contributions: [] };
  }
  let drag: Contribution | undefined;
  for (const c of r.contributions) {
    const lost = c.weight * (100 - c.dimScore);
    if (lost > 0 && (!drag || lost > drag.weight * (100 - drag.dimScore))) drag = c;
  }
  const next = nextBandFor(inputs, model, r.band);
  return {
    score: r.score,
    band: r.band,
    known: r.contributions.length,
    total: r.total,
    contributions: r.contributions,
    ...(r.capped ? { capped: r.capped } : {}),
    ...(drag ? { biggestDrag: drag.dimension } : {}),
    ...(next ? { nextBand: next } : {}),
  };
}
