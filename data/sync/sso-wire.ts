import { z } from 'zod';
import { parseUntrustedJson, readBodyCapped } from './json';
import { SsoSessionSchema } from './settings';

/**
 * What single sign-on exchanges with the team server (/sso/*), each answer read with a size
 * cap and validated before use. Errors carry a stable code the options page
 * words in the person's language; their messages never hold a token, a code
 * or a verifier.
 */
export const SSO_ERROR_CODES = [
  'sso_off', 'bad_config', 'bad_provider', 'no_permission', 'cancelled', 'state_mismatch', 'provider_refused',
  'invalid_id_token', 'domain_not_allowed', 'email_not_verified', 'session_ended', 'offline', 'server',
] as const;
export type SsoErrorCode = (typeof SSO_ERROR_CODES)[number];

export class SsoError extends Error {
  override readonly name = 'SsoError';
  constructor(readonly code: SsoErrorCode, message: string) {
    super(message);
  }
}

/** https, or http for a provider on this machine (as the team server's own address). */
const ProviderUrl = z.url({ protocol: /^https?$/ }).max(2000).refine((u) => u.startsWith('https:') || /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])[:/]/.test(u), 'must be https');

/** What the team server says about its provider; it reads the discovery document and trades the code itself. */
export const SsoConfigSchema = z.object({
  issuer: ProviderUrl,
  clientId: z.string().min(1).max(500),
  scopes: z.string().min(1).max(1000),
  authorizationEndpoint: ProviderUrl,
});
export type SsoConfig = z.output<typeof SsoConfigSchema>;

export const SessionAnswerSchema = z.object({
  accessToken: z.string().min(1).max(4096).regex(/^[\x21-\x7e]+$/),
  refreshToken: SsoSessionSchema.shape.refreshToken,
  expiresAt: SsoSessionSchema.shape.expiresAt,
  user: SsoSessionSchema.shape.user,
});
export type SessionAnswer = z.output<typeof SessionAnswerSchema>;

const ServerErrorSchema = z.object({ error: z.object({ code: z.string().max(100) }) });

const MAX_ANSWER_BYTES = 256 * 1024;

/** What a request answered: its status and its JSON (undefined when the body was empty or not JSON). */
export interface Answer {
  status: number;
  data: unknown;
}

/** One request without cookies or redirects; a failure to get any answer is `offline`. */
export async function send(doFetch: typeof fetch, url: string, init: RequestInit = {}): Promise<Answer> {
  try {
    const res = await doFetch(url, {
      ...init,
      headers: { Accept: 'application/json', ...init.headers },
      redirect: 'manual',
      credentials: 'omit',
      signal: AbortSignal.timeout(15_000),
    });
    const text = await readBodyCapped(res, MAX_ANSWER_BYTES);
    let data: unknown;
    try {
      data = text ? parseUntrustedJson(text) : undefined;
    } catch {
      data = undefined;
    }
    return { status: res.status, data };
  } catch {
    throw new SsoError('offline', `Could not reach ${new URL(url).host}.`);
  }
}

/** A JSON POST to the team server's /sso endpoints. */
export const postJson = (doFetch: typeof fetch, url: string, body: unknown) =>
  send(doFetch, url, { method: 'POST', headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) });

/** The team server's stable error code, when its answer has one. */
export function serverCode(answer: Answer): string | undefined {
  const parsed = ServerErrorSchema.safeParse(answer.data);
  return parsed.success ? parsed.data.error.code : undefined;
}

/** The server's answer to /sso/session or /sso/refresh, or the error it means. */
export function sessionFrom(answer: Answer): SessionAnswer {
  if (answer.status === 200) {
    const parsed = SessionAnswerSchema.safeParse(answer.data);
    if (parsed.success) return parsed.data;
    throw new SsoError('server', 'The team server sent an invalid sign-in answer.');
  }
  const code = serverCode(answer);
  if (code === 'invalid_id_token') throw new SsoError('invalid_id_token', 'The team server did not accept the sign-in from the identity provider.');
  if (code === 'domain_not_allowed') throw new SsoError('domain_not_allowed', "The team server does not accept accounts of this email domain.");
  if (code === 'email_not_verified') throw new SsoError('email_not_verified', 'The identity provider has not verified this email address.');
  if (code === 'session_ended' || answer.status === 401) throw new SsoError('session_ended', 'Signed out: sign in again.');
  if (code === 'provider_unavailable') throw new SsoError('bad_provider', 'The team server could not reach the identity provider; try again.');
  throw new SsoError('server', `The team server answered ${answer.status} to the sign-in.`);
}
