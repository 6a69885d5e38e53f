import { z } from 'zod';
import { CRM_IDS } from '../../crm/types';
import { BandSchema, IdSchema, IsoDateSchema, SegmentSchema, text } from './common';

export const CrmIdSchema = z.enum(CRM_IDS);

/** Where an account lives in a CRM. recordId is normalised as detection normalises it. */
export const CrmRefSchema = z.object({
  crm: CrmIdSchema,
  recordId: text(200).min(1),
  orgKey: text(200).min(1).optional(),
});
export type CrmRef = z.infer<typeof CrmRefSchema>;

/** The latest stored health reading; the scoring model comes from the health engine. */
export const HealthSummarySchema = z.object({
  score: z.number().min(0).max(100),
  band: BandSchema.optional(),
  asOf: IsoDateSchema,
});

export const AccountSchema = CrmRefSchema.extend({
  id: IdSchema,
  name: text(300).min(1),
  owner: text(200).optional(),
  csm: text(200).optional(),
  segment: SegmentSchema.optional(),
  arr: z.number().nonnegative().finite().optional(),
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  contractStart: IsoDateSchema.optional(),
  contractEnd: IsoDateSchema,
  signedAt: IsoDateSchema.optional(),
  autoRenew: z.boolean().optional(),
  health: HealthSummarySchema.optional(),
  /** Where the row came from: typed here, imported from a file, the team API, or the demo book. */
  source: z.enum(['local', 'import', 'api', 'demo']).optional(),
  /** When the team API last confirmed this row (cache age). */
  syncedAt: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Account = z.infer<typeof AccountSchema>;

/** What a user types to start tracking an account: a name and a contract end are enough. */
export const NewAccountInputSchema = z.object({
  name: text(300).min(1),
  contractEnd: IsoDateSchema,
});
export type NewAccountInput = z.infer<typeof NewAccountInputSchema>;
