import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { createApiClient, type ApiClient } from './client';

/**
 * Where the data comes from: only this browser (the default), or the team
 * API. The token lives only here, in storage.local, which the background
 * restricts to trusted extension contexts (never content scripts).
 */

/** Plain http only reaches a server on this machine; anything else must be https. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The base URL without a trailing slash, or null when it is not a usable server address. */
export function checkBaseUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  // Credentials in the URL would travel outside the Authorization header; a query or fragment would be dropped.
  if (!secure || url.username || url.password || url.search || url.hash) return null;
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

const BaseUrlSchema = z
  .string()
  .max(2000)
  .transform((s, ctx) => checkBaseUrl(s) ?? (ctx.addIssue({ code: 'custom', message: 'must be an https:// address (http:// only for localhost)' }), z.NEVER));

// Sent as an HTTP header (or a request body), so visible ASCII only.
const TokenSchema = z.string().trim().min(1).max(4096).regex(/^[\x21-\x7e]+$/, 'must be the token text, without spaces');

/**
 * A single sign-on session: the refresh token that gets the next access
 * token, when the current one ends, and who the server says signed in.
 */
export const SsoSessionSchema = z.object({
  refreshToken: TokenSchema,
  expiresAt: z.iso.datetime({ offset: true }),
  user: z.object({ name: z.string().min(1).max(320), role: z.string().min(1).max(50), team: z.string().min(1).max(200) }),
});
export type SsoSession = z.output<typeof SsoSessionSchema>;

export const DataSourceSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('local') }),
  z.object({
    mode: z.literal('api'),
    baseUrl: BaseUrlSchema,
    // Absent only when signed out of single sign-on: the server is kept, nothing is sent until the next sign-in.
    token: TokenSchema.optional(),
    maxAgeMinutes: z.number().int().min(1).max(24 * 60).default(15),
    /** Present when the token came from single sign-on (data/sync/sso.ts) rather than being pasted. */
    session: SsoSessionSchema.optional(),
  }),
]);
export type DataSource = z.output<typeof DataSourceSchema>;
export type ApiSource = Extract<DataSource, { mode: 'api' }>;

export const dataSourceItem = storage.defineItem<DataSource>('local:dataSource', {
  fallback: { mode: 'local' },
  version: 1,
});

/** The stored data source; anything that no longer validates counts as local rather than trusted. */
export async function readDataSource(): Promise<DataSource> {
  const parsed = DataSourceSchema.safeParse(await dataSourceItem.getValue());
  return parsed.success ? parsed.data : { mode: 'local' };
}

/** Validates and stores what the options page submits; throws a ZodError when invalid. */
export async function saveDataSource(input: unknown): Promise<DataSource> {
  const value = DataSourceSchema.parse(input);
  await dataSourceItem.setValue(value);
  return value;
}

/** The optional host permission to request for the server ("https://host/*"; ports are covered by Chrome's pattern). */
export function apiOriginPattern(baseUrl: string): string {
  const checked = checkBaseUrl(baseUrl);
  if (!checked) throw new Error('Not a usable team server address.');
  const url = new URL(checked);
  return `${url.protocol}//${url.hostname}/*`;
}

/** A team server source that has no token to send: signed out of single sign-on. */
export const isSignedOut = (source: DataSource): boolean => source.mode === 'api' && source.token === undefined;

/** A client for the API data source; undefined in local mode and when signed out. */
export function clientFor(source: DataSource, fetchImpl?: typeof fetch): ApiClient | undefined {
  if (source.mode !== 'api' || source.token === undefined) return undefined;
  return createApiClient({ baseUrl: source.baseUrl, token: source.token, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
}
