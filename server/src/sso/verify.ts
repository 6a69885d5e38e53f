import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { z } from 'zod';
import type { SsoConfig } from './config';

/**
 * Checks an ID token the extension got from the team's provider, with jose:
 * the signature against the provider's published keys (found through its
 * discovery document, cached and refetched when a token names a new key),
 * the issuer, the audience (and `azp` when there are several), expiry and
 * issue time (a minute of clock skew either way), and the nonce the
 * extension put in its authorization request. Then the e-mail: present,
 * verified by the provider, and in one of the team's domains.
 */
export interface VerifiedPerson {
  subject: string;
  email: string;
  name: string;
}

export type IdTokenCheck =
  | { ok: true; person: VerifiedPerson }
  | { ok: false; code: 'invalid_id_token' | 'email_not_verified' | 'domain_not_allowed'; message: string }
  | { ok: false; code: 'provider_unavailable'; message: string };

export interface IdTokenVerifier {
  /** Where the browser signs in: the provider's authorization endpoint, from its discovery document. */
  authorizationEndpoint(): Promise<string>;
  verify(idToken: string, nonce: string, now: Date): Promise<IdTokenCheck>;
  /**
   * Trades an authorization code (with its PKCE verifier) for the ID token at the provider's token
   * endpoint, so the browser needs no access to the provider beyond its sign-in page.
   */
  exchange(code: { code: string; codeVerifier: string; redirectUri: string }): Promise<{ ok: true; idToken: string } | { ok: false; code: 'invalid_id_token' | 'provider_unavailable'; message: string }>;
}

const DiscoverySchema = z.object({ issuer: z.string(), jwks_uri: z.string().url(), token_endpoint: z.string().url(), authorization_endpoint: z.string().url() });
const TokenAnswerSchema = z.object({ id_token: z.string().min(1).max(16_384) });
const ProviderErrorSchema = z.object({ error: z.string().max(200), error_description: z.string().max(500).optional() });
const CLOCK_SKEW_S = 60;
/** The extension trades an ID token as soon as it has it: an older one was kept somewhere. */
const MAX_AGE = '15m';
/** Algorithms an OpenID provider signs ID tokens with; "none" and symmetric ones are never accepted. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

export function idTokenVerifier(config: SsoConfig, fetchImpl: typeof fetch = (i, init) => globalThis.fetch(i, init)): IdTokenVerifier {
  let found: Promise<{ jwks: ReturnType<typeof createRemoteJWKSet>; tokenEndpoint: string; authorizationEndpoint: string }> | undefined;
  const discovered = () => {
    found ??= discover().catch((err: unknown) => {
      found = undefined; // asked again on the next sign-in
      throw err;
    });
    return found;
  };
  const discover = async () => {
    const res = await fetchImpl(`${config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, { redirect: 'error', signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`the provider's discovery document answered ${res.status}`);
    const doc = DiscoverySchema.safeParse(await res.json());
    if (!doc.success) throw new Error("the provider's discovery document has no usable jwks_uri");
    if (doc.data.issuer !== config.issuer) throw new Error(`the provider calls itself "${doc.data.issuer.slice(0, 200)}", not LENS_OIDC_ISSUER`);
    return { jwks: createRemoteJWKSet(new URL(doc.data.jwks_uri), { timeoutDuration: 10_000, cooldownDuration: 30_000 }), tokenEndpoint: doc.data.token_endpoint, authorizationEndpoint: doc.data.authorization_endpoint };
  };

  return {
    authorizationEndpoint: async () => (await discovered()).authorizationEndpoint,

    async verify(idToken, nonce, now) {
      try {
        const { jwks } = await discovered();
        const { payload } = await jwtVerify(idToken, jwks, {
          issuer: config.issuer, audience: config.clientId, algorithms: ALGORITHMS,
          currentDate: now, clockTolerance: CLOCK_SKEW_S, maxTokenAge: MAX_AGE, requiredClaims: ['sub', 'exp', 'iat'],
        });
        // An ID token is traded for a session the moment it arrives: one issued ahead of this clock is not believed.
        if (typeof payload.iat !== 'number' || payload.iat > now.getTime() / 1000 + CLOCK_SKEW_S) {
          return { ok: false, code: 'invalid_id_token', message: 'the ID token was refused: its "iat" claim is later than now' };
        }
        return personOf(payload, nonce, config);
      } catch (err) {
        if (err instanceof errors.JOSEError) {
          const unreachable = err instanceof errors.JWKSTimeout || err.code === 'ERR_JWKS_INVALID';
          return unreachable
            ? { ok: false, code: 'provider_unavailable', message: "the provider's keys could not be read; try again" }
            : { ok: false, code: 'invalid_id_token', message: `the ID token was refused: ${reasonOf(err)}` };
        }
        return providerUnreachable(err);
      }
    },

    async exchange({ code, codeVerifier, redirectUri }) {
      let res: Response;
      try {
        const { tokenEndpoint } = await discovered();
        res = await fetchImpl(tokenEndpoint, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
          body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: config.clientId, code_verifier: codeVerifier }).toString(),
          redirect: 'error',
          signal: AbortSignal.timeout(10_000),
        });
      } catch (err) {
        return providerUnreachable(err);
      }
      const json: unknown = await res.json().catch(() => undefined);
      const answer = TokenAnswerSchema.safeParse(json);
      if (res.ok && answer.success) return { ok: true, idToken: answer.data.id_token };
      if (res.status >= 500) return { ok: false, code: 'provider_unavailable', message: `the provider's token endpoint answered ${res.status}; try again` };
      const refused = ProviderErrorSchema.safeParse(json);
      // The provider's own words (an expired or reused code, a wrong verifier), never the code itself.
      const why = refused.success ? `${refused.data.error}${refused.data.error_description ? `: ${refused.data.error_description}` : ''}` : `it answered ${res.status} without an ID token`;
      return { ok: false, code: 'invalid_id_token', message: `the provider did not accept the sign-in: ${why}` };
    },
  };
}

const providerUnreachable = (err: unknown) => ({
  ok: false as const, code: 'provider_unavailable' as const, message: `the provider could not be reached: ${err instanceof Error ? err.message.slice(0, 300) : 'unknown error'}`,
});

function reasonOf(err: InstanceType<typeof errors.JOSEError>): string {
  if (err instanceof errors.JWTExpired) return err.claim === 'iat' ? 'its "iat" claim says it was issued more than 15 minutes ago' : 'it has expired';
  if (err instanceof errors.JWTClaimValidationFailed) return `its "${err.claim}" claim is not what this server expects`;
  if (err instanceof errors.JWSSignatureVerificationFailed || err instanceof errors.JWKSNoMatchingKey) return "its signature does not match the provider's keys";
  if (err instanceof errors.JOSEAlgNotAllowed) return 'it is signed with an algorithm this server does not accept';
  return 'it is not a valid signed token';
}

function personOf(payload: JWTPayload, nonce: string, config: SsoConfig): IdTokenCheck {
  // With several audiences the token must say it was issued to this client.
  if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== config.clientId) {
    return { ok: false, code: 'invalid_id_token', message: 'the ID token was refused: it was issued to another client (azp)' };
  }
  if (typeof payload.nonce !== 'string' || payload.nonce !== nonce) {
    return { ok: false, code: 'invalid_id_token', message: 'the ID token was refused: its nonce is not the one this sign-in asked for' };
  }
  const email = typeof payload.email === 'string' ? payload.email.trim().toLowerCase() : '';
  if (!/^[^\s@]{1,64}@[^\s@]{1,253}$/.test(email)) {
    return { ok: false, code: 'email_not_verified', message: 'the provider sent no e-mail address; ask for the "email" scope' };
  }
  if (config.requireVerifiedEmail && payload.email_verified !== true) {
    return { ok: false, code: 'email_not_verified', message: `the provider has not verified ${email}` };
  }
  const domain = email.slice(email.lastIndexOf('@') + 1);
  if (!config.domains.includes(domain)) {
    return { ok: false, code: 'domain_not_allowed', message: `${domain} is not one of the domains that may sign in to this team` };
  }
  const name = typeof payload.name === 'string' && payload.name.trim() ? payload.name.trim().slice(0, 200) : email;
  return { ok: true, person: { subject: `${config.issuer} ${String(payload.sub)}`, email, name } };
}
