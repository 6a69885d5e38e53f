import type { Band } from '../../data/model/common';
import { DIMENSION_RANGE, HEALTH_DIMENSIONS, overrideFires, type HealthDimension, type HealthModel } from './model';
import type { ScoringInputs } from './model';
import { BAND_RANK, rate, type Rating } from './rate';

/** "Raise core-feature adoption from 35 to 58": language-neutral, the UI words it. */
export interface HealthAction {
  dimension: HealthDimension;
  from: number;
  to: number;
}

/**
 * How to reach the band above the current one.
 * mode 'any': each action alone is enough (best first, at most two alternatives).
 * mode 'all': the actions are one plan, needed together (an override to lift
 * plus a raise, or no single dimension can close the gap).
 */
export interface NextBand {
  band: Band;
  mode: 'any' | 'all';
  actions: HealthAction[];
}

const clampToRange = (d: HealthDimension, v: number) => Math.min(DIMENSION_RANGE[d].max, Math.max(DIMENSION_RANGE[d].min, v));
const reaches = (r: Rating | null, target: Band) => r !== null && BAND_RANK[r.band] >= BAND_RANK[target];

/**
 * The smallest whole value of `d` that lifts the lifted inputs into `target`,
 * or null. Targets are whole numbers (percent points, tickets, NPS points)
 * rounded in the helpful direction, then checked by scoring them: the check
 * absorbs floating-point error and the one-decimal rounding of the score.
 */
function valueNeeded(inputs: ScoringInputs, model: HealthModel, r: Rating, d: HealthDimension, target: Band, cutoff: number): number | null {
  const c = r.contributions.find((x) => x.dimension === d);
  if (!c || c.dimScore >= 100) return null;
  const rule = model.dimensions[d];
  // A score of cutoff - 0.05 rounds to the cut-off: that is the least the shown score needs.
  const needed = c.dimScore + (cutoff - 0.05 - r.raw) / c.weight;
  if (needed > 100 + 1e-9) return null;
  const up = rule.green > rule.red;
  const exact = rule.red + (Math.min(needed, 100) / 100) * (rule.green - rule.red);
  let to = clampToRange(d, up ? Math.ceil(exact - 1e-9) : Math.floor(exact + 1e-9));
  for (let tries = 0; tries < 3; tries++) {
    if (reaches(rate({ ...inputs, [d]: to }, model), target)) return to;
    const next = clampToRange(d, to + (up ? 1 : -1));
    if (next === to) return null;
    to = next;
  }
  return null;
}

function upsert(actions: HealthAction[], a: HealthAction): void {
  const i = actions.findIndex((x) => x.dimension === a.dimension);
  if (i >= 0) actions[i] = { ...a, from: actions[i]!.from };
  else actions.push(a);
}

/**
 * The next band's actions. Caps below the target are lifted first (just past
 * the override's threshold); then the cheapest single raise, where effort is
 * the move as a share of that dimension's red→green span; if no single
 * dimension can close the gap, the dimension with the most points left is
 * raised to green and the search repeats. Undefined when green already, or
 * when the inputs' ranges make the next band unreachable.
 */
export function nextBandFor(inputs: ScoringInputs, model: HealthModel, current: Band): NextBand | undefined {
  if (current === 'green') return undefined;
  const target: Band = current === 'red' ? 'yellow' : 'green';
  const cutoff = target === 'yellow' ? model.bands.red : model.bands.green;
  const lifted: ScoringInputs = { ...inputs };
  const actions: HealthAction[] = [];
  for (const o of model.overrides) {
    const v = lifted[o.dimension];
    if (v === undefined || BAND_RANK[o.capBand] >= BAND_RANK[target] || !overrideFires(o, v)) continue;
    const to = clampToRange(o.dimension, o.atOrBelow !== undefined ? Math.floor(o.atOrBelow) + 1 : Math.ceil(o.atOrAbove ?? 0) - 1);
    if (overrideFires(o, to)) return undefined;
    lifted[o.dimension] = to;
    upsert(actions, { dimension: o.dimension, from: v, to });
  }
  const maxed = new Set<HealthDimension>();
  // Each pass returns, or settles one dimension: bounded by the number of dimensions.
  for (let step = 0; step <= HEALTH_DIMENSIONS.length + 1; step++) {
    const r = rate(lifted, model);
    if (!r) return undefined;
    if (reaches(r, target)) return { band: target, mode: actions.length > 1 ? 'all' : 'any', actions };
    const singles: (HealthAction & { effort: number; weight: number })[] = [];
    for (const c of r.contributions) {
      const to = valueNeeded(lifted, model, r, c.dimension, target, cutoff);
      if (to === null) continue;
      const rule = model.dimensions[c.dimension];
      singles.push({ dimension: c.dimension, from: inputs[c.dimension] ?? c.value, to, effort: Math.abs(to - c.value) / Math.abs(rule.green - rule.red), weight: c.weight });
    }
    // Stable sort: equal effort keeps the heavier dimension, then the dimension order.
    singles.sort((a, b) => a.effort - b.effort || b.weight - a.weight);
    const strip = ({ dimension, from, to }: HealthAction): HealthAction => ({ dimension, from, to });
    if (singles.length > 0 && actions.length === 0) return { band: target, mode: 'any', actions: singles.slice(0, 2).map(strip) };
    if (singles.length > 0) {
      upsert(actions, strip(singles[0]!));
      lifted[singles[0]!.dimension] = singles[0]!.to;
      continue;
    }
    // No single dimension is enough: take the one with the most points left all the way to green.
    const best = r.contributions
      .filter((c) => !maxed.has(c.dimension) && c.dimScore < 100)
      .sort((a, b) => b.weight * (100 - b.dimScore) - a.weight * (100 - a.dimScore))[0];
    if (!best) return undefined;
    const rule = model.dimensions[best.dimension];
    const up = rule.green > rule.red;
    const to = clampToRange(best.dimension, up ? Math.ceil(rule.green) : Math.floor(rule.green));
    maxed.add(best.dimension);
    upsert(actions, { dimension: best.dimension, from: inputs[best.dimension] ?? best.value, to });
    lifted[best.dimension] = to;
  }
  return undefined;
}
