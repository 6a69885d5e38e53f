import { z } from 'zod';
import { isIsoDate } from '../dates/local-date';

export const IsoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'must be a calendar date written YYYY-MM-DD' });

export const BANDS = ['green', 'yellow', 'red'] as const;
export const BandSchema = z.enum(BANDS);
export type Band = z.infer<typeof BandSchema>;

export const SEGMENTS = ['enterprise', 'mid_market', 'smb', 'self_serve'] as const;
export const SegmentSchema = z.enum(SEGMENTS);
export type Segment = z.infer<typeof SegmentSchema>;

/** Free text a user or a CRM page supplies: bounded, trimmed, never markup-interpreted. */
export const text = (max: number) => z.string().trim().max(max);
