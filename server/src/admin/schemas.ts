import { z } from 'zod';
import { ROLES } from '../auth';

/** What the admin API accepts (docs/api.md, Admin). Answers are built from the database, never from these. */

/** Ids as this server mints them: user ids `u_…`, token and key ids of 12 URL-safe characters. */
export const UserIdSchema = z.string().regex(/^u_[A-Za-z0-9_-]{12}$/, 'not a person id this server gave');
export const TokenIdSchema = z.string().regex(/^[A-Za-z0-9_-]{12}$/, 'not a token or key id this server gave');

export const RoleBodySchema = z.strictObject({ role: z.enum(ROLES) });

const name = z.string().trim().min(1).max(100).refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must have no control characters');

export const TokenCreateSchema = z.strictObject({
  user: name,
  role: z.enum(ROLES),
  /** Days until it expires; without it, it does not expire. */
  days: z.number().int().min(1).max(3650).optional(),
});

export const IngestKeyCreateSchema = z.strictObject({ name });

export const AUDIT_MAX = 200;

export const AuditQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(AUDIT_MAX).default(50),
  cursor: z.string().regex(/^h[1-9][0-9]{0,14}$/, 'not a cursor this server gave').optional(),
});
