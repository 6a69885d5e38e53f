// @vitest-environment node
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dataSourceItem, readDataSource } from '../../data/sync/settings';
import { readSyncStatus } from '../../data/sync/status';
import { freshDb } from '../../data/sync/test-helpers';
import type { SsoIdentity } from '../../data/sync/sso';
import { ssoSignIn, ssoSignOut } from './sso';

const BASE = 'https://lens.acme.com';
const ISSUER = 'https://idp.example.com';
const USER = { name: 'ana@acme.com', role: 'csm', team: 'acme' };
const answers: Record<string, () => [number, unknown]> = {
  [`${BASE}/sso/config`]: () => [200, { issuer: ISSUER, clientId: 'account-lens', scopes: 'openid email', authorizationEndpoint: `${ISSUER}/auth` }],
  [`${BASE}/sso/session`]: () => [200, { accessToken: 'lens_access', refreshToken: 'lensr_1_secret', expiresAt: '2026-11-23T10:10:00Z', user: USER }],
  [`${BASE}/sso/signout`]: () => [204, undefined],
};
const fetchFn = (async (input: RequestInfo | URL) => {
  const [status, body] = answers[String(input).split('?')[0]!]!();
  return new Response(body === undefined ? null : JSON.stringify(body), { status });
}) as typeof fetch;
const identity: SsoIdentity = {
  getRedirectURL: (p) => `https://ext.chromiumapp.org/${p}`,
  launchWebAuthFlow: async ({ url }) => `https://ext.chromiumapp.org/oidc?code=c1&state=${new URL(url).searchParams.get('state')}`,
};

describe('single sign-on in the background', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stores the signed-in source, then does what a changed source does, and answers who signed in', async () => {
    const after = vi.fn(async () => undefined);
    expect(await ssoSignIn({ baseUrl: `${BASE}/`, maxAgeMinutes: 30 }, after, { identity, fetch: fetchFn })).toEqual({ ok: true, user: USER });
    expect(await readDataSource()).toMatchObject({ mode: 'api', baseUrl: BASE, token: 'lens_access', maxAgeMinutes: 30, session: { user: USER } });
    expect(after).toHaveBeenCalledOnce();
  });

  it('answers the reason without storing anything when sign-in fails or cannot start', async () => {
    const after = vi.fn(async () => undefined);
    const cancelling: SsoIdentity = { ...identity, launchWebAuthFlow: () => Promise.reject(new Error('The user did not approve access.')) };
    expect(await ssoSignIn({ baseUrl: BASE, maxAgeMinutes: 15 }, after, { identity: cancelling, fetch: fetchFn })).toMatchObject({ ok: false, code: 'cancelled' });
    expect(await ssoSignIn({ baseUrl: 'http://lens.acme.com', maxAgeMinutes: 15 }, after, { identity, fetch: fetchFn })).toMatchObject({ ok: false, code: 'bad_config' });
    // Without the optional identity permission the browser has no chrome.identity.
    const granted = Object.getOwnPropertyDescriptor(fakeBrowser, 'identity')!;
    Object.defineProperty(fakeBrowser, 'identity', { value: undefined, configurable: true });
    try {
      expect(await ssoSignIn({ baseUrl: BASE, maxAgeMinutes: 15 }, after, { fetch: fetchFn })).toMatchObject({ ok: false, code: 'no_permission' });
    } finally {
      Object.defineProperty(fakeBrowser, 'identity', granted);
    }
    expect(await readDataSource()).toEqual({ mode: 'local' });
    expect(after).not.toHaveBeenCalled();
  });

  it('signs out: the source keeps the server without a token and the sync status asks to sign in again', async () => {
    await dataSourceItem.setValue({ mode: 'api', baseUrl: BASE, token: 'lens_access', maxAgeMinutes: 15, session: { refreshToken: 'lensr_1_secret', expiresAt: '2026-11-23T10:10:00Z', user: USER } });
    const db = freshDb('sso-bg');
    const after = vi.fn(async () => undefined);
    await ssoSignOut(db, after, fetchFn);
    expect(await readDataSource()).toEqual({ mode: 'api', baseUrl: BASE, maxAgeMinutes: 15 });
    expect((await readSyncStatus(db)).lastError?.kind).toBe('signed_out');
    expect(after).toHaveBeenCalledOnce();
  });
});
