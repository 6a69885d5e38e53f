// @vitest-environment node
import { createHash } from 'node:crypto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dataSourceItem, readDataSource, type ApiSource } from './settings';
import { freshDataSource, recordSignedOut, refreshSession, renewAfterRefusal, signIn, signOut, SsoError, type SsoIdentity } from './sso';
import { readSyncStatus } from './status';
import { freshDb, NOW } from './test-helpers';

const BASE = 'https://lens.acme.com';
const ISSUER = 'https://idp.example.com/realms/x';
const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/oidc';
const ID_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbmEifQ.c2lnbmF0dXJl';
const ACCESS = `lens_${'a'.repeat(12)}_${'b'.repeat(43)}`;
const REFRESH = 'lensr_s1_refreshsecretnumberone';
const USER = { name: 'ana@acme.com', role: 'csm', team: 'acme' };

interface Call { url: string; method: string; body: string; headers: Record<string, string> }
type Route = (call: Call) => { status: number; body?: unknown } | Promise<{ status: number; body?: unknown }>;

/** A fetch answering from routes by "METHOD url without query", recording every call. */
function fakeFetch(routes: Record<string, Route>) {
  const calls: Call[] = [];
  const fn = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const call: Call = { url, method: init.method ?? 'GET', body: String(init.body ?? ''), headers: { ...(init.headers as Record<string, string>) } };
    calls.push(call);
    const route = routes[`${call.method} ${url.split('?')[0]}`];
    if (!route) throw new TypeError('Failed to fetch');
    const { status, body } = await route(call);
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  }) as typeof fetch;
  return { fn, calls };
}

const session = (refreshToken = REFRESH, expiresAt = '2026-11-23T10:10:00.000Z') => ({ accessToken: ACCESS, refreshToken, expiresAt, user: USER });

const providerRoutes = (over: Record<string, Route> = {}) => ({
  [`GET ${BASE}/sso/config`]: () => ({ status: 200, body: { issuer: ISSUER, clientId: 'account-lens', scopes: 'openid email profile', authorizationEndpoint: `${ISSUER}/auth` } }),
  [`POST ${BASE}/sso/session`]: () => ({ status: 200, body: session() }),
  ...over,
});

/** An identity that answers the authorization request the way `answer` says, keeping the URL it was given. */
function fakeIdentity(answer: (auth: URL) => string | Promise<string>) {
  const seen: URL[] = [];
  const identity: SsoIdentity = {
    getRedirectURL: (path) => `https://abcdefghijklmnop.chromiumapp.org/${path ?? ''}`,
    launchWebAuthFlow: async ({ url }) => {
      const auth = new URL(url);
      seen.push(auth);
      return answer(auth);
    },
  };
  return { identity, seen };
}
const approve = (auth: URL) => `${REDIRECT}?code=auth-code-1&state=${auth.searchParams.get('state')}`;

const stored = (over: Partial<ApiSource> = {}): ApiSource => ({
  mode: 'api', baseUrl: BASE, token: ACCESS, maxAgeMinutes: 15, session: { refreshToken: REFRESH, expiresAt: '2026-11-23T10:00:30.000Z', user: USER }, ...over,
});

/** The message of what `p` throws, with every secret of the flow checked absent. */
async function refusal(p: Promise<unknown>): Promise<SsoError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(SsoError);
  for (const secret of [ID_TOKEN, ACCESS, REFRESH, 'auth-code-1']) expect((err as Error).message).not.toContain(secret);
  return err as SsoError;
}

describe('single sign-on', () => {
  beforeEach(() => fakeBrowser.reset());

  it('sends a PKCE authorization request, hands the code and verifier to the team server, and returns the source to store', async () => {
    const { fn, calls } = fakeFetch(providerRoutes());
    const { identity, seen } = fakeIdentity(approve);
    const source = await signIn(BASE, 20, { identity, fetch: fn });

    expect(source).toEqual({ mode: 'api', baseUrl: BASE, token: ACCESS, maxAgeMinutes: 20, session: { refreshToken: REFRESH, expiresAt: '2026-11-23T10:10:00.000Z', user: USER } });
    const auth = seen[0]!;
    expect(`${auth.origin}${auth.pathname}`).toBe(`${ISSUER}/auth`);
    const q = Object.fromEntries(auth.searchParams);
    expect(q).toMatchObject({ response_type: 'code', client_id: 'account-lens', redirect_uri: REDIRECT, scope: 'openid email profile', code_challenge_method: 'S256' });
    expect(q.state).toMatch(/^[\w-]{40,}$/);
    expect(q.nonce).toMatch(/^[\w-]{40,}$/);
    expect(q.state).not.toBe(q.nonce);

    // The code and the verifier go to the team server, which trades them at the provider; the extension never calls the provider.
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([`GET ${BASE}/sso/config`, `POST ${BASE}/sso/session`]);
    const sent = JSON.parse(calls[1]!.body) as Record<string, string>;
    expect(Object.keys(sent).sort()).toEqual(['code', 'codeVerifier', 'nonce', 'redirectUri']);
    expect(sent).toMatchObject({ code: 'auth-code-1', redirectUri: REDIRECT, nonce: q.nonce });
    expect(sent.codeVerifier!.length).toBeGreaterThanOrEqual(43);
    expect(sent.codeVerifier!.length).toBeLessThanOrEqual(128);
    expect(sent.codeVerifier).toMatch(/^[\w-]+$/);
    expect(q.code_challenge).toBe(createHash('sha256').update(sent.codeVerifier!).digest('base64url'));
    // The verifier itself never travels in the browser's address.
    expect(auth.toString()).not.toContain(sent.codeVerifier);
    expect(calls.every((c) => !('Authorization' in c.headers))).toBe(true);
  });

  it('refuses an answer whose state is not the one sent, before any code is traded', async () => {
    const { fn, calls } = fakeFetch(providerRoutes());
    const { identity } = fakeIdentity(() => `${REDIRECT}?code=auth-code-1&state=someone-else`);
    expect((await refusal(signIn(BASE, 15, { identity, fetch: fn }))).code).toBe('state_mismatch');
    expect(calls.some((c) => c.url.includes('/sso/session'))).toBe(false);
  });

  it('says what the provider refused, and that the person cancelled', async () => {
    const { fn } = fakeFetch(providerRoutes());
    const refusing = fakeIdentity((auth) => `${REDIRECT}?error=access_denied&error_description=User+is+not+assigned&state=${auth.searchParams.get('state')}`);
    const err = await refusal(signIn(BASE, 15, { identity: refusing.identity, fetch: fn }));
    expect(err.code).toBe('provider_refused');
    expect(err.message).toContain('access_denied');
    expect(err.message).toContain('User is not assigned');

    const closing = fakeIdentity(() => Promise.reject(new Error('The user did not approve access.')));
    expect((await refusal(signIn(BASE, 15, { identity: closing.identity, fetch: fn }))).code).toBe('cancelled');
  });

  it('tells a server without single sign-on, a malformed config and an unreachable provider apart', async () => {
    const { identity } = fakeIdentity(approve);
    const off = fakeFetch(providerRoutes({ [`GET ${BASE}/sso/config`]: () => ({ status: 404, body: { error: { code: 'sso_off', message: 'no' } } }) }));
    expect((await refusal(signIn(BASE, 15, { identity, fetch: off.fn }))).code).toBe('sso_off');
    const bad = fakeFetch(providerRoutes({ [`GET ${BASE}/sso/config`]: () => ({ status: 200, body: { issuer: 'http://idp', clientId: '' } }) }));
    expect((await refusal(signIn(BASE, 15, { identity, fetch: bad.fn }))).code).toBe('bad_config');
    // A plain-http provider elsewhere than this machine is not trusted with a sign-in.
    const plain = fakeFetch(providerRoutes({ [`GET ${BASE}/sso/config`]: () => ({ status: 200, body: { issuer: 'http://idp.example.com', clientId: 'c', scopes: 'openid', authorizationEndpoint: 'http://idp.example.com/auth' } }) }));
    expect((await refusal(signIn(BASE, 15, { identity, fetch: plain.fn }))).code).toBe('bad_config');
    const down = fakeFetch(providerRoutes({ [`POST ${BASE}/sso/session`]: () => ({ status: 502, body: { error: { code: 'provider_unavailable', message: 'down' } } }) }));
    expect((await refusal(signIn(BASE, 15, { identity, fetch: down.fn }))).code).toBe('bad_provider');
  });

  it('passes on the team server refusing the person, without the ID token in the message', async () => {
    const { identity } = fakeIdentity(approve);
    for (const [status, error] of [[403, 'domain_not_allowed'], [403, 'email_not_verified'], [401, 'invalid_id_token']] as const) {
      const { fn } = fakeFetch(providerRoutes({ [`POST ${BASE}/sso/session`]: () => ({ status, body: { error: { code: error, message: `refused ${ID_TOKEN}` } } }) }));
      expect((await refusal(signIn(BASE, 15, { identity, fetch: fn }))).code).toBe(error);
    }
  });

  it('renews a token about to end, stores the rotated session, and leaves a fresh one alone', async () => {
    const next = session('lensr_s1_second', '2026-11-23T10:10:30.000Z');
    const { fn, calls } = fakeFetch({ [`POST ${BASE}/sso/refresh`]: () => ({ status: 200, body: { ...next, accessToken: `${ACCESS}2` } }) });
    const fresh = stored({ session: { refreshToken: REFRESH, expiresAt: '2026-11-23T10:05:00.000Z', user: USER } });
    expect(await refreshSession(fresh, NOW, fn)).toBe(fresh);
    expect(calls).toHaveLength(0);

    await dataSourceItem.setValue(stored());
    const renewed = await freshDataSource(NOW, fn);
    expect(calls.map((c) => [c.method, c.url, JSON.parse(c.body)])).toEqual([['POST', `${BASE}/sso/refresh`, { refreshToken: REFRESH }]]);
    expect(renewed).toEqual(stored({ token: `${ACCESS}2`, session: { refreshToken: 'lensr_s1_second', expiresAt: next.expiresAt, user: USER } }));
    expect(await readDataSource()).toEqual(renewed);
  });

  it('shares one refresh between callers at the same time, since the refresh token works once', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { fn, calls } = fakeFetch({
      [`POST ${BASE}/sso/refresh`]: async () => {
        await gate;
        return { status: 200, body: session('lensr_s1_second') };
      },
    });
    await dataSourceItem.setValue(stored());
    const both = Promise.all([freshDataSource(NOW, fn), freshDataSource(NOW, fn)]);
    await new Promise((r) => setTimeout(r, 10));
    release();
    const [a, b] = await both;
    expect(calls).toHaveLength(1);
    expect(a).toEqual(b);
    expect(a.mode === 'api' && a.session?.refreshToken).toBe('lensr_s1_second');
  });

  it('stores the source signed out when the server ended the session, and the sync status says so', async () => {
    const { fn } = fakeFetch({ [`POST ${BASE}/sso/refresh`]: () => ({ status: 401, body: { error: { code: 'session_ended', message: 'ended' } } }) });
    await dataSourceItem.setValue(stored());
    const after = await freshDataSource(NOW, fn);
    expect(after).toEqual({ mode: 'api', baseUrl: BASE, maxAgeMinutes: 15 });
    expect(await readDataSource()).toEqual(after);

    const db = freshDb('sso');
    await recordSignedOut(db, NOW);
    expect((await readSyncStatus(db)).lastError).toMatchObject({ kind: 'signed_out', at: NOW.toISOString() });
  });

  it('keeps the session when the server is out of reach during a refresh', async () => {
    const { fn } = fakeFetch({});
    await dataSourceItem.setValue(stored());
    expect(await freshDataSource(NOW, fn)).toEqual(stored());
    expect(await readDataSource()).toEqual(stored());
  });

  it('signs out on the server and here, and here even when the server is out of reach', async () => {
    const online = fakeFetch({ [`POST ${BASE}/sso/signout`]: () => ({ status: 204 }) });
    await dataSourceItem.setValue(stored());
    expect(await signOut(stored(), online.fn)).toEqual({ mode: 'api', baseUrl: BASE, maxAgeMinutes: 15 });
    expect(online.calls.map((c) => [c.url, JSON.parse(c.body)])).toEqual([[`${BASE}/sso/signout`, { refreshToken: REFRESH }]]);

    const offline = fakeFetch({});
    await dataSourceItem.setValue(stored());
    await signOut(stored(), offline.fn);
    expect(offline.calls).toHaveLength(1);
    expect(await readDataSource()).toEqual({ mode: 'api', baseUrl: BASE, maxAgeMinutes: 15 });
  });

  it('renews at once a token the server refused before its end, or stores the source signed out', async () => {
    const fresh = stored({ session: { refreshToken: REFRESH, expiresAt: '2026-11-23T10:09:00.000Z', user: USER } });
    const renewing = fakeFetch({ [`POST ${BASE}/sso/refresh`]: () => ({ status: 200, body: session('lensr_s1_second') }) });
    await dataSourceItem.setValue(fresh);
    expect(await renewAfterRefusal(fresh, renewing.fn)).toMatchObject({ session: { refreshToken: 'lensr_s1_second' } });
    expect(renewing.calls).toHaveLength(1);

    const ending = fakeFetch({ [`POST ${BASE}/sso/refresh`]: () => ({ status: 401, body: { error: { code: 'session_ended', message: 'ended' } } }) });
    await dataSourceItem.setValue(fresh);
    expect(await renewAfterRefusal(fresh, ending.fn)).toEqual({ mode: 'api', baseUrl: BASE, maxAgeMinutes: 15 });
    // A pasted token has no session to renew.
    const pasted = stored({ session: undefined });
    expect(await renewAfterRefusal(pasted, ending.fn)).toBe(pasted);
    expect(ending.calls).toHaveLength(1);
  });
});
