import type { Band } from '../../data/model/common';
import { bandOf } from './band';
import { dimensionScore, HEALTH_DIMENSIONS, overrideFires, type HealthDimension, type HealthModel, type HealthOverride } from './model';
import type { ScoringInputs } from './model';

/** Bands from worst to best: a cap can only lower the band, never raise it. */
export const BAND_RANK: Record<Band, number> = { red: 0, yellow: 1, green: 2 };

/** What one dimension adds to the score. Unrounded: the UI decides how to show it. */
export interface Contribution {
  dimension: HealthDimension;
  value: number;
  /** 0–100 on the red→green scale. */
  dimScore: number;
  /** Share of the score after renormalising over the known dimensions (0..1; the shares add up to 1). */
  weight: number;
  /** weight × dimScore: the contributions' points add up to the score. */
  points: number;
}

export interface Cap {
  dimension: HealthDimension;
  capBand: 'red' | 'yellow';
}

export interface Rating {
  raw: number;
  /** raw rounded to one decimal: the band is taken from this, so the number shown and its colour agree. */
  score: number;
  band: Band;
  /** The override that lowered the band, when one did. */
  capped?: Cap;
  contributions: Contribution[];
  /** Dimensions with weight > 0 in the model, known or not. */
  total: number;
}

export const round1 = (n: number): number => Math.round(n * 10) / 10;

/**
 * The weighted score of the known dimensions and its band after overrides,
 * or null when no weighted dimension has a value. Missing dimensions are
 * skipped and the remaining weights renormalised, so an account measured on
 * three dimensions is not punished for the four nobody tracks.
 */
export function rate(inputs: ScoringInputs, model: HealthModel): Rating | null {
  let weightSum = 0;
  let total = 0;
  for (const d of HEALTH_DIMENSIONS) {
    const w = model.dimensions[d].weight;
    if (w > 0) total++;
    if (w > 0 && inputs[d] !== undefined) weightSum += w;
  }
  if (weightSum === 0) return null;
  const contributions: Contribution[] = [];
  let raw = 0;
  for (const d of HEALTH_DIMENSIONS) {
    const rule = model.dimensions[d];
    const value = inputs[d];
    if (value === undefined || rule.weight === 0) continue;
    const weight = rule.weight / weightSum;
    const dimScore = dimensionScore(value, rule);
    raw += weight * dimScore;
    contributions.push({ dimension: d, value, dimScore, weight, points: weight * dimScore });
  }
  const score = round1(raw);
  const scoreBand = bandOf(score, model.bands);
  // The worst firing override wins; on a tie the first listed, so the explanation is stable.
  let capped: HealthOverride | undefined;
  for (const o of model.overrides) {
    const v = inputs[o.dimension];
    if (v === undefined || !overrideFires(o, v)) continue;
    if (BAND_RANK[o.capBand] < BAND_RANK[capped?.capBand ?? scoreBand]) capped = o;
  }
  const band = capped?.capBand ?? scoreBand;
  return { raw, score, band, ...(capped ? { capped: { dimension: capped.dimension, capBand: capped.capBand } } : {}), contributions, total };
}

/**
 * rate's score and band only, for the engine's hot loops (every reading of
 * every account): the same arithmetic in the same order, so the same numbers,
 * without building the explanation.
 */
export function rateBand(inputs: ScoringInputs, model: HealthModel): Pick<Rating, 'score' | 'band'> | null {
  const { dims, overrides, bands } = compiled(model);
  // Each value read once (a keyed read per dimension is what this loop costs most).
  const values = scratch;
  let weightSum = 0;
  for (let k = 0; k < dims.length; k++) {
    const d = dims[k]!;
    const value = (values[k] = inputs[d.dimension]);
    if (value !== undefined) weightSum += d.weight;
  }
  if (weightSum === 0) return null;
  let raw = 0;
  for (let k = 0; k < dims.length; k++) {
    const d = dims[k]!;
    const value = values[k];
    if (value === undefined) continue;
    raw += (d.weight / weightSum) * Math.min(100, Math.max(0, ((value - d.red) / d.span) * 100));
  }
  const score = round1(raw);
  let band = bandOf(score, bands);
  for (const o of overrides) {
    const v = inputs[o.dimension];
    if (v !== undefined && BAND_RANK[o.capBand] < BAND_RANK[band] && overrideFires(o, v)) band = o.capBand;
  }
  return { score, band };
}

interface CompiledModel {
  /** The weighted dimensions, in HEALTH_DIMENSIONS order (the order rate adds them up in). */
  dims: { dimension: HealthDimension; weight: number; red: number; span: number }[];
  overrides: HealthModel['overrides'];
  bands: HealthModel['bands'];
}

/**
 * A model read once into plain arrays. Models are values: settings replace
 * them, nothing edits one in place, so one reading per model object holds.
 */
const compiledModels = new WeakMap<HealthModel, CompiledModel>();
/** rateBand's values of one reading, reused from call to call (scoring is synchronous and never nested). */
const scratch: (number | undefined)[] = [];
/** The last model asked for: a book is scored with one model, call after call. */
let last: { model: HealthModel; compiled: CompiledModel } | undefined;
function compiled(model: HealthModel): CompiledModel {
  if (last?.model === model) return last.compiled;
  let c = compiledModels.get(model);
  if (!c) {
    const dims = HEALTH_DIMENSIONS.filter((d) => model.dimensions[d].weight !== 0).map((d) => {
      const r = model.dimensions[d];
      return { dimension: d, weight: r.weight, red: r.red, span: r.green - r.red };
    });
    c = { dims, overrides: model.overrides, bands: model.bands };
    compiledModels.set(model, c);
  }
  last = { model, compiled: c };
  return c;
}
