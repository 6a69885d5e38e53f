import { z } from 'zod';
import type { CtaPlay, CtaTitleCode } from '../data/model/cta-draft';
import type { Translator } from '../shared/i18n';
import { CTA_RULES } from './index';

/**
 * The play for each kind of call to action: a few steps saying what a CSM does
 * about it. Every registered rule gives each of its title codes a default play
 * (CtaRule.plays); a team may rewrite any of them in the options. A stored CTA
 * is known by its cause, so its kind is found by the cause prefix its rule
 * declared. Manual next steps have no kind and no play.
 */
export interface CtaKind extends CtaPlay {
  code: CtaTitleCode;
}

/** Every registered kind, in registry order. */
export const CTA_KINDS: readonly CtaKind[] = CTA_RULES.flatMap((rule) => Object.entries(rule.plays).map(([code, play]) => ({ code, ...play })));

// Longest prefix first, so a kind whose prefix extends another's is found before it.
const BY_PREFIX = [...CTA_KINDS].sort((a, b) => b.causePrefix.length - a.causePrefix.length);

/** The kind of a stored CTA, from its cause; undefined for a manual step or a kind no longer registered. */
export function ctaKind(cause: string): CtaKind | undefined {
  return BY_PREFIX.find((k) => cause.startsWith(k.causePrefix));
}

export const PLAY_STEP_MAX = 300;
export const PLAY_STEPS_MAX = 8;

/** One kind's play as the team wrote it: 1 to 8 steps of plain text. */
export const PlayStepsSchema = z
  .array(z.string().trim().min(1, 'a step is empty').max(PLAY_STEP_MAX, `a step is longer than ${PLAY_STEP_MAX} characters`))
  .min(1, 'a play needs at least one step')
  .max(PLAY_STEPS_MAX, `a play has at most ${PLAY_STEPS_MAX} steps`);

/** What is stored: the plays the team rewrote, by title code; a kind not listed keeps its default. */
export const CustomPlaysSchema = z.record(z.string().min(1).max(100), PlayStepsSchema);
export type CustomPlays = z.infer<typeof CustomPlaysSchema>;

export interface PlaySettings {
  custom: CustomPlays;
  /** Title codes whose stored play could not be read ('*' when the whole value could not): they show their default. */
  unreadable: string[];
}

/**
 * Stored plays, always usable: each kind's stored steps that are valid are
 * kept; a kind whose stored value is not a valid play falls back to its
 * default and is named in `unreadable`, so one bad entry never resets the rest.
 * Entries for kinds no longer registered are kept as they are (they show nowhere).
 */
export function validPlays(stored: unknown): PlaySettings {
  if (stored === null || stored === undefined) return { custom: {}, unreadable: [] };
  if (typeof stored !== 'object' || Array.isArray(stored)) return { custom: {}, unreadable: ['*'] };
  const custom: CustomPlays = {};
  const unreadable: string[] = [];
  for (const [code, value] of Object.entries(stored)) {
    const steps = PlayStepsSchema.safeParse(value);
    if (steps.success && code.length > 0 && code.length <= 100) custom[code] = steps.data;
    else unreadable.push(code);
  }
  return { custom, unreadable };
}

/** A kind's default steps in the user's language. */
export const defaultSteps = (kind: CtaKind, tr: Translator): string[] => kind.steps.map((key) => tr.t(key));

/** The steps shown with a CTA: the team's play for its kind, else the default; none for a manual step. */
export function playSteps(cause: string, custom: CustomPlays, tr: Translator): string[] | undefined {
  const kind = ctaKind(cause);
  if (!kind) return undefined;
  return custom[kind.code] ?? defaultSteps(kind, tr);
}

export type PlayTextProblem = 'empty' | 'too_long' | 'too_many';

/** A play as typed in the options, one step per line (blank lines skipped): its steps, or what is wrong with it. */
export function parsePlayText(text: string): { steps: string[] } | { problem: PlayTextProblem } {
  const steps = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (steps.length === 0) return { problem: 'empty' };
  if (steps.length > PLAY_STEPS_MAX) return { problem: 'too_many' };
  if (steps.some((s) => s.length > PLAY_STEP_MAX)) return { problem: 'too_long' };
  return { steps: PlayStepsSchema.parse(steps) };
}
