import { z } from 'zod';
import { AccountSchema, CrmRefSchema } from '../model/account';
import { TimestampSchema } from '../model/common';
import {
  ContractSchema, CtaSchema, ExpectationNoteSchema, HandoverSchema, HealthSnapshotSchema, MilestoneSchema, PromiseSchema,
  MonthlyReportSchema, RenewalOutcomeSchema, ServicePlanSchema, ServiceVisitSchema, WRITTEN_KINDS, type WrittenKind,
} from '../model/records';
import { API_ERROR_CODES } from './errors';

/**
 * The payloads of the team API (docs/api.md), validated on every response.
 * Every string has a bound, so an answer with a megabyte where a name belongs
 * is malformed rather than stored.
 */

/** Limits the client and the contract share. */
export const MAX_PAGE_LIMIT = 1000;
export const DEFAULT_PAGE_LIMIT = 500;
export const MAX_BODY_BYTES = 256 * 1024;
const MAX_BUNDLE_ITEMS = 10_000;

/**
 * An account as the server sends it. Timestamps are strict (the local schema
 * accepts any string), and the client's own bookkeeping (source, syncedAt) is
 * not the server's to say.
 */
export const ApiAccountSchema = AccountSchema.omit({ source: true, syncedAt: true }).extend({
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type ApiAccount = z.infer<typeof ApiAccountSchema>;

const list = <T extends z.ZodType>(item: T) => z.array(item).max(MAX_BUNDLE_ITEMS);

export const AccountBundleSchema = z.object({
  account: ApiAccountSchema,
  contracts: list(ContractSchema),
  snapshots: list(HealthSnapshotSchema),
  promises: list(PromiseSchema),
  notes: list(ExpectationNoteSchema),
  visits: list(ServiceVisitSchema),
  handovers: list(HandoverSchema),
  milestones: list(MilestoneSchema),
  ctas: list(CtaSchema),
  outcomes: list(RenewalOutcomeSchema),
  // Added with the CSM workflows: a server that predates them sends none.
  plans: list(ServicePlanSchema).default([]),
  reports: list(MonthlyReportSchema).default([]),
});
export type AccountBundle = z.infer<typeof AccountBundleSchema>;

/** One change of the feed: the kind names the table, the record is its full current version. */
export const ChangeItemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('accounts'), record: ApiAccountSchema }),
  z.object({ kind: z.literal('contracts'), record: ContractSchema }),
  z.object({ kind: z.literal('snapshots'), record: HealthSnapshotSchema }),
  z.object({ kind: z.literal('promises'), record: PromiseSchema }),
  z.object({ kind: z.literal('notes'), record: ExpectationNoteSchema }),
  z.object({ kind: z.literal('visits'), record: ServiceVisitSchema }),
  z.object({ kind: z.literal('handovers'), record: HandoverSchema }),
  z.object({ kind: z.literal('milestones'), record: MilestoneSchema }),
  z.object({ kind: z.literal('ctas'), record: CtaSchema }),
  z.object({ kind: z.literal('outcomes'), record: RenewalOutcomeSchema }),
  z.object({ kind: z.literal('plans'), record: ServicePlanSchema }),
  z.object({ kind: z.literal('reports'), record: MonthlyReportSchema }),
]);
export type ChangeItem = z.infer<typeof ChangeItemSchema>;

export const CursorSchema = z.string().min(1).max(1000);

export const ChangesPageSchema = z.object({
  items: z.array(ChangeItemSchema).max(MAX_PAGE_LIMIT),
  nextCursor: CursorSchema,
  hasMore: z.boolean(),
});
export type ChangesPage = z.infer<typeof ChangesPageSchema>;

/** The record of a kind, as stored locally and sent to the server. */
export type RecordOf<K extends WrittenKind> = z.infer<(typeof WRITTEN_KINDS)[K]>;
export type WrittenRecord = RecordOf<WrittenKind>;

/** The answer to PUT /v1/records/{kind}/{id}: the version the server stored. */
export const putResponseSchema = <K extends WrittenKind>(kind: K) => z.object({ record: WRITTEN_KINDS[kind] });

export const ErrorBodySchema = z.object({
  error: z.object({
    // Known codes are listed for the docs; an unknown one still parses, since the
    // status decides what the client does and servers may add codes.
    code: z.union([z.enum(API_ERROR_CODES), z.string().regex(/^[a-z][a-z0-9_]{0,63}$/)]),
    message: z.string().max(2000),
  }),
});

/** Query of GET /v1/accounts/lookup (recordId normalised by the client first). */
export const LookupQuerySchema = CrmRefSchema;

/** Query of GET /v1/changes. */
export const ChangesQuerySchema = z.object({
  since: CursorSchema.optional(),
  limit: z.number().int().min(1).max(MAX_PAGE_LIMIT).default(DEFAULT_PAGE_LIMIT),
});
