// @vitest-environment node
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';
import { startTestProvider, type TestProvider } from '../../tests/support/oidc-provider';
import { createApp } from '../src/app';
import type { Sql } from '../src/db';
import { failureLimiter } from '../src/limiter';
import { silentLog } from '../src/log';
import { ssoConfigFromEnv, type SsoConfig } from '../src/sso/config';
import { answerOf, backends, expectError, Harness, useBackend, type Answer } from './helpers';
import { codeFrom, idTokenFrom, REDIRECT_URI } from './sso-flow';

/**
 * Single sign-on (docs/sso.md) against a real OpenID provider on this
 * machine, and against tokens this test signs itself for what a provider
 * would never send: a wrong audience, an old token, another key, no
 * signature. Who gets in, as whom, and that signing out and reused refresh
 * tokens end access at once.
 */
const PEOPLE = [
  { sub: 'ana-1', email: 'Ana@acme.com', name: 'Ana Li' },
  { sub: 'bo-2', email: 'bo@acme.cn', name: 'Ana Li' },
  { sub: 'eve-3', email: 'eve@elsewhere.com', name: 'Eve' },
  { sub: 'unverified-4', email: 'max@acme.com', name: 'Max', emailVerified: false },
];
const env = (issuer: string) => ({ LENS_OIDC_ISSUER: issuer, LENS_OIDC_CLIENT_ID: 'account-lens', LENS_OIDC_TEAM: 'acme', LENS_OIDC_DOMAINS: 'acme.com, acme.cn', LENS_OIDC_ROLE: 'csm' });

let provider: TestProvider;
beforeAll(async () => {
  provider = await startTestProvider({ redirectUris: [REDIRECT_URI], people: PEOPLE });
});
afterAll(() => provider.stop());

const post = (app: ReturnType<typeof createApp>, path: string, body: unknown) =>
  Promise.resolve(app.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).then(answerOf);
const me = (app: ReturnType<typeof createApp>, token: string) => Promise.resolve(app.request('/v1/me', { headers: { Authorization: `Bearer ${token}` } })).then(answerOf);
type Issued = { accessToken: string; refreshToken: string; expiresAt: string; user: { name: string; role: string; team: string } };
const issued = (a: Answer): Issued => {
  expect(a.status, a.text).toBe(200);
  return a.json as Issued;
};

describe.each(backends())('single sign-on on $name', (backend) => {
  useBackend(backend);
  let sql: Sql;
  let now: Date;
  let config: SsoConfig;
  const appOf = (c = config) => createApp({ sql, log: silentLog, now: () => now, sso: c });
  beforeEach(async () => {
    sql = await backend.fresh();
    now = new Date();
    config = ssoConfigFromEnv(env(provider.issuer))!;
  });
  const signIn = async (app: ReturnType<typeof createApp>, sub: string) => post(app, '/sso/session', await idTokenFrom(provider.issuer, 'account-lens', sub));

  it('tells the extension where to sign in, and a server without SSO says so', async () => {
    const config = await answerOf(await appOf().request('/sso/config'));
    expect(config.json).toEqual({ issuer: provider.issuer, clientId: 'account-lens', scopes: 'openid email profile', authorizationEndpoint: `${provider.issuer}/auth` });
    const off = await answerOf(await createApp({ sql, log: silentLog }).request('/sso/config'));
    expectError(off, 404, 'sso_off');
  });

  it('signs a person in through the provider, as the CRM names them, with the default role', async () => {
    const app = appOf();
    const s = issued(await signIn(app, 'ana-1'));
    expect(s.user).toEqual({ name: 'Ana Li', role: 'csm', team: 'acme' });
    expect(s.accessToken).toMatch(/^lens_[A-Za-z0-9_-]{12}_[A-Za-z0-9_-]{43}$/);
    expect(new Date(s.expiresAt).getTime() - now.getTime()).toBe(10 * 60_000);
    expect((await me(app, s.accessToken)).json).toEqual({ user: 'Ana Li', role: 'csm', team: 'acme' });
    // Signing in again is the same person, not a second one; a namesake is told apart by e-mail.
    issued(await signIn(app, 'ana-1'));
    const bo = issued(await signIn(app, 'bo-2'));
    expect(bo.user.name).toBe('bo@acme.cn');
    const { rows } = await sql.query<{ name: string; email: string }>("select name, email from users where team_id = 'acme' order by name");
    expect(rows).toEqual([{ name: 'Ana Li', email: 'ana@acme.com' }, { name: 'bo@acme.cn', email: 'bo@acme.cn' }]);
  });

  it('trades the browser\'s authorization code at the provider, once, with its PKCE verifier', async () => {
    const app = appOf();
    const { tokenEndpoint: _t, ...code } = await codeFrom(provider.issuer, 'account-lens', 'ana-1');
    const s = issued(await post(app, '/sso/session', code));
    expect(s.user.name).toBe('Ana Li');
    // A code works once: the provider refuses it again, and the server says why.
    expect(expectError(await post(app, '/sso/session', code), 401, 'invalid_id_token')).toContain('invalid_grant');
    const { tokenEndpoint: _u, ...fresh } = await codeFrom(provider.issuer, 'account-lens', 'ana-1');
    expectError(await post(app, '/sso/session', { ...fresh, codeVerifier: 'x'.repeat(43) }), 401, 'invalid_id_token');
    expectError(await post(app, '/sso/session', { ...fresh, redirectUri: 'https://evil.example/oidc' }), 422, 'validation_failed');
    // Nor does a nonce other than the one in the authorization request pass.
    expectError(await post(app, '/sso/session', { ...(await codeFrom(provider.issuer, 'account-lens', 'ana-1')), nonce: 'n'.repeat(16) }), 401, 'invalid_id_token');
  });

  it('keeps the name, role and records of someone who had a token before', async () => {
    const h = new Harness(sql);
    await h.token('acme', 'ana@acme.com', 'manager');
    const s = issued(await signIn(appOf(), 'ana-1'));
    expect(s.user).toEqual({ name: 'ana@acme.com', role: 'manager', team: 'acme' });
  });

  it('refuses other domains, unverified addresses and a nonce this sign-in did not ask for', async () => {
    const app = appOf();
    expect(expectError(await signIn(app, 'eve-3'), 403, 'domain_not_allowed')).toContain('elsewhere.com');
    expectError(await signIn(app, 'unverified-4'), 403, 'email_not_verified');
    // A provider that only hands out its own directory's addresses may be trusted without the claim.
    expect((await signIn(appOf({ ...config, requireVerifiedEmail: false }), 'unverified-4')).status).toBe(200);
    for (const table of ['tokens', 'sso_sessions', 'users']) await sql.query(`delete from ${table}`);
    const { idToken } = await idTokenFrom(provider.issuer, 'account-lens', 'ana-1');
    expectError(await post(app, '/sso/session', { idToken, nonce: 'another-nonce-of-sixteen' }), 401, 'invalid_id_token');
    // Another client's token is not ours, though the provider signed it.
    const other = appOf({ ...config, clientId: 'someone-else' });
    expect(expectError(await signIn(other, 'ana-1'), 401, 'invalid_id_token')).toContain('aud');
    const { rows } = await sql.query('select 1 from users');
    expect(rows).toHaveLength(0);
  });

  it('refreshes with a new refresh token each time; a refresh token used twice ends the session', async () => {
    const app = appOf();
    const first = issued(await signIn(app, 'ana-1'));
    now = new Date(now.getTime() + 9 * 60_000);
    const second = issued(await post(app, '/sso/refresh', { refreshToken: first.refreshToken }));
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(new Date(second.expiresAt).getTime()).toBe(now.getTime() + 10 * 60_000);
    expect((await me(app, second.accessToken)).status).toBe(200);
    // The old refresh token again: someone copied it. The session ends, with every access token it gave.
    expectError(await post(app, '/sso/refresh', { refreshToken: first.refreshToken }), 401, 'session_ended');
    expectError(await me(app, second.accessToken), 401, 'unauthorized');
    expectError(await post(app, '/sso/refresh', { refreshToken: second.refreshToken }), 401, 'session_ended');
  });

  it('two refreshes racing with one token: one wins, the session ends rather than forking', async () => {
    const app = appOf();
    const s = issued(await signIn(app, 'ana-1'));
    const answers = await Promise.all([post(app, '/sso/refresh', { refreshToken: s.refreshToken }), post(app, '/sso/refresh', { refreshToken: s.refreshToken })]);
    expect(answers.filter((a: Answer) => a.status === 200).length).toBeLessThanOrEqual(1);
    const { rows } = await sql.query<{ n: string | number }>('select count(*) as n from tokens where revoked_at is null and session_id is not null');
    // At most the winner's tokens work, and not both of two forks.
    expect(Number(rows[0]!.n)).toBeLessThanOrEqual(2);
  });

  it('signing out ends access at once; a session ends after its lifetime', async () => {
    const app = appOf();
    const s = issued(await signIn(app, 'ana-1'));
    const r = await app.request('/sso/signout', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ refreshToken: s.refreshToken }) });
    expect(r.status).toBe(204);
    expectError(await me(app, s.accessToken), 401, 'unauthorized');
    expectError(await post(app, '/sso/refresh', { refreshToken: s.refreshToken }), 401, 'session_ended');

    const later = issued(await signIn(app, 'ana-1'));
    now = new Date(now.getTime() + 12 * 3600_000);
    expectError(await post(app, '/sso/refresh', { refreshToken: later.refreshToken }), 401, 'session_ended');
  });

  it('a manager signs a person out of every browser; the admin page counts their sessions apart from tokens', async () => {
    const h = new Harness(sql, () => now);
    const manager = await h.token('acme', 'Boss', 'manager');
    const app = appOf();
    const one = issued(await signIn(app, 'ana-1'));
    const two = issued(await signIn(app, 'ana-1'));
    const people = (await h.get(manager, '/v1/admin/people')).json as { items: { id: string; name: string; sessions: number; activeTokens: number; email: string | null }[] };
    const ana = people.items.find((p) => p.name === 'Ana Li')!;
    expect(ana).toMatchObject({ sessions: 2, activeTokens: 0, email: 'ana@acme.com' });
    expect(((await h.get(manager, '/v1/admin/tokens')).json as { items: unknown[] }).items).toHaveLength(1);
    const done = await h.request(`/v1/admin/people/${ana.id}/sign-out`, { method: 'POST', token: manager });
    expect(done.json).toEqual({ id: ana.id, ended: 2 });
    for (const s of [one, two]) {
      expectError(await me(app, s.accessToken), 401, 'unauthorized');
      expectError(await post(app, '/sso/refresh', { refreshToken: s.refreshToken }), 401, 'session_ended');
    }
  });

  it('counts refused sign-ins against the address like refused tokens', async () => {
    const app = createApp({ sql, log: silentLog, now: () => now, sso: config, limiter: failureLimiter({ max: 3 }) });
    for (let i = 0; i < 3; i++) expectError(await post(app, '/sso/refresh', { refreshToken: `lensr_${'a'.repeat(16)}_${'b'.repeat(43)}` }), 401, 'session_ended');
    expectError(await post(app, '/sso/refresh', { refreshToken: 'x' }), 429, 'rate_limited');
    expectError(await me(app, 'lens_aaaaaaaaaaaa_' + 'b'.repeat(43)), 429, 'rate_limited');
  });

  it('answers malformed bodies with what is wrong, never a 500', async () => {
    const app = appOf();
    for (const body of ['not json', '{"idToken":1}', '{"__proto__":{}}', JSON.stringify({ idToken: 'a.b.c', nonce: 'n'.repeat(16) })]) {
      const a = await answerOf(await app.request('/sso/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }));
      expect([401, 422], a.text).toContain(a.status);
    }
  });
});

describe('ID tokens no provider of the team would send', () => {
  let issuer: string;
  let stop: () => Promise<void>;
  let sign: (claims: JWTPayload, opts?: { key?: 'other'; kid?: string }) => Promise<string>;
  const NONCE = 'nonce-of-at-least-16';
  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const stranger = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const server = createServer((req, res) => {
      res.setHeader('Content-Type', 'application/json');
      if (req.url === '/.well-known/openid-configuration') res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks`, token_endpoint: `${issuer}/token`, authorization_endpoint: `${issuer}/auth` }));
      else if (req.url === '/jwks') res.end(JSON.stringify({ keys: [jwk] }));
      else res.writeHead(404).end('{}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    stop = () => new Promise((r) => server.close(() => r()));
    sign = (claims, opts = {}) => new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: opts.kid ?? 'k1' }).sign(opts.key === 'other' ? stranger.privateKey : privateKey);
  });
  afterAll(() => stop());

  const [pglite] = backends();
  useBackend(pglite!);
  const good = (now: number): JWTPayload => ({ iss: issuer, aud: 'account-lens', sub: 's1', iat: now / 1000, exp: now / 1000 + 300, nonce: NONCE, email: 'ana@acme.com', email_verified: true });

  it.each<[string, (p: JWTPayload) => JWTPayload, { key?: 'other'; kid?: string }?, string?]>([
    ['is signed by another key', (p) => p, { key: 'other' }, 'signature'],
    ['names a key the provider does not publish', (p) => p, { kid: 'k9' }, 'signature'],
    ['comes from another issuer', (p) => ({ ...p, iss: 'https://evil.example' }), undefined, 'iss'],
    ['is for another audience', (p) => ({ ...p, aud: 'other-app' }), undefined, 'aud'],
    ['has several audiences and names another as its party', (p) => ({ ...p, aud: ['account-lens', 'other'], azp: 'other' }), undefined, 'azp'],
    ['expired more than a minute ago', (p) => ({ ...p, exp: (p.exp as number) - 400 }), undefined, 'expired'],
    ['was issued in the future', (p) => ({ ...p, iat: (p.iat as number) + 3600, exp: (p.exp as number) + 3600 }), undefined, 'iat'],
    ['has no nonce', ({ nonce: _n, ...p }) => p, undefined, 'nonce'],
    ['was issued more than 15 minutes ago', (p) => ({ ...p, iat: (p.iat as number) - 3600 }), undefined, 'iat'],
  ])('refuses a token that %s', async (_what, change, opts, word) => {
    const now = Date.now();
    const app = createApp({ sql: await pglite!.fresh(), log: silentLog, now: () => new Date(now), sso: ssoConfigFromEnv(env(issuer))! });
    const a = await post(app, '/sso/session', { idToken: await sign(change(good(now)), opts), nonce: NONCE });
    expect(expectError(a, 401, 'invalid_id_token')).toContain(word);
  });

  it('refuses an unsigned token, and accepts the same claims when signed', async () => {
    const now = Date.now();
    const app = createApp({ sql: await pglite!.fresh(), log: silentLog, now: () => new Date(now), sso: ssoConfigFromEnv(env(issuer))! });
    const unsigned = new UnsecuredJWT(good(now)).encode();
    expectError(await post(app, '/sso/session', { idToken: unsigned, nonce: NONCE }), 401, 'invalid_id_token');
    expect((await post(app, '/sso/session', { idToken: await sign(good(now)), nonce: NONCE })).status).toBe(200);
  });

  it('a provider that cannot be reached is a 502 to retry, not a refusal', async () => {
    const app = createApp({ sql: await pglite!.fresh(), log: silentLog, sso: ssoConfigFromEnv(env('http://127.0.0.1:9'))! });
    expectError(await post(app, '/sso/session', { idToken: 'a.b.c', nonce: NONCE }), 502, 'provider_unavailable');
    expectError(await answerOf(await app.request('/sso/config')), 502, 'provider_unavailable');
  });
});

describe('single sign-on settings', () => {
  it('are off without an issuer and name the setting to fix', () => {
    expect(ssoConfigFromEnv({})).toBeUndefined();
    const base = env('https://login.acme.com/realms/acme');
    expect(ssoConfigFromEnv(base)).toMatchObject({ domains: ['acme.com', 'acme.cn'], role: 'csm', accessMs: 600_000, sessionMs: 12 * 3600_000 });
    expect(ssoConfigFromEnv({ ...base, LENS_OIDC_ROLE: '' })?.role).toBe('sales');
    expect(() => ssoConfigFromEnv({ ...base, LENS_OIDC_ISSUER: 'http://login.acme.com' })).toThrow(/https/);
    expect(() => ssoConfigFromEnv({ ...base, LENS_OIDC_CLIENT_ID: '' })).toThrow(/LENS_OIDC_CLIENT_ID/);
    expect(() => ssoConfigFromEnv({ ...base, LENS_OIDC_DOMAINS: '' })).toThrow(/LENS_OIDC_DOMAINS/);
    expect(() => ssoConfigFromEnv({ ...base, LENS_OIDC_DOMAINS: 'acme.com,not a domain' })).toThrow(/not a domain/);
    expect(() => ssoConfigFromEnv({ ...base, LENS_OIDC_ROLE: 'admin' })).toThrow(/LENS_OIDC_ROLE/);
    expect(() => ssoConfigFromEnv({ ...base, LENS_OIDC_ACCESS_MINUTES: '0' })).toThrow(/LENS_OIDC_ACCESS_MINUTES/);
    expect(ssoConfigFromEnv(base)?.requireVerifiedEmail).toBe(true);
    expect(ssoConfigFromEnv({ ...base, LENS_OIDC_EMAIL_VERIFIED: 'directory' })?.requireVerifiedEmail).toBe(false);
    expect(() => ssoConfigFromEnv({ ...base, LENS_OIDC_EMAIL_VERIFIED: 'yes' })).toThrow(/LENS_OIDC_EMAIL_VERIFIED/);
  });
});
