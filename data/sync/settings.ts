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

export const DataSourceSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('local') }),
  z.object({
    mode: z.literal('api'),
    baseUrl: BaseUrlSchema,
    // Sent as an HTTP header, so visible ASCII only.
    token: z.string().trim().min(1).max(4096).regex(/^[\x21-\x7e]+$/, 'must be the token text, without spaces'),
    maxAgeMinutes: z.number().int().min(1).max(24 * 60).default(15),
  }),
]);
export type DataSource = z.output<typeof DataSourceSchema>;

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

/** A client for the API data source; undefined in local mode. */
export function clientFor(source: DataSource, fetchImpl?: typeof fetch): ApiClient | undefined {
  if (source.mode !== 'api') return undefined;
  return createApiClient({ baseUrl: source.baseUrl, token: source.token, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
}
