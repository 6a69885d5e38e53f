import { z } from 'zod';
import { isIsoDate } from '../dates/local-date';

export const IsoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'must be a calendar date written YYYY-MM-DD' });

/** An instant, as ISO 8601 text (what Date.toISOString writes). */
export const TimestampSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, 'must be an ISO timestamp');

export const BANDS = ['green', 'yellow', 'red'] as const;
export const BandSchema = z.enum(BANDS);
export type Band = z.infer<typeof BandSchema>;

export const SEGMENTS = ['enterprise', 'mid_market', 'smb', 'self_serve'] as const;
export const SegmentSchema = z.enum(SEGMENTS);
export type Segment = z.infer<typeof SegmentSchema>;

/** Free text a user or a CRM page supplies: bounded, trimmed, never markup-interpreted. */
export const text = (max: number) => z.string().trim().max(max);

export const IdSchema = z.string().min(1).max(100);

/**
 * Fields every record a user writes carries: who and when, and a tombstone so
 * a deletion syncs like any other change.
 */
export const WrittenSchema = z.object({
  id: IdSchema,
  accountId: IdSchema,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  author: text(200).optional(),
  deleted: z.boolean().optional(),
});
