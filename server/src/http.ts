import type { Context } from 'hono';
import type { z } from 'zod';
import type { Caller } from './auth';
import type { IngestCaller } from './ingest/keys';

/** What a request carries once authenticated: a person's token (caller) or a team's ingest key (ingest). */
export type Env = { Variables: { caller: Caller; ingest?: IngestCaller; requestId: string } };
export type Code =
  | 'unauthorized' | 'forbidden' | 'not_found' | 'idempotency_conflict' | 'payload_too_large' | 'validation_failed' | 'rate_limited' | 'internal'
  // Single sign-on (sso/routes.ts).
  | 'sso_off' | 'invalid_id_token' | 'email_not_verified' | 'domain_not_allowed' | 'session_ended' | 'provider_unavailable';

export const fail = (c: Context, status: 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 502, code: Code, message: string, extra: Record<string, unknown> = {}) =>
  c.json({ error: { code, message: message.slice(0, 2000), ...extra } }, status);

/** A schema failure in words: each problem with its field path (at most 5), never the value sent. */
export function issuesText(error: Pick<z.core.$ZodError, 'issues'>, root = 'body'): string {
  const issues = error.issues.slice(0, 5).map((i) => `${i.path.length ? i.path.join('.') : root}: ${i.message}`);
  return [...issues, ...(error.issues.length > 5 ? [`and ${error.issues.length - 5} more`] : [])].join('; ');
}

/** Parses JSON text, refusing the keys that could pollute prototypes anywhere in it. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    let bad = false;
    const value = JSON.parse(text, (k, v) => {
      if (k === '__proto__' || k === 'constructor' || k === 'prototype') bad = true;
      return v;
    });
    return bad ? { ok: false, message: 'body: keys __proto__, constructor and prototype are not accepted' } : { ok: true, value };
  } catch {
    return { ok: false, message: 'body: not valid JSON' };
  }
}

/** The body as `schema` wants it, or the 422 answer saying what is wrong. */
export async function bodyOf<S extends z.ZodType>(c: Context, schema: S): Promise<{ ok: true; value: z.infer<S> } | { ok: false; answer: Response }> {
  const body = parseJson(await c.req.text());
  if (!body.ok) return { ok: false, answer: fail(c, 422, 'validation_failed', body.message) };
  const parsed = schema.safeParse(body.value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, answer: fail(c, 422, 'validation_failed', issuesText(parsed.error)) };
}
