import { addDays, type IsoDate } from '../../shared/dates/local-date';
import type { Band } from '../../data/model/common';
import type { BandOverride, ServicePlan } from '../../data/model/records';

/** The longest a band set by hand holds before the computed one is back: a quarter. */
export const OVERRIDE_MAX_DAYS = 90;
export const OVERRIDE_DEFAULT_DAYS = 30;

/** The override in force today: set, not removed, not yet past its last day. */
export function activeOverride(plans: readonly Pick<ServicePlan, 'bandOverride' | 'deleted'>[] | undefined, today: IsoDate): BandOverride | undefined {
  const o = plans?.find((p) => !p.deleted && p.bandOverride)?.bandOverride;
  return o && o.setOn <= today && today <= o.until ? o : undefined;
}

export type OverrideProblem = 'reason_missing' | 'until_past' | 'until_too_far';

/** An override as typed, checked: a reason, and a last day from today up to OVERRIDE_MAX_DAYS ahead. */
export function checkOverride(input: { band: Band; reason: string; until: string }, today: IsoDate, by?: string): { ok: true; value: BandOverride } | { ok: false; problem: OverrideProblem } {
  const reason = input.reason.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, 300);
  if (!reason) return { ok: false, problem: 'reason_missing' };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.until) || input.until < today) return { ok: false, problem: 'until_past' };
  if (input.until > addDays(today, OVERRIDE_MAX_DAYS)) return { ok: false, problem: 'until_too_far' };
  const name = by?.trim();
  return { ok: true, value: { band: input.band, reason, until: input.until, setOn: today, ...(name ? { by: name.slice(0, 200) } : {}) } };
}

/** The health every surface shows: the override's band over the computed one, which stays known. */
export function withOverride<H extends { band: Band }>(health: H | undefined, override: BandOverride | undefined): (H & { computedBand?: Band; override?: BandOverride }) | undefined {
  if (!health || !override) return health;
  return { ...health, band: override.band, computedBand: health.band, override };
}
