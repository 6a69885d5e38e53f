import { addDays, daysBetween, type IsoDate } from '../../shared/dates/local-date';
import { cadenceFor, type RenewalSettings } from './settings';
import { PLAN_DAYS, type RenewalAccount } from './timeline';

export type PlanStepCode =
  | 'review_health'
  | 'review_promises'
  | 'value_review_with_boss'
  | 'success_story'
  | 'offer_value'
  | 'renewal_proposal'
  | 'confirm_decision'
  | 'paperwork';

export type Priority = 'high' | 'medium' | 'low';

/**
 * The 90-day renewal plan, as days before the contract end. `customer`
 * steps involve the customer (automated in automated segments); the others
 * are the CSM's own preparation.
 */
export const RENEWAL_PLAN_STEPS: readonly { code: PlanStepCode; offset: number; priority: Priority; customer: boolean }[] = [
  // Know where the account stands (health, open CTAs) while there is still time to fix adoption.
  { code: 'review_health', offset: 90, priority: 'high', customer: false },
  // The promises made at signing follow the account to renewal: which were kept, which reset.
  { code: 'review_promises', offset: 90, priority: 'medium', customer: false },
  // The relationship that decides renewals is with the boss: review the value delivered with them.
  { code: 'value_review_with_boss', offset: 60, priority: 'high', customer: true },
  // Renewal groundwork: a success story in the customer's own numbers, ready before the proposal.
  { code: 'success_story', offset: 45, priority: 'medium', customer: false },
  // Value, not discounts: extra training, a strategy session, priority support or an extra month.
  { code: 'offer_value', offset: 30, priority: 'medium', customer: true },
  { code: 'renewal_proposal', offset: 30, priority: 'high', customer: true },
  { code: 'confirm_decision', offset: 15, priority: 'high', customer: true },
  // Signed before the end date: after expiry renewal rates drop sharply.
  { code: 'paperwork', offset: 7, priority: 'high', customer: true },
];

export interface PlanStep {
  code: PlanStepCode;
  offset: number;
  due: IsoDate;
  /** Days from today to the step (negative: its date has passed; whether it was done is the caller's record). */
  daysUntil: number;
  priority: Priority;
  channel: 'internal' | 'csm' | 'automated';
}

export interface RenewalPlan {
  /** The plan's first day: PLAN_DAYS before the contract end. */
  starts: IsoDate;
  steps: PlanStep[];
}

/** Dated steps in date order (ties keep the template's order: high priority first within a day). */
export function renewalPlan(account: RenewalAccount, settings: RenewalSettings, today: IsoDate): RenewalPlan {
  const automated = cadenceFor(account.segment, settings).automated;
  const steps = RENEWAL_PLAN_STEPS.map((s): PlanStep => {
    const due = addDays(account.contractEnd, -s.offset);
    return {
      code: s.code,
      offset: s.offset,
      due,
      daysUntil: daysBetween(today, due),
      priority: s.priority,
      channel: !s.customer ? 'internal' : automated ? 'automated' : 'csm',
    };
  });
  return { starts: addDays(account.contractEnd, -PLAN_DAYS), steps };
}
