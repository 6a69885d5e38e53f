import { z } from 'zod';
import { BandSchema, IdSchema, IsoDateSchema, text, TimestampSchema, WrittenSchema } from './common';
import { HandoverSchema } from './handover';

/** A month of the calendar, written YYYY-MM. */
export const YearMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM');
export const REPORT_LANGUAGES = ['zh-CN', 'en'] as const;
export const ReportLanguageSchema = z.enum(REPORT_LANGUAGES);
export type ReportLanguage = z.infer<typeof ReportLanguageSchema>;

/**
 * A contract term of an account: the current one, and earlier ones after
 * renewals (data/model/terms.ts reads them as the account's term history).
 * `planDone`: the 90-day renewal plan's steps ticked off for this term, by
 * step id, with the day each was done. `paidAt`: the day the account was
 * marked paid for this term (absent: not marked); on a team server, marking
 * it is an occasion for the CSM's automated welcome (docs/channels.md).
 */
export const ContractSchema = WrittenSchema.extend({
  start: IsoDateSchema.optional(),
  end: IsoDateSchema,
  value: z.number().nonnegative().finite().optional(),
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  autoRenew: z.boolean().optional(),
  planDone: z.record(z.string().min(1).max(60), IsoDateSchema).optional(),
  paidAt: IsoDateSchema.optional(),
});
export type Contract = z.infer<typeof ContractSchema>;

// The health readings: data/model/health-readings.ts.
export * from './health-readings';
import { HealthSnapshotSchema } from './health-readings';

/**
 * Whether a promise can be delivered, as the CSM judges it. A promise made in
 * the sale starts 'unassessed' until the CSM judges it; a record
 * written before that value existed keeps its own, and one with none reads
 * as 'unassessed'.
 */
export const PROMISE_DELIVERABLE = ['unassessed', 'yes', 'partly', 'no'] as const;
export type PromiseDeliverable = (typeof PROMISE_DELIVERABLE)[number];

/** A promise made during the sale: it follows the account to renewal. */
export const PromiseSchema = WrittenSchema.extend({
  text: text(2000).min(1),
  promisedBy: text(200).optional(),
  promisedAt: IsoDateSchema.optional(),
  deliverable: z.enum(PROMISE_DELIVERABLE).default('unassessed'),
  dueDate: IsoDateSchema.optional(),
  status: z.enum(['open', 'kept', 'reset', 'broken']),
  notes: text(4000).optional(),
});
export type PromiseRecord = z.infer<typeof PromiseSchema>;

export const ExpectationNoteSchema = WrittenSchema.extend({
  kind: z.enum(['short_term_reset', 'long_term_value']),
  audience: z.enum(['boss', 'business_team']),
  text: text(4000).min(1),
  dueDate: IsoDateSchema.optional(),
  doneAt: IsoDateSchema.optional(),
});
export type ExpectationNote = z.infer<typeof ExpectationNoteSchema>;

export const SentimentSchema = z.object({
  band: BandSchema,
  reason: text(200).regex(/^[^\r\n]*$/, 'the reason is one line').optional(),
});
export type Sentiment = z.infer<typeof SentimentSchema>;

export const ServiceVisitSchema = WrittenSchema.extend({
  date: IsoDateSchema,
  durationMin: z.number().int().min(0).max(24 * 60),
  attendees: z.array(text(200)).max(100),
  bossMet: z.boolean(),
  checklistDone: z.array(text(200)).max(100),
  notes: text(10_000).optional(),
  followUps: z.array(z.object({ text: text(1000).min(1), dueDate: IsoDateSchema })).max(50),
  /** The CSM's read of the account after the visit, with a one-line reason: a health dimension. */
  sentiment: SentimentSchema.optional(),
});
export type ServiceVisit = z.infer<typeof ServiceVisitSchema>;

/** Sales' handover and the account's key people: data/model/handover.ts. */
export { HandoverSchema, PersonSchema, STANCES, handoverId, type Handover, type Person, type Stance } from './handover';

/**
 * When the monthly service day falls: the nth (or last, n = -1) weekday of
 * the month, or a fixed day of the month (the month's last day when it is
 * shorter), moved to the previous working day when it falls on a weekend.
 * Weekdays count from Sunday = 0, as Date.getDay does.
 */
export const ServiceDayRuleSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('nth_weekday'),
    n: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)]),
    weekday: z.number().int().min(0).max(6),
  }),
  z.object({ kind: z.literal('day_of_month'), day: z.number().int().min(1).max(31) }),
]);
export type ServiceDayRule = z.infer<typeof ServiceDayRuleSchema>;
export const DEFAULT_SERVICE_DAY: ServiceDayRule = { kind: 'nth_weekday', n: -1, weekday: 5 };

/**
 * The CSM's own read of the band, set by hand over the computed one until a
 * date (features/health/override.ts); always shown as an override.
 */
export const BandOverrideSchema = z.object({
  band: BandSchema,
  reason: text(300).min(1),
  until: IsoDateSchema,
  setOn: IsoDateSchema,
  by: text(200).optional(),
});
export type BandOverride = z.infer<typeof BandOverrideSchema>;

/** How an account is served: its service-day rule, the language of its reports, who gets them. */
export const ServicePlanSchema = WrittenSchema.extend({
  serviceDay: ServiceDayRuleSchema,
  language: ReportLanguageSchema,
  bossName: text(200).optional(),
  bossEmail: z.string().trim().max(300).email().optional(),
  bandOverride: BandOverrideSchema.optional(),
  /** Which sections of the monthly report are on, by section key (features/service/report/sections.ts); absent: the defaults. */
  reportSections: z.record(z.string().regex(/^[a-z][A-Za-z]{0,39}$/), z.boolean()).optional(),
});
export type ServicePlan = z.infer<typeof ServicePlanSchema>;

/** A monthly service report, recorded when it was sent to the customer. */
export const MonthlyReportSchema = WrittenSchema.extend({
  month: YearMonthSchema,
  language: ReportLanguageSchema,
  sentAt: IsoDateSchema,
  to: text(300).optional(),
  /** The text as sent, after the CSM's edits; `edited`: it differs from the generated draft. */
  body: text(100_000).optional(),
  edited: z.boolean().optional(),
});
export type MonthlyReport = z.infer<typeof MonthlyReportSchema>;

export const MilestoneSchema = WrittenSchema.extend({
  key: text(100).min(1),
  title: text(300).min(1),
  dueDate: IsoDateSchema,
  doneAt: IsoDateSchema.optional(),
  owner: text(200).optional(),
});
export type Milestone = z.infer<typeof MilestoneSchema>;

export const CTA_SOURCES = ['health', 'renewal', 'onboarding', 'service', 'expectations', 'manual', 'people'] as const;

/** A call to action. `cause` identifies what raised it, so re-evaluation never duplicates it. */
export const CtaSchema = WrittenSchema.extend({
  source: z.enum(CTA_SOURCES),
  cause: text(300).min(1),
  title: text(500).min(1),
  owner: text(200).optional(),
  dueDate: IsoDateSchema,
  status: z.enum(['open', 'snoozed', 'closed']),
  snoozedUntil: IsoDateSchema.optional(),
  closedNote: text(2000).optional(),
  /** The close reason of the rule that closed it (a rule's closedNotes key); absent when a person closed it. */
  closedBy: z.string().min(1).max(60).optional(),
  needsOtherTeam: z.boolean().optional(),
});
export type Cta = z.infer<typeof CtaSchema>;

/**
 * What the customer said (symptoms) and what we could have done (root causes),
 * as the practice names them. Values are only ever added: older records keep
 * theirs ('budget', 'changed_needs', 'market_change' stay valid).
 */
export const CHURN_SYMPTOMS = ['price', 'competitor', 'champion_left', 'merger', 'sales_expectation', 'contract_ended', 'budget', 'other'] as const;
export const CHURN_ROOT_CAUSES = [
  'wrong_customer', 'needs_not_met', 'poor_onboarding', 'low_early_use', 'executives_not_engaged', 'wrong_contact',
  'business_shrinking', 'poor_quality', 'over_promising', 'poor_service', 'changed_needs', 'market_change', 'other',
] as const;
export type ChurnRootCause = (typeof CHURN_ROOT_CAUSES)[number];

export const RenewalOutcomeSchema = WrittenSchema.extend({
  kind: z.enum(['renewed', 'churned', 'will_not_renew']),
  date: IsoDateSchema,
  /** The contract term this outcome is about (absent on outcomes recorded before terms: see termOfOutcome). */
  termId: IdSchema.optional(),
  previousArr: z.number().min(0).optional(),
  newArr: z.number().min(0).optional(),
  /** The currency of previousArr and newArr; absent: the account's currency. */
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter currency code such as USD').optional(),
  symptom: z.enum(CHURN_SYMPTOMS).optional(),
  rootCause: z.enum(CHURN_ROOT_CAUSES).optional(),
  notes: text(4000).optional(),
});
export type RenewalOutcome = z.infer<typeof RenewalOutcomeSchema>;

/** The user-written record kinds, by table name: what the outbox delivers and sync merges by id. */
export const WRITTEN_KINDS = {
  contracts: ContractSchema,
  snapshots: HealthSnapshotSchema,
  promises: PromiseSchema,
  notes: ExpectationNoteSchema,
  visits: ServiceVisitSchema,
  handovers: HandoverSchema,
  milestones: MilestoneSchema,
  ctas: CtaSchema,
  outcomes: RenewalOutcomeSchema,
  plans: ServicePlanSchema,
  reports: MonthlyReportSchema,
} as const;
export type WrittenKind = keyof typeof WRITTEN_KINDS;
export const WrittenKindSchema = z.enum(Object.keys(WRITTEN_KINDS) as [WrittenKind, ...WrittenKind[]]);

/** A write waiting in the outbox, delivered at least once; the key makes delivery idempotent. */
export const OutboxEntrySchema = z.object({
  seq: z.number().int().optional(),
  key: IdSchema,
  kind: WrittenKindSchema,
  recordId: IdSchema,
  record: z.unknown(),
  createdAt: TimestampSchema,
  attempts: z.number().int().min(0),
  nextAttemptAt: z.number(),
  lastError: z.string().optional(),
  /**
   * The fields this write changes, each with the record version its edit
   * started from. Absent on entries queued before versions: sent whole, as then.
   */
  fields: z.record(z.string(), z.number().int().min(0)).optional(),
  /** For list fields merged element by element (the key people), the value the edit started from. */
  bases: z.record(z.string(), z.unknown()).optional(),
  /** Fields whose conflicts the user settled with this write. */
  resolved: z.array(z.string()).optional(),
  /** Set before the first send: the server may hold this body, so it is never changed again. */
  sent: z.boolean().optional(),
});
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;
