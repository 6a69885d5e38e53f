import type { Account } from '../data/model/account';
import type { CtaDraft, CtaTitle } from '../data/model/cta-draft';
import type { Cta, Handover, HealthSnapshot, Milestone, RenewalOutcome } from '../data/model/records';
import type { IsoDate } from '../shared/dates/local-date';
import type { Translator } from '../shared/i18n';
import { CTA_RULES, type CtaRulesInput } from './index';
import type { HealthModel } from './health/model';
import type { MilestoneTemplate } from './onboarding/template';
import type { RenewalSettings } from './renewal/settings';
import type { TouchpointLog } from './renewal/timeline';
import type { ServiceCtaInput } from './service/ctas';

export { CTA_ACT_DAYS } from '../data/model/cta-draft';

export interface CtaEvaluationInput {
  account: Pick<Account, 'id' | 'contractEnd' | 'contractStart' | 'owner' | 'csm' | 'segment' | 'signedAt'>;
  snapshots: readonly HealthSnapshot[];
  milestones: readonly Milestone[];
  outcomes: readonly RenewalOutcome[];
  /** Every CTA the account has, in any status, deleted ones included. */
  existing: readonly Cta[];
  model: HealthModel;
  renewalSettings: RenewalSettings;
  /** Contacts that keep renewal touchpoints (see touchpointLogs); none means none were made. */
  logged?: readonly TouchpointLog[];
  onboardingTemplate?: readonly MilestoneTemplate[];
  /** The account's handovers, which hold its key people. */
  handovers?: readonly Handover[];
  /** Days without use after which a key person has gone quiet (service settings; absent: the default 21). */
  keyPersonQuietDays?: number;
  /** The service rhythm and expectation notes; without them no service CTAs are raised. */
  service?: Omit<ServiceCtaInput, 'account' | 'today'>;
  today: IsoDate;
}

// Every registered rule's input is part of this one: a rule reading something new fails here until it is added.
const _covers = (i: CtaEvaluationInput): CtaRulesInput => i;
void _covers;

export interface CtaClosure {
  id: string;
  cause: string;
  /** A close reason of the rule that raised the CTA (CtaRule.closedNotes words it). */
  reason: string;
}

export interface CtaEvaluation {
  create: CtaDraft[];
  /** Open CTAs whose cause the data now shows resolved. Churn recovery is never closed here: a person decides. */
  close: CtaClosure[];
  /** CTAs a rule closed whose closing the data no longer shows (CtaRun.reopen). */
  reopen: Omit<CtaClosure, 'reason'>[];
}

/**
 * Every CTA the account's data calls for, from every registered source
 * (features/index.ts; each rule documents its causes), each created once per
 * cause. A cause already on any existing CTA (open, snoozed, closed or
 * deleted) is never raised again. Due dates come from the data, not from
 * `today`, so two devices draft identical records.
 */
export function evaluateCtas(input: CtaEvaluationInput): CtaEvaluation {
  // Most accounts of a book have no CTA yet: their few drafts are checked against each other, with no set.
  const taken = input.existing.length ? new Set(input.existing.map((c) => c.cause)) : undefined;
  const runs = CTA_RULES.map((rule) => rule.evaluate(input));
  const create: CtaDraft[] = [];
  for (const run of runs) {
    for (const d of run.create) {
      if (taken ? taken.has(d.cause) : drafted(create, d.cause)) continue;
      taken?.add(d.cause);
      create.push(d);
    }
  }
  const close: CtaClosure[] = [];
  const reopen: CtaEvaluation['reopen'] = [];
  for (const c of input.existing) {
    if (c.accountId !== input.account.id || c.deleted) continue;
    if (c.status === 'closed') {
      if (c.closedBy && runs.some((run) => run.reopen?.(c))) reopen.push({ id: c.id, cause: c.cause });
      continue;
    }
    for (const run of runs) {
      const reason = run.resolve(c);
      if (reason) {
        close.push({ id: c.id, cause: c.cause, reason });
        break;
      }
    }
  }
  return { create, close, reopen };
}

/** Whether a draft for `cause` is already on the list. */
function drafted(create: readonly CtaDraft[], cause: string): boolean {
  for (const d of create) if (d.cause === cause) return true;
  return false;
}

/** A CTA as a rule closes it: the reason kept for the machine, worded for the team. */
export const closedByRule = <C extends Cta>(cta: C, reason: string, tr: Translator, at: string): C =>
  ({ ...cta, status: 'closed', closedNote: closedNote(reason, tr), closedBy: reason, updatedAt: at });

/** A CTA a rule closed, open again: its closing note goes with the closing. */
export function reopened<C extends Cta>(cta: C, at: string): C {
  const { closedNote: _n, closedBy: _b, snoozedUntil: _s, ...rest } = cta;
  return { ...rest, status: 'open', updatedAt: at } as C;
}

/** A draft's title in the user's language, stored with the CTA (the team reads what was raised). */
export function wordCtaTitle(draft: { title: CtaTitle }, tr: Translator): string {
  for (const rule of CTA_RULES) {
    const word = rule.titles[draft.title.code];
    if (word) return word(draft.title.params, tr);
  }
  throw new Error(`No registered CTA rule words the title code "${draft.title.code}": add it to its rule's titles.`);
}

/** The note stored on a CTA a rule closed, in the user's language. */
export function closedNote(reason: string, tr: Translator): string {
  for (const rule of CTA_RULES) {
    const key = rule.closedNotes[reason];
    if (key) return tr.t(key);
  }
  throw new Error(`No registered CTA rule words the close reason "${reason}": add it to its rule's closedNotes.`);
}
