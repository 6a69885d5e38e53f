import { addDays, type IsoDate } from '../../shared/dates/local-date';
import type { Milestone } from '../../data/model/records';

export interface MilestoneTemplate {
  key: string;
  /** Due this many days after signing. */
  dueDays: number;
  /** Reaching it depends on a team other than the CSM's: its CTA turns the account red. */
  needsOtherTeam: boolean;
}

/**
 * The key onboarding actions (domain brief, "Onboarding"). All fall well
 * inside 90 days: customers who miss the key actions in the first 90 days
 * retain at about 10%, so each date leaves room to recover before that cliff.
 */
export const ONBOARDING_TEMPLATE: readonly MilestoneTemplate[] = [
  // The first service visit resets expectations without changing the goal: it must happen fast.
  { key: 'kick_off', dueDays: 7, needsOtherTeam: false },
  // Implementation workshop at ~60% after a month leaves two months to finish; it needs the delivery team.
  { key: 'workshop_60pct', dueDays: 30, needsOtherTeam: true },
  // Health measured from mid-window, so weekly readings show a trend before adoption starts (~day 90).
  { key: 'health_model_setup', dueDays: 45, needsOtherTeam: false },
  // First value the customer can see, a month before the 90-day mark.
  { key: 'first_value', dueDays: 60, needsOtherTeam: false },
];

export type MilestoneDraft = Pick<Milestone, 'id' | 'accountId' | 'key' | 'title' | 'dueDate'> & { owner?: string };

/** Deterministic, so two devices creating the same account's milestones converge on one record each. */
export const milestoneId = (accountId: string, key: string): string => `ms:${accountId}:${key}`;

/**
 * An account's onboarding milestones, dated from signing. The title is the
 * key: the UI shows its translation for template keys, and what the user
 * typed once they rename it.
 */
export function milestonesFor(accountId: string, signedAt: IsoDate, template: readonly MilestoneTemplate[] = ONBOARDING_TEMPLATE, owner?: string): MilestoneDraft[] {
  return template.map((t) => ({
    id: milestoneId(accountId, t.key),
    accountId,
    key: t.key,
    title: t.key,
    dueDate: addDays(signedAt, t.dueDays),
    ...(owner ? { owner } : {}),
  }));
}
