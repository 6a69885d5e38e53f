// The records as the store keeps and hashes them.
import { createHash } from 'node:crypto';
import { ApiAccountSchema, type ApiAccount } from '../../../data/sync/schemas';

/** JSON with its object keys sorted: the same body in any key order hashes alike. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v);
}
export const hashOf = (v: unknown) => createHash('sha256').update(canonical(v)).digest('hex');

/** The account as the contract sends it: server-owned fields only, strict timestamps. */
export const asApiAccount = (data: Record<string, unknown>): ApiAccount => ApiAccountSchema.parse(data);
