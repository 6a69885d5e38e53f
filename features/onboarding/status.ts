import { isOpenCta } from '../../data/model/cta-draft';
import { daysBetween, type IsoDate } from '../../shared/dates/local-date';
import type { Cta, Milestone } from '../../data/model/records';

/** The onboarding window: the key actions must be done within 90 days of paying (the 90/10 rule). */
export const ONBOARDING_DAYS = 90;

export type OnboardingColour = 'green' | 'yellow' | 'red';

export interface OnboardingStatus {
  /** Days 0–89 after signing (day 0 is the signing day). */
  inWindow: boolean;
  /** Days of the 90 still ahead: 90 on the signing day (and before it), 0 from day 90. */
  daysLeft: number;
  colour: OnboardingColour;
  /** Milestones not done whose due date has passed, earliest first. */
  overdue: Milestone[];
}

export { isOpenCta };

/**
 * Onboarding's colour, from its own CTAs only (a missing report or a churn
 * recovery is not onboarding's state): red when an open one needs another
 * team, yellow for any other open one, green for none.
 */
export function ctaColour(ctas: readonly Pick<Cta, 'status' | 'deleted' | 'needsOtherTeam' | 'source'>[]): OnboardingColour {
  const open = ctas.filter((c) => c.source === 'onboarding' && isOpenCta(c));
  if (open.some((c) => c.needsOtherTeam)) return 'red';
  return open.length > 0 ? 'yellow' : 'green';
}

/** An account's onboarding on `today`; pass that account's milestones and CTAs. */
export function onboardingStatus(milestones: readonly Milestone[], ctas: readonly Cta[], signedAt: IsoDate, today: IsoDate): OnboardingStatus {
  const since = daysBetween(signedAt, today);
  const overdue = milestones
    .filter((m) => !m.deleted && !m.doneAt && m.dueDate < today)
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  return {
    inWindow: since >= 0 && since < ONBOARDING_DAYS,
    daysLeft: Math.min(ONBOARDING_DAYS, Math.max(0, ONBOARDING_DAYS - since)),
    colour: ctaColour(ctas),
    overdue,
  };
}

export type ColourWeights = Record<OnboardingColour, number>;
/** Red counts fully, yellow half, green nothing (domain brief: colours carry weights). */
export const DEFAULT_COLOUR_WEIGHTS: ColourWeights = { red: 1, yellow: 0.5, green: 0 };

export interface OnboardingRisk {
  /** Σ count × weight over the colours. */
  risk: number;
  accounts: number;
  /** risk / accounts: 0 (all green) to 1 (all red); null with no account. */
  perAccount: number | null;
}

export function onboardingRisk(counts: Record<OnboardingColour, number>, weights: ColourWeights = DEFAULT_COLOUR_WEIGHTS): OnboardingRisk {
  const risk = counts.red * weights.red + counts.yellow * weights.yellow + counts.green * weights.green;
  const accounts = counts.red + counts.yellow + counts.green;
  return { risk, accounts, perAccount: accounts > 0 ? risk / accounts : null };
}

export interface OwnerArrAtRisk {
  /** null: accounts without an owner. */
  owner: string | null;
  /** ARR of the owner's red and yellow accounts: a renewal at risk puts all of its ARR at risk. */
  arrAtRisk: number;
  red: number;
  yellow: number;
  /** The owner's red and yellow accounts. */
  accountsAtRisk: number;
}

/** ARR at risk per owner, most first (then by owner; unowned last). Every owner seen is listed, even at 0. */
export function arrAtRiskByOwner(accounts: readonly { owner?: string; arr?: number; colour: OnboardingColour }[]): OwnerArrAtRisk[] {
  const rows = new Map<string | null, OwnerArrAtRisk>();
  for (const a of accounts) {
    const owner = a.owner?.trim() || null;
    const row = rows.get(owner) ?? { owner, arrAtRisk: 0, red: 0, yellow: 0, accountsAtRisk: 0 };
    rows.set(owner, row);
    if (a.colour === 'green') continue;
    const arr = a.arr ?? 0;
    row[a.colour] += arr;
    row.arrAtRisk += arr;
    row.accountsAtRisk++;
  }
  const byOwner = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);
  return [...rows.values()].sort((a, b) => b.arrAtRisk - a.arrAtRisk || byOwner(a.owner, b.owner));
}
