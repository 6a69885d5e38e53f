import { z } from 'zod';
import type { LensDB } from '../db/db';
import { text } from '../model/common';
import { allowed, ROLES, type Action, type MatrixKind } from './permissions';

/** Who the token stands for (GET /v1/me): the panel offers only what this role may do. */
export const IdentitySchema = z.object({ user: text(200), role: z.enum(ROLES), team: text(200) });
export type Identity = z.infer<typeof IdentitySchema>;

const KEY = 'api:identity';

/** The identity last confirmed by the server, or undefined (never asked, or a server without /v1/me). */
export async function readIdentity(db: LensDB): Promise<Identity | undefined> {
  const parsed = IdentitySchema.safeParse((await db.meta.get(KEY))?.value);
  return parsed.success ? parsed.data : undefined;
}

/** Asks the server who the token stands for and keeps the answer; a failure keeps what was known. */
export async function refreshIdentity(db: LensDB, me: () => Promise<Identity>): Promise<Identity | undefined> {
  try {
    const identity = await me();
    await db.meta.put({ key: KEY, value: identity });
    return identity;
  } catch {
    return readIdentity(db);
  }
}

/**
 * Whether the panel should offer an action. Without a known identity (no
 * team server, or one that predates /v1/me) everything is offered, as
 * before: the server still decides, and a refusal is shown with its reason.
 */
export function mayOffer(identity: Identity | undefined, kind: MatrixKind, action: Action): boolean {
  return identity === undefined || allowed(identity.role, kind, action);
}
