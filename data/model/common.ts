import { z } from 'zod';
import { isIsoDate } from '../../shared/dates/local-date';

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

/**
 * Text a database can store: PostgreSQL (and so PGlite) refuses U+0000 in
 * text and jsonb, and a lone UTF-16 surrogate has no UTF-8 form at all. Such
 * text is refused with a message that names the problem, rather than failing
 * later in the database (a 500 the client would retry for ever).
 */
export function storableTextProblem(s: string): string | null {
  if (s.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (!s.isWellFormed()) return 'must not contain broken Unicode (a lone surrogate)';
  return null;
}
export const storable = <T extends z.ZodString>(schema: T): T =>
  schema.check((ctx) => {
    const problem = storableTextProblem(ctx.value);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  }) as T;

/** Free text a user or a CRM page supplies: bounded, trimmed, storable, never markup-interpreted. */
export const text = (max: number) => storable(z.string().trim().max(max));

export const IdSchema = storable(z.string().min(1).max(100));

export const MAX_CONFLICTS = 20;

/**
 * Two writes changed one field, each without having seen the other: the
 * record keeps the later-arriving value, and this keeps the other one.
 * `value` is absent when the displaced value was "no value" (a cleared field).
 */
export const ConflictSchema = z.object({
  field: z.string().min(1).max(100),
  value: z.unknown().optional(),
  /** Who wrote the displaced value, and when the server stored it. */
  by: text(200).optional(),
  at: TimestampSchema,
  /** Who wrote the value the record kept. */
  keptBy: text(200).optional(),
  /** The record version at which the two met. */
  version: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});
export type Conflict = z.infer<typeof ConflictSchema>;

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
  /** Who last changed it: the team server sets it on every write it accepts. */
  updatedBy: text(200).optional(),
  deleted: z.boolean().optional(),
  /** The server's count of this record's writes: what orders copies (never a device's clock). */
  version: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  /** Values the server displaced when two people changed the same field: shown until someone settles them. */
  conflicts: z.array(ConflictSchema).max(MAX_CONFLICTS).optional(),
});
