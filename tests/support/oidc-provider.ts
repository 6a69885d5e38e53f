import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

/**
 * A real OpenID provider on this machine for tests (the `oidc-provider`
 * package, a certified implementation): discovery, published signing keys,
 * authorization code with PKCE, ID tokens. Its sign-in page is a form with
 * one button per test person ("Sign in as …"); pressing it signs them in and
 * grants the scopes asked for, as a company provider does for an
 * already-approved app.
 */
export interface TestPerson {
  sub: string;
  email: string;
  name: string;
  emailVerified?: boolean;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  stop(): Promise<void>;
}

export async function startTestProvider({ clientId = 'account-lens', redirectUris, people }: { clientId?: string; redirectUris: string[]; people: TestPerson[] }): Promise<TestProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const bySub = new Map(people.map((p) => [p.sub, p]));
  // Its own signing key, made for this run, as a real provider has.
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-provider-1', alg: 'RS256', use: 'sig' };
  const minutes = (n: number) => () => n * 60;
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, token_endpoint_auth_method: 'none', redirect_uris: redirectUris, response_types: ['code'], grant_types: ['authorization_code'] }],
    async findAccount(_ctx, sub) {
      const p = bySub.get(sub);
      return p ? { accountId: sub, claims: async () => ({ sub, email: p.email, email_verified: p.emailVerified ?? true, name: p.name }) } : undefined;
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // Company providers put the e-mail in the ID token; this one does too.
    conformIdTokenClaims: false,
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    cookies: { keys: ['account-lens-test-provider'] },
    jwks: { keys: [jwk] },
    ttl: { Interaction: minutes(10), Grant: minutes(60), Session: minutes(60), AccessToken: minutes(10), IdToken: minutes(10), AuthorizationCode: minutes(1) },
  });
  const callback = provider.callback();

  const page = (res: ServerResponse, status: number, html: string) => {
    res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head><body>${html}</body></html>`);
  };
  const interaction = async (req: IncomingMessage, res: ServerResponse, uid: string) => {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) return page(res, 400, '<p>Unknown sign-in.</p>');
    if (req.method === 'GET') {
      const buttons = people.map((p) => `<button name="sub" value="${p.sub}">Sign in as ${p.email}</button>`).join(' ');
      return page(res, 200, `<h1>Test identity provider</h1><form method="post" action="/interaction/${uid}">${buttons}</form>`);
    }
    let text = '';
    for await (const chunk of req) text += chunk;
    const sub = new URLSearchParams(text).get('sub') ?? '';
    if (!bySub.has(sub)) return page(res, 400, '<p>Unknown person.</p>');
    const grant = new provider.Grant({ accountId: sub, clientId: details.params.client_id as string });
    grant.addOIDCScope(String(details.params.scope ?? 'openid'));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { login: { accountId: sub }, consent: { grantId } }, { mergeWithLastSubmission: false });
  };

  server.on('request', (req, res) => {
    const m = /^\/interaction\/([A-Za-z0-9_-]+)$/.exec(req.url ?? '');
    if (m) {
      interaction(req, res, m[1]!).catch((err: unknown) => page(res, 500, `<p>${String(err).replace(/[<&]/g, '')}</p>`));
      return;
    }
    void callback(req, res);
  });
  return {
    issuer,
    clientId,
    stop: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
