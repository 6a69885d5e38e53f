import type { LensDB } from '../db/db';
import { META, type LastSync } from './meta';
import { dataSourceItem, readDataSource, type ApiSource, type DataSource } from './settings';
import { postJson, send, sessionFrom, SsoConfigSchema, SsoError, serverCode, type SessionAnswer, type SsoConfig } from './sso-wire';

export { SsoError, type SsoErrorCode } from './sso-wire';

/**
 * Single sign-on with the team's identity provider (OpenID Connect, the
 * authorization code flow with PKCE). The team server says which provider
 * and client to use (/sso/config); the browser shows the provider's sign-in
 * page (chrome.identity.launchWebAuthFlow); the code it comes back with, and
 * the PKCE verifier only this browser knows, go to the team server, which
 * trades them at the provider and answers an ordinary team access token and
 * a refresh token that rotates on every use. The extension never calls the
 * provider itself. Every browser API comes in as a parameter.
 */

/** The parts of chrome.identity the flow uses. */
export interface SsoIdentity {
  getRedirectURL(path?: string): string;
  launchWebAuthFlow(details: { url: string; interactive: boolean }): Promise<string | undefined>;
}

export interface SignInDeps {
  identity: SsoIdentity;
  fetch?: typeof fetch;
  crypto?: Pick<Crypto, 'getRandomValues' | 'subtle'>;
}

/** How long before its end an access token is renewed. */
export const REFRESH_MARGIN_MS = 60_000;

const defaultFetch: typeof fetch = (input, init) => globalThis.fetch(input, init);

export function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const randomText = (crypto: Pick<Crypto, 'getRandomValues'>, bytes: number) => base64url(crypto.getRandomValues(new Uint8Array(bytes)));

/** A PKCE verifier (86 base64url characters, within RFC 7636's 43–128) and its S256 challenge. */
export async function pkcePair(crypto: Pick<Crypto, 'getRandomValues' | 'subtle'>): Promise<{ verifier: string; challenge: string }> {
  const verifier = randomText(crypto, 64);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return { verifier, challenge: base64url(new Uint8Array(digest)) };
}

/** The team server's single sign-on settings; `sso_off` when it has none. */
export async function fetchSsoConfig(baseUrl: string, doFetch: typeof fetch = defaultFetch): Promise<SsoConfig> {
  const answer = await send(doFetch, `${baseUrl}/sso/config`);
  if (answer.status === 404 && serverCode(answer) === 'sso_off') throw new SsoError('sso_off', 'Single sign-on is not configured on this team server.');
  const parsed = SsoConfigSchema.safeParse(answer.data);
  if (answer.status !== 200 || !parsed.success) throw new SsoError('bad_config', `The team server's single sign-on settings could not be read (${answer.status}).`);
  return parsed.data;
}

/** The authorization code from the provider's redirect, once its state is the one sent. */
export function codeFromRedirect(returned: string, redirectUri: string, state: string): string {
  let url: URL;
  try {
    url = new URL(returned);
  } catch {
    throw new SsoError('state_mismatch', 'The sign-in came back to an unexpected address.');
  }
  if (`${url.origin}${url.pathname}` !== redirectUri) throw new SsoError('state_mismatch', 'The sign-in came back to an unexpected address.');
  const params = url.searchParams.has('state') || url.searchParams.has('error') ? url.searchParams : new URLSearchParams(url.hash.slice(1));
  if (params.get('state') !== state) throw new SsoError('state_mismatch', 'The sign-in answer does not belong to this sign-in, so it was refused.');
  const error = params.get('error');
  if (error) {
    const description = (params.get('error_description') ?? '').replace(/[^\x20-\x7e\u00a0-\uffff]/g, '').slice(0, 300);
    throw new SsoError('provider_refused', `The identity provider refused the sign-in (${error.slice(0, 100)})${description ? `: ${description}` : '.'}`);
  }
  const code = params.get('code');
  if (!code) throw new SsoError('provider_refused', 'The identity provider sent no authorization code.');
  return code;
}

/** What launchWebAuthFlow's refusal means: the person closed the window, or the page could not be shown. */
function flowError(err: unknown): SsoError {
  const text = err instanceof Error ? err.message : String(err);
  if (/did not approve|cancel|closed/i.test(text)) return new SsoError('cancelled', 'The sign-in was cancelled.');
  return new SsoError('bad_provider', 'The identity provider’s sign-in page could not be shown.');
}

/** Signs in through the provider and returns the data source to store (it is not stored here). */
export async function signIn(baseUrl: string, maxAgeMinutes: number, deps: SignInDeps): Promise<ApiSource> {
  const doFetch = deps.fetch ?? defaultFetch;
  const crypto = deps.crypto ?? globalThis.crypto;
  const config = await fetchSsoConfig(baseUrl, doFetch);
  const { verifier, challenge } = await pkcePair(crypto);
  const state = randomText(crypto, 32);
  const nonce = randomText(crypto, 32);
  const redirectUri = deps.identity.getRedirectURL('oidc');
  const auth = new URL(config.authorizationEndpoint);
  for (const [k, v] of Object.entries({
    response_type: 'code', client_id: config.clientId, redirect_uri: redirectUri, scope: config.scopes,
    state, nonce, code_challenge: challenge, code_challenge_method: 'S256',
  })) auth.searchParams.set(k, v);
  let returned: string | undefined;
  try {
    returned = await deps.identity.launchWebAuthFlow({ url: auth.toString(), interactive: true });
  } catch (err) {
    throw flowError(err);
  }
  if (!returned) throw new SsoError('cancelled', 'The sign-in was cancelled.');
  const code = codeFromRedirect(returned, redirectUri, state);
  // The team server trades the code at the provider with the verifier, then checks the ID token and the nonce.
  const session = sessionFrom(await postJson(doFetch, `${baseUrl}/sso/session`, { code, codeVerifier: verifier, redirectUri, nonce }));
  return sourceOf(baseUrl, maxAgeMinutes, session);
}

const sourceOf = (baseUrl: string, maxAgeMinutes: number, s: SessionAnswer): ApiSource => ({
  mode: 'api', baseUrl, token: s.accessToken, maxAgeMinutes, session: { refreshToken: s.refreshToken, expiresAt: s.expiresAt, user: s.user },
});

/** The team server source with no token and no session: signed out, the server address kept. */
export const signedOutSource = (source: ApiSource): ApiSource => ({ mode: 'api', baseUrl: source.baseUrl, maxAgeMinutes: source.maxAgeMinutes });

const refreshing = new Map<string, Promise<DataSource>>();

/**
 * A source whose access token ends within a minute gets a new one (and a new
 * refresh token: the old one stops working), stored before it is returned.
 * Callers at the same time share one request, since a second use of the same
 * refresh token would end the session. A session the server ended is stored
 * signed out; a server out of reach leaves the source as it was.
 */
export function refreshSession(source: DataSource, now: Date, doFetch: typeof fetch = defaultFetch): Promise<DataSource> {
  if (source.mode !== 'api' || !source.session) return Promise.resolve(source);
  if (Date.parse(source.session.expiresAt) - now.getTime() >= REFRESH_MARGIN_MS) return Promise.resolve(source);
  const key = source.session.refreshToken;
  const current = refreshing.get(key);
  if (current) return current;
  const run = (async (): Promise<DataSource> => {
    let next: ApiSource;
    try {
      next = sourceOf(source.baseUrl, source.maxAgeMinutes, sessionFrom(await postJson(doFetch, `${source.baseUrl}/sso/refresh`, { refreshToken: key })));
    } catch (err) {
      if (!(err instanceof SsoError) || err.code !== 'session_ended') return source;
      next = signedOutSource(source);
    }
    // The person may have changed the source meanwhile (signed out, another server): theirs wins.
    const stored = await readDataSource();
    if (stored.mode !== 'api' || stored.session?.refreshToken !== key) return stored;
    await dataSourceItem.setValue(next);
    return next;
  })().finally(() => refreshing.delete(key));
  refreshing.set(key, run);
  return run;
}

/**
 * After the team server refused a session's access token before its end (an
 * administrator ended the session, or the server restarted its keys): one
 * refresh now, which either gives a new token or stores the source signed out.
 */
export function renewAfterRefusal(source: DataSource, doFetch: typeof fetch = defaultFetch): Promise<DataSource> {
  if (source.mode !== 'api' || !source.session) return Promise.resolve(source);
  return refreshSession(source, new Date(Date.parse(source.session.expiresAt)), doFetch);
}

/** The stored source, its access token renewed first when it is about to end: what every server call reads. */
export async function freshDataSource(now: Date, doFetch?: typeof fetch): Promise<DataSource> {
  return refreshSession(await readDataSource(), now, doFetch);
}

/** Ends the session on the server (best effort: offline still signs out here) and stores the source signed out. */
export async function signOut(source: ApiSource, doFetch: typeof fetch = defaultFetch): Promise<ApiSource> {
  if (source.session) await postJson(doFetch, `${source.baseUrl}/sso/signout`, { refreshToken: source.session.refreshToken }).catch(() => undefined);
  const next = signedOutSource(source);
  await dataSourceItem.setValue(next);
  return next;
}

/** The sync status when there is no token to send: the panel says to sign in again. */
export async function recordSignedOut(db: LensDB, now: Date): Promise<void> {
  const last: LastSync = { at: now.toISOString(), ok: false, received: 0, error: { kind: 'signed_out', message: 'Signed out: sign in again.' } };
  await db.meta.put({ key: META.lastSync, value: last });
}
