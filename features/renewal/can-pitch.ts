import { addDays, type IsoDate } from '../../shared/dates/local-date';
import type { Band } from '../../data/model/common';
import type { Cta } from '../../data/model/records';
import { noPitchWindow } from './no-pitch';

/**
 * Why a salesperson should hold off offering anything new. A renewal is
 * earned by service: a pitch while the customer is still waiting on what the
 * last sale promised, or while the account is unhappy, costs more than it
 * brings.
 */
export type PitchHold =
  | { code: 'no_pitch_window'; until: IsoDate }
  | { code: 'churn_recovery'; count: number }
  | { code: 'health_red'; byHand: boolean }
  | { code: 'promises'; broken: number; atRisk: number }
  | { code: 'escalation'; count: number };

export interface PitchAnswer {
  answer: 'go' | 'hold';
  /** Every reason to hold, most serious first; empty when the answer is go. */
  holds: PitchHold[];
}

export interface PitchInput {
  account: { signedAt?: IsoDate };
  today: IsoDate;
  noPitchDays: number;
  /** The band shown for the account (with an override set by hand already applied), null when unknown. */
  band: Band | null;
  /** True when `band` comes from an override set by hand. */
  bandByHand?: boolean;
  ctas: readonly Pick<Cta, 'cause' | 'status' | 'needsOtherTeam' | 'deleted' | 'snoozedUntil'>[];
  /** The account's promises broken, and open ones at risk (features/expectations/risks.ts decides which). */
  promises: { broken: number; atRisk: number };
}

const CHURN_RECOVERY = 'churn-recovery:';

/** A CTA still to be done: open, or snoozed (a snooze postpones the work, it does not do it). */
const pending = (c: PitchInput['ctas'][number]) => !c.deleted && c.status !== 'closed';

/**
 * "Can I pitch?" for an account, on `today`: hold while any of the reasons
 * holds, otherwise go. An escalation is a pending CTA flagged as needing
 * another team (churn recovery is named on its own).
 */
export function canPitch(input: PitchInput): PitchAnswer {
  const holds: PitchHold[] = [];
  const window = noPitchWindow(input.account.signedAt, input.today, input.noPitchDays);
  const open = input.ctas.filter(pending);
  const recovery = open.filter((c) => c.cause.startsWith(CHURN_RECOVERY)).length;
  if (recovery > 0) holds.push({ code: 'churn_recovery', count: recovery });
  if (input.band === 'red') holds.push({ code: 'health_red', byHand: input.bandByHand === true });
  const { broken, atRisk } = input.promises;
  if (broken + atRisk > 0) holds.push({ code: 'promises', broken, atRisk });
  const escalations = open.filter((c) => c.needsOtherTeam === true && !c.cause.startsWith(CHURN_RECOVERY)).length;
  if (escalations > 0) holds.push({ code: 'escalation', count: escalations });
  if (window.active) holds.push({ code: 'no_pitch_window', until: addDays(input.today, window.daysLeft) });
  return { answer: holds.length ? 'hold' : 'go', holds };
}
