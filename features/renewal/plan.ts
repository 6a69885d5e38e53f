import { addDays, daysBetween, type IsoDate } from '../../shared/dates/local-date';
import { cadenceFor, type RenewalSettings } from './settings';
import { PLAN_DAYS, type RenewalAccount } from './timeline';
import type { Priority } from './plan-template';

export { BUILT_IN_STEPS, isBuiltInStep, PRIORITIES, RENEWAL_PLAN_STEPS, type PlanStepCode, type PlanTemplateStep, type Priority } from './plan-template';

export interface PlanStep {
  /** The template step's id (a built-in code, or one the team added). */
  id: string;
  /** The team's own title, when it gave one; otherwise the built-in step's wording applies. */
  title?: string;
  offset: number;
  due: IsoDate;
  /** Days from today to the step (negative: its date has passed). */
  daysUntil: number;
  priority: Priority;
  channel: 'internal' | 'csm' | 'automated';
  /** The day it was ticked off in this term, if it was. */
  doneAt?: IsoDate;
}

export interface RenewalPlan {
  /** The plan's first day: PLAN_DAYS before the contract end. */
  starts: IsoDate;
  steps: PlanStep[];
  /** Steps ticked off, of all steps. */
  done: number;
}

/**
 * The current term's plan: the template's steps dated from its end, in date
 * order (ties keep the template's order: high priority first within a day),
 * each with the day it was ticked off in this term (`done`, by step id).
 */
export function renewalPlan(account: RenewalAccount, settings: RenewalSettings, today: IsoDate, done: Readonly<Record<string, IsoDate>> = {}): RenewalPlan {
  const automated = cadenceFor(account.segment, settings).automated;
  const steps = settings.plan
    .map((s, i) => ({ s, i }))
    .sort((a, b) => b.s.offset - a.s.offset || a.i - b.i)
    .map(({ s }): PlanStep => {
      const due = addDays(account.contractEnd, -s.offset);
      const doneAt = done[s.id];
      return {
        id: s.id, offset: s.offset, due, daysUntil: daysBetween(today, due), priority: s.priority,
        channel: !s.customer ? 'internal' : automated ? 'automated' : 'csm',
        ...(s.title ? { title: s.title } : {}), ...(doneAt ? { doneAt } : {}),
      };
    });
  return { starts: addDays(account.contractEnd, -PLAN_DAYS), steps, done: steps.filter((s) => s.doneAt).length };
}

/** What the card lists next: the open steps, overdue ones first (they still need doing), then by date. */
export const openSteps = (plan: RenewalPlan, n = 3): PlanStep[] => plan.steps.filter((s) => !s.doneAt).slice(0, n);
