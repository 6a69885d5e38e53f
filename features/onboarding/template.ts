import { z } from 'zod';
import { addDays, type IsoDate } from '../../shared/dates/local-date';
import { SEGMENTS, type Segment } from '../../data/model/common';
import type { Milestone } from '../../data/model/records';

export interface MilestoneTemplate {
  key: string;
  /** Due this many days after signing. */
  dueDays: number;
  /** Reaching it depends on a team other than the CSM's: its CTA turns the account red. */
  needsOtherTeam: boolean;
  /** The title the team gave it; template keys of the catalogue are worded in the user's language instead. */
  title?: string;
}

/**
 * The customer's key onboarding action and its frequency: done at least
 * `timesPerWeek` times in each of `weeks` weeks within the 90 days is what
 * "activated" means. `event`: the usage event that measures it on the team
 * server (server/src/ingest: the team's key action); without one, the team
 * server's key action counts, or the CSM's tick.
 */
export interface KeyAction {
  name?: string;
  event?: string;
  timesPerWeek: number;
  weeks: number;
}

export interface OnboardingTemplate {
  milestones: MilestoneTemplate[];
  keyAction?: KeyAction;
}

/**
 * The default onboarding milestones (domain brief, "Onboarding"), true for
 * any customer. All fall well inside 90 days: customers who miss the key
 * actions in the first 90 days retain at about 10%, so each date leaves room
 * to recover before that cliff.
 */
export const ONBOARDING_TEMPLATE: readonly MilestoneTemplate[] = [
  // The first service visit resets expectations without changing the goal: it must happen fast.
  { key: 'kick_off', dueDays: 7, needsOtherTeam: false },
  // Implementation workshop at ~60% after a month leaves two months to finish; it needs the delivery team.
  { key: 'workshop_60pct', dueDays: 30, needsOtherTeam: true },
  // The people who will do the key action are trained on it, so weekly use can start well before day 90.
  { key: 'key_users_trained', dueDays: 45, needsOtherTeam: false },
  // First value the customer can see, a month before the 90-day mark.
  { key: 'first_value', dueDays: 60, needsOtherTeam: false },
];

/** The default key action: weekly, in four weeks of the 90 days (domain brief: "weekly, within the first four weeks"). */
export const DEFAULT_KEY_ACTION: KeyAction = { timesPerWeek: 1, weeks: 4 };
export const DEFAULT_ONBOARDING: OnboardingTemplate = { milestones: [...ONBOARDING_TEMPLATE], keyAction: DEFAULT_KEY_ACTION };

/** Milestone keys the catalogue words; 'health_model_setup' only for milestones created before it left the default template. */
export const KNOWN_MILESTONES = ['kick_off', 'workshop_60pct', 'key_users_trained', 'first_value', 'health_model_setup'] as const;

const TemplateSchema = z.object({
  milestones: z
    .array(z.object({
      key: z.string().trim().min(1).max(100),
      dueDays: z.number().int().min(0).max(365),
      needsOtherTeam: z.boolean(),
      title: z.string().trim().min(1).max(300).optional(),
    }))
    .min(1)
    .max(20),
  keyAction: z.object({
    name: z.string().trim().min(1).max(200).optional(),
    event: z.string().trim().min(1).max(200).optional(),
    timesPerWeek: z.number().int().min(1).max(1000),
    weeks: z.number().int().min(1).max(12),
  }).optional(),
});

/** What the options store: a template for every account (`default`) and, where a segment differs, its own. */
export const OnboardingTemplatesSchema = z.object({
  default: TemplateSchema.optional(),
  ...Object.fromEntries(SEGMENTS.map((s) => [s, TemplateSchema.optional()])),
} as Record<'default' | Segment, z.ZodOptional<typeof TemplateSchema>>);
export type OnboardingTemplates = Partial<Record<'default' | Segment, OnboardingTemplate>>;

/**
 * Stored templates, always usable: each entry that is valid is kept, one that
 * is not falls back (to the default, or the built-in one) and is named in
 * `unreadable`, so one bad entry never resets the rest.
 */
export function validTemplates(stored: unknown): { templates: OnboardingTemplates; unreadable: string[] } {
  if (stored === null || stored === undefined) return { templates: {}, unreadable: [] };
  if (typeof stored !== 'object' || Array.isArray(stored)) return { templates: {}, unreadable: ['*'] };
  const templates: OnboardingTemplates = {};
  const unreadable: string[] = [];
  for (const [key, value] of Object.entries(stored)) {
    if (key !== 'default' && !(SEGMENTS as readonly string[]).includes(key)) continue;
    const parsed = TemplateSchema.safeParse(value);
    if (parsed.success) templates[key as 'default' | Segment] = parsed.data as OnboardingTemplate;
    else unreadable.push(key);
  }
  return { templates, unreadable };
}

/** The template of an account's segment: its own, else the team's default, else the built-in one. */
export function templateFor(templates: OnboardingTemplates, segment: Segment | undefined): OnboardingTemplate {
  return (segment && templates[segment]) || templates.default || DEFAULT_ONBOARDING;
}

export type MilestoneDraft = Pick<Milestone, 'id' | 'accountId' | 'key' | 'title' | 'dueDate'> & { owner?: string };

/** Deterministic, so two devices creating the same account's milestones converge on one record each. */
export const milestoneId = (accountId: string, key: string): string => `ms:${accountId}:${key}`;

/**
 * An account's onboarding milestones, dated from signing. The title is the
 * key for catalogue keys (the UI shows its translation), else the title the
 * template gave it; what the user types once they rename it wins.
 */
export function milestonesFor(accountId: string, signedAt: IsoDate, template: readonly MilestoneTemplate[] = ONBOARDING_TEMPLATE, owner?: string): MilestoneDraft[] {
  return template.map((t) => ({
    id: milestoneId(accountId, t.key),
    accountId,
    key: t.key,
    title: t.title ?? t.key,
    dueDate: addDays(signedAt, t.dueDays),
    ...(owner ? { owner } : {}),
  }));
}
