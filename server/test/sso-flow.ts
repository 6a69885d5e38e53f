import { createHash, randomBytes } from 'node:crypto';

/**
 * What the extension does at the provider, done with fetch: the
 * authorization request with PKCE, the provider's sign-in form (the person's
 * button pressed), and the code traded for tokens at the token endpoint.
 * The extension's own code for this runs in the browser suite.
 */
export const REDIRECT_URI = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/oidc';

const b64url = (b: Buffer) => b.toString('base64url');

/** Signs `sub` in at the provider: the authorization code the browser would come back with, and what goes with it. */
export async function codeFrom(issuer: string, clientId: string, sub: string, opts: { nonce?: string; scope?: string } = {}): Promise<{ code: string; codeVerifier: string; redirectUri: string; nonce: string; tokenEndpoint: string }> {
  const doc = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as { authorization_endpoint: string; token_endpoint: string };
  const verifier = b64url(randomBytes(32));
  const nonce = opts.nonce ?? b64url(randomBytes(16));
  const state = b64url(randomBytes(16));
  const auth = new URL(doc.authorization_endpoint);
  for (const [k, v] of Object.entries({
    response_type: 'code', client_id: clientId, redirect_uri: REDIRECT_URI, scope: opts.scope ?? 'openid email profile', state, nonce,
    code_challenge: b64url(createHash('sha256').update(verifier).digest()), code_challenge_method: 'S256',
  })) auth.searchParams.set(k, v);

  const jar = new Map<string, string>();
  const go = async (url: string, init: RequestInit = {}) => {
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), Cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    return res;
  };
  let res = await go(auth.href);
  let location = new URL(res.headers.get('location')!, issuer).href;
  await go(location); // the sign-in page
  res = await go(location, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: `sub=${encodeURIComponent(sub)}` });
  location = new URL(res.headers.get('location')!, issuer).href;
  // Back at the authorization endpoint, which answers the redirect URI with the code.
  for (let hops = 0; hops < 5 && !location.startsWith(REDIRECT_URI); hops++) {
    res = await go(location);
    location = new URL(res.headers.get('location')!, issuer).href;
  }
  const back = new URL(location);
  if (back.searchParams.get('state') !== state || !back.searchParams.get('code')) throw new Error(`the provider answered ${back.href}`);
  return { code: back.searchParams.get('code')!, codeVerifier: verifier, redirectUri: REDIRECT_URI, nonce, tokenEndpoint: doc.token_endpoint };
}

/** The same, with the code traded for the ID token by the caller. */
export async function idTokenFrom(issuer: string, clientId: string, sub: string, opts: { nonce?: string; scope?: string } = {}): Promise<{ idToken: string; nonce: string }> {
  const { code, codeVerifier, nonce, tokenEndpoint } = await codeFrom(issuer, clientId, sub, opts);
  const tokens = await fetch(tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, client_id: clientId, code_verifier: codeVerifier }).toString(),
  });
  const json = (await tokens.json()) as { id_token?: string };
  if (!json.id_token) throw new Error(`the token endpoint answered ${JSON.stringify(json)}`);
  return { idToken: json.id_token, nonce };
}
