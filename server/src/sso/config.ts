import { ROLES, type Role } from '../auth';

/**
 * Single sign-on settings, from the environment (docs/sso.md). Off unless
 * LENS_OIDC_ISSUER is set; then every other setting must make sense, or the
 * server refuses to start with the reason.
 */
export interface SsoConfig {
  /** The provider's issuer exactly as its ID tokens name it (no trailing slash added or removed). */
  issuer: string;
  /** The client id the extension registered with the provider: the audience of its ID tokens. */
  clientId: string;
  /** The team people join when they sign in. */
  team: string;
  /** E-mail domains whose verified addresses may sign in (lower case). */
  domains: string[];
  /** The role a person gets the first time they sign in; a manager changes it on the admin page. */
  role: Role;
  /** What the extension asks the provider for. */
  scopes: string;
  /** How long an access token works (default 10 minutes); the extension refreshes it before. */
  accessMs: number;
  /** How long a session lasts before the person signs in at the provider again (default 12 hours). */
  sessionMs: number;
  /**
   * Whether the ID token must say `email_verified: true` (default). Only for a provider that hands out
   * addresses from the company's own directory and sends no such claim (LENS_OIDC_EMAIL_VERIFIED=directory).
   */
  requireVerifiedEmail: boolean;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** The settings the environment describes, undefined when SSO is off; throws an Error naming the setting to fix. */
export function ssoConfigFromEnv(env: Record<string, string | undefined>): SsoConfig | undefined {
  const issuer = env.LENS_OIDC_ISSUER?.trim();
  if (!issuer) return undefined;
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new Error(`LENS_OIDC_ISSUER must be the provider's issuer URL, not "${issuer}"`);
  }
  if (!(url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))) || url.search || url.hash) {
    throw new Error('LENS_OIDC_ISSUER must be an https:// address (http:// only for a provider on this machine), without ? or #');
  }
  const clientId = env.LENS_OIDC_CLIENT_ID?.trim();
  if (!clientId) throw new Error('LENS_OIDC_CLIENT_ID must be set: the client id of Account Lens at the provider');
  const team = env.LENS_OIDC_TEAM?.trim();
  if (!team) throw new Error('LENS_OIDC_TEAM must be set: the team people join when they sign in');
  const domains = (env.LENS_OIDC_DOMAINS ?? '').split(',').map((d) => d.trim().toLowerCase()).filter(Boolean);
  if (domains.length === 0) throw new Error('LENS_OIDC_DOMAINS must list the e-mail domains that may sign in, e.g. "acme.com,acme.cn"');
  const badDomain = domains.find((d) => !DOMAIN.test(d));
  if (badDomain) throw new Error(`LENS_OIDC_DOMAINS: "${badDomain}" is not a domain name`);
  const role = (env.LENS_OIDC_ROLE?.trim() || 'sales') as Role;
  if (!ROLES.includes(role)) throw new Error(`LENS_OIDC_ROLE must be one of ${ROLES.join(', ')}, not "${role}"`);
  const minutes = (name: string, fallback: number, max: number) => {
    const text = env[name]?.trim();
    if (!text) return fallback * 60_000;
    const n = Number(text);
    if (!(Number.isInteger(n) && n >= 1 && n <= max)) throw new Error(`${name} must be a whole number of minutes from 1 to ${max}, not "${text}"`);
    return n * 60_000;
  };
  const verified = env.LENS_OIDC_EMAIL_VERIFIED?.trim() || 'claim';
  if (verified !== 'claim' && verified !== 'directory') throw new Error(`LENS_OIDC_EMAIL_VERIFIED must be "claim" or "directory", not "${verified}"`);
  return {
    issuer, clientId, team, domains, role, requireVerifiedEmail: verified === 'claim',
    scopes: env.LENS_OIDC_SCOPES?.trim() || 'openid email profile',
    accessMs: minutes('LENS_OIDC_ACCESS_MINUTES', 10, 60),
    sessionMs: minutes('LENS_OIDC_SESSION_MINUTES', 12 * 60, 30 * 24 * 60),
  };
}
