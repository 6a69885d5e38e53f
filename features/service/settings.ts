import { z } from 'zod';
import { DEFAULT_INVOLVEMENT, isCurrencyCode, MAX_VALUE_LIMIT } from '../../shared/involvement-thresholds';
import type { Segment } from '../../data/model/common';
import { parseFieldByField } from '../../shared/fallback';

/**
 * How each segment is served (not every customer is equal: a few accounts carry most of the
 * revenue). monthly: the service day, its visit and the monthly report; quarterly: a quarterly
 * business review; automated: automated touches only, nothing a CSM is asked to do by hand.
 */
export const RHYTHMS = ['monthly', 'quarterly', 'automated'] as const;
export type Rhythm = (typeof RHYTHMS)[number];
export const DEFAULT_RHYTHMS: Record<Segment, Rhythm> = { enterprise: 'monthly', mid_market: 'monthly', smb: 'quarterly', self_serve: 'automated' };
const rhythm = z.enum(RHYTHMS);

/**
 * The monthly service visit's frame (domain brief, "Monthly service day"):
 * prepare; 30 minutes with the customer's business team; 30 minutes review
 * with the boss; after. The four sections are fixed, their items editable.
 * Default items carry no label: the UI words them in the user's language
 * (checklist.item.<id>); items a user writes keep the words they typed.
 */
export const CHECKLIST_SECTIONS = ['prepare', 'team', 'boss', 'after'] as const;
export type ChecklistSection = (typeof CHECKLIST_SECTIONS)[number];

export const ChecklistItemSchema = z.object({
  id: z.string().min(1).max(100),
  label: z.string().trim().min(1, 'an item needs words').max(200).optional(),
});
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

const items = z.array(ChecklistItemSchema).max(20, 'at most 20 items in a section');

export const DEFAULT_CHECKLIST: Record<ChecklistSection, ChecklistItem[]> = {
  prepare: [{ id: 'prepare.health' }, { id: 'prepare.requests' }, { id: 'prepare.promises' }],
  team: [{ id: 'team.team' }, { id: 'team.business' }, { id: 'team.issues' }],
  boss: [{ id: 'boss.month' }, { id: 'boss.expectations' }, { id: 'boss.next' }],
  after: [{ id: 'after.report' }, { id: 'after.bossSummary' }, { id: 'after.followUps' }],
};
const copyOf = (s: ChecklistSection) => DEFAULT_CHECKLIST[s].map((i) => ({ ...i }));

export const ServiceSettingsSchema = z.object({
  checklist: z
    .object({
      prepare: items.default(() => copyOf('prepare')),
      team: items.default(() => copyOf('team')),
      boss: items.default(() => copyOf('boss')),
      after: items.default(() => copyOf('after')),
    })
    .default(() => ({ prepare: copyOf('prepare'), team: copyOf('team'), boss: copyOf('boss'), after: copyOf('after') })),
  /**
   * Days after signing by which the short-term expectation reset must be
   * done: it belongs to the first service visit, and "must happen fast".
   * 30 days: one monthly service cycle.
   */
  resetWithinDays: z.number().int().min(1).max(180).default(30),
  /** Months between long-term value reviews with the boss: quarterly. */
  reviewEveryMonths: z.number().int().min(1).max(12).default(3),
  /** Each segment's service rhythm; an account with no segment is served monthly. */
  rhythms: z
    .object({
      enterprise: rhythm.default(DEFAULT_RHYTHMS.enterprise),
      mid_market: rhythm.default(DEFAULT_RHYTHMS.mid_market),
      smb: rhythm.default(DEFAULT_RHYTHMS.smb),
      self_serve: rhythm.default(DEFAULT_RHYTHMS.self_serve),
    })
    .default(() => ({ ...DEFAULT_RHYTHMS })),
  /** A new customer's first service day falls at least this many days after signing: no visit is "missed" in its first days. */
  firstVisitAfterDays: z.number().int().min(0).max(90).default(14),
  /** Days a visit's follow-up is given by default. */
  followUpDays: z.number().int().min(1).max(90).default(7),
  /**
   * A key person with no use of the product for this many days has gone quiet (features/people/quiet):
   * the Key people card marks them and a call to action is raised. Three weeks by default: long enough
   * for a holiday, short enough to act before the person is gone.
   */
  keyPersonQuietDays: z.number().int().min(7).max(120).default(21),
  /**
   * When CS joins the sale: below all three, after close; otherwise at ~70% (features/handover/involvement).
   * The value threshold is per currency (`valueLimits`); `maxValue` is the USD one, the single number
   * stored before the table, still written so that an older version reads the same USD threshold.
   */
  involvement: z
    .object({
      maxValue: z.number().positive().max(MAX_VALUE_LIMIT),
      valueLimits: z.record(z.string().refine(isCurrencyCode, 'an ISO 4217 currency code'), z.number().positive().max(MAX_VALUE_LIMIT)).optional(),
      maxCycleDays: z.number().int().min(1).max(3650),
      maxImplementationWeeks: z.number().int().min(1).max(520),
    })
    .default(() => ({ ...DEFAULT_INVOLVEMENT, valueLimits: { ...DEFAULT_INVOLVEMENT.valueLimits } })),
});
export type ServiceSettings = z.infer<typeof ServiceSettingsSchema>;

export const DEFAULT_SERVICE_SETTINGS: ServiceSettings = ServiceSettingsSchema.parse({});

/** Stored service settings, read field by field: one damaged value falls back on its default alone. */
export const validServiceSettings = (v: unknown): ServiceSettings => parseFieldByField(ServiceSettingsSchema, v, DEFAULT_SERVICE_SETTINGS);

/** Every checklist item in order, with its section. */
export function checklistItems(settings: ServiceSettings): { section: ChecklistSection; item: ChecklistItem }[] {
  return CHECKLIST_SECTIONS.flatMap((section) => settings.checklist[section].map((item) => ({ section, item })));
}

/** A stable id for an item a user typed, so a visit's ticks survive re-ordering the template. */
export function customItemId(label: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
  return `custom.${h.toString(16).padStart(8, '0')}`;
}

/** The rhythm an account is served on. */
export const rhythmOf = (settings: Pick<ServiceSettings, 'rhythms'>, segment: Segment | undefined): Rhythm =>
  segment ? (settings.rhythms?.[segment] ?? DEFAULT_RHYTHMS[segment]) : 'monthly';
