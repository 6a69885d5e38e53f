import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { Sql } from '../db';
import { bodyOf, fail, type Env } from '../http';
import type { FailureLimiter } from '../limiter';
import type { SsoConfig } from './config';
import { endSession, provision, refreshSession, sessionOf, startSession } from './sessions';
import type { IdTokenVerifier } from './verify';

const Nonce = z.string().min(16).max(256);
/**
 * Where the provider sends the browser back: the extension's own address (Chrome's chromiumapp.org,
 * Firefox's allizom.org), which the provider checks against the client's registration too.
 */
const RedirectUri = z.string().regex(/^https:\/\/[a-z0-9-]{1,64}\.(chromiumapp\.org|extensions\.allizom\.org)\/[A-Za-z0-9/_-]{0,64}$/, 'must be the extension\'s redirect address');
const SessionBody = z.union([
  // The browser's authorization code, traded here with its PKCE verifier (what the extension sends).
  z.object({ code: z.string().min(1).max(4096), codeVerifier: z.string().regex(/^[A-Za-z0-9._~-]{43,128}$/), redirectUri: RedirectUri, nonce: Nonce }),
  // An ID token the caller got from the provider itself (scripts, other clients).
  z.object({ idToken: z.string().min(1).max(16_384), nonce: Nonce }),
]);
const RefreshBody = z.object({ refreshToken: z.string().min(1).max(200) });

export interface SsoRouteOptions {
  sql: Sql;
  now: () => Date;
  config: SsoConfig | undefined;
  verifier: IdTokenVerifier | undefined;
  limiter: FailureLimiter;
  addressOf: (c: Context) => string;
}

/**
 * Single sign-on (docs/sso.md): the extension asks for the provider's
 * settings, signs in there with PKCE, and trades the ID token for a session
 * here. These routes take no bearer token; failed attempts count against the
 * caller's address like failed tokens do.
 */
export function ssoRoutes(app: Hono<Env>, { sql, now, config, verifier, limiter, addressOf }: SsoRouteOptions): void {
  const limited = bodyLimit({ maxSize: 32 * 1024, onError: (c) => fail(c, 413, 'payload_too_large', 'a sign-in body is at most 32 KB') });

  app.use('/sso/*', async (c, next) => {
    if (!config || !verifier) return fail(c, 404, 'sso_off', 'this server has no single sign-on; sign in with a token');
    const waitMs = limiter.blockedFor(addressOf(c), now().getTime());
    if (waitMs > 0) {
      c.header('Retry-After', String(Math.ceil(waitMs / 1000)));
      return fail(c, 429, 'rate_limited', 'too many failed sign-ins from this address; try again later');
    }
    await next();
    // Every refused sign-in, refresh or sign-out counts; a provider that cannot be reached does not.
    if (c.res.status === 401 || c.res.status === 403) limiter.fail(addressOf(c), now().getTime());
  });

  // The extension needs nothing from the provider but its sign-in page: no access to the provider's origin.
  app.get('/sso/config', async (c) => {
    const authorizationEndpoint = await verifier!.authorizationEndpoint().catch(() => undefined);
    if (!authorizationEndpoint) return fail(c, 502, 'provider_unavailable', "the provider's discovery document could not be read; try again");
    return c.json({ issuer: config!.issuer, clientId: config!.clientId, scopes: config!.scopes, authorizationEndpoint });
  });


  app.post('/sso/session', limited, async (c) => {
    const parsed = await bodyOf(c, SessionBody);
    if (!parsed.ok) return parsed.answer;
    const b = parsed.value;
    let idToken: string;
    if ('code' in b) {
      const traded = await verifier!.exchange(b);
      if (!traded.ok) return fail(c, traded.code === 'provider_unavailable' ? 502 : 401, traded.code, traded.message);
      idToken = traded.idToken;
    } else idToken = b.idToken;
    const checked = await verifier!.verify(idToken, b.nonce, now());
    if (!checked.ok) {
      const status = checked.code === 'provider_unavailable' ? 502 : checked.code === 'invalid_id_token' ? 401 : 403;
      return fail(c, status, checked.code, checked.message);
    }
    const user = await provision(sql, config!, checked.person);
    return c.json(await startSession(sql, config!, user, now()));
  });

  app.post('/sso/refresh', limited, async (c) => {
    const parsed = await bodyOf(c, RefreshBody);
    if (!parsed.ok) return parsed.answer;
    const b = parsed.value;
    const issued = await refreshSession(sql, config!, b.refreshToken, now());
    return issued ? c.json(issued) : fail(c, 401, 'session_ended', 'the session has ended; sign in again');
  });

  app.post('/sso/signout', limited, async (c) => {
    const parsed = await bodyOf(c, RefreshBody);
    if (!parsed.ok) return parsed.answer;
    const b = parsed.value;
    const id = await sessionOf(sql, b.refreshToken);
    if (id) await endSession(sql, id);
    // Signing out of a session that already ended is no failure: the browser forgets it either way.
    return c.body(null, 204);
  });
}
