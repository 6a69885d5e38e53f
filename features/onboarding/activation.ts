import { addDays, daysBetween, type IsoDate } from '../../shared/dates/local-date';
import type { HealthSnapshot, Milestone } from '../../data/model/records';
import { ONBOARDING_DAYS } from './status';
import { milestoneId, type KeyAction, type MilestoneDraft } from './template';

/** The milestone a CSM ticks when they see the key action done at its frequency (no usage data, or not yet). */
export const KEY_ACTION_KEY = 'key_action';

export type Activation =
  /** The key action reached its frequency inside the 90 days: by the usage rollup's reading, or the CSM's tick. */
  | { state: 'activated'; via: 'usage' | 'tick'; on: IsoDate }
  /** Still inside the window; `weeksDone` from the latest usage reading, when there is one. */
  | { state: 'not_yet'; weeksDone?: number; weeks: number; daysLeft: number }
  /** The 90 days passed without it: such customers retain at about 10%. */
  | { state: 'missed'; weeksDone?: number; weeks: number };

/**
 * Whether the account is activated on `today` (the 90/10 rule). A usage
 * reading counts when it is dated within the 90 days and names the template's
 * event (any event when the template names none: the team server measures
 * one key action per team) with at least the template's number of weeks done;
 * the frequency within a week is the team server's. A tick counts when it was
 * made within the 90 days. The earlier of the two is the activation day.
 */
export function activation(input: {
  keyAction: KeyAction;
  snapshots: readonly HealthSnapshot[];
  milestones: readonly Milestone[];
  signedAt: IsoDate;
  today: IsoDate;
}): Activation {
  const { keyAction, signedAt, today } = input;
  const end = addDays(signedAt, ONBOARDING_DAYS); // first day after the window
  const inWindow = (d: IsoDate) => d >= signedAt && d < end && d <= today;
  const readings = input.snapshots
    .filter((s) => !s.deleted && s.usage?.keyAction && inWindow(s.asOf) && (!keyAction.event || s.usage.keyAction.event === keyAction.event))
    .sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
  const met = readings.find((s) => s.usage!.keyAction!.weeksDone >= keyAction.weeks);
  const tick = input.milestones.find((m) => !m.deleted && m.key === KEY_ACTION_KEY && m.doneAt && inWindow(m.doneAt));
  const candidates: { via: 'usage' | 'tick'; on: IsoDate }[] = [
    ...(met ? [{ via: 'usage' as const, on: met.asOf }] : []),
    ...(tick?.doneAt ? [{ via: 'tick' as const, on: tick.doneAt }] : []),
  ].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  if (candidates[0]) return { state: 'activated', ...candidates[0] };
  const latest = readings.at(-1)?.usage?.keyAction?.weeksDone;
  const progress = { ...(latest !== undefined ? { weeksDone: latest } : {}), weeks: keyAction.weeks };
  if (today >= end) return { state: 'missed', ...progress };
  const daysLeft = daysBetween(today < signedAt ? signedAt : today, end);
  return { state: 'not_yet', ...progress, daysLeft };
}

/** The tick's record: done today, due on the window's last day (it is only written once ticked, so never overdue). */
export function keyActionTick(accountId: string, signedAt: IsoDate, today: IsoDate, owner?: string): MilestoneDraft & { doneAt: IsoDate } {
  return {
    id: milestoneId(accountId, KEY_ACTION_KEY), accountId, key: KEY_ACTION_KEY, title: KEY_ACTION_KEY,
    dueDate: addDays(signedAt, ONBOARDING_DAYS - 1), doneAt: today, ...(owner ? { owner } : {}),
  };
}
