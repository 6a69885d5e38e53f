import { z } from 'zod';
import { normaliseRecordId } from '../../crm/normalise';
import type { CrmRef } from '../model/account';
import { WRITTEN_KINDS, type WrittenKind } from '../model/records';
import { ApiError, cleanMessage, kindOfStatus, toApiError } from './errors';
import { IdentitySchema, type Identity } from './identity';
import { parseUntrustedJson, readBodyCapped } from './json';
import { wireBase, type WriteBase } from './versions';
import {
  AccountBundleSchema, ApiAccountSchema, ChangesPageSchema, DEFAULT_PAGE_LIMIT, ErrorBodySchema, MAX_BODY_BYTES, MAX_PAGE_LIMIT, putResponseSchema,
  type AccountBundle, type ApiAccount, type ChangesPage, type RecordOf,
} from './schemas';

export interface ApiClientOptions {
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface ApiClient {
  /** The account a CRM page shows, with its records. Throws ApiError (not_found when the server does not know it). */
  lookup(ref: CrmRef): Promise<AccountBundle>;
  /** One page of the change feed after `since` (undefined: from the beginning). */
  changes(since: string | undefined, limit?: number): Promise<ChangesPage>;
  /**
   * Stores one record; the same key with the same body is answered without a second write.
   * `base` says which fields the write changes and the version each edit started from
   * (data/sync/versions.ts); without it the record is sent as a whole, as before versions.
   */
  putRecord<K extends WrittenKind>(kind: K, record: RecordOf<K>, idempotencyKey: string, base?: WriteBase): Promise<RecordOf<K>>;
  /** Who the token stands for, and in which role. */
  me(): Promise<Identity>;
  /** Sets an account's signing date (null: clears it); answers the account as the server now stores it. */
  setSigned(accountId: string, signedAt: string | null, idempotencyKey: string): Promise<ApiAccount>;
}

const SignedAnswerSchema = z.object({ account: ApiAccountSchema });

/** Answers are bounded well above the largest valid page (1000 records of at most ~16 KB). */
const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/**
 * A client of the team API. Every answer is read with a size cap, parsed
 * without prototype keys and validated with zod before the caller sees it;
 * every failure is an ApiError. The token goes only into the Authorization
 * header: never into a URL, a log or an error message.
 */
export function createApiClient(opts: ApiClientOptions): ApiClient {
  const { token, timeoutMs = 10_000 } = opts;
  const doFetch = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const base = opts.baseUrl.replace(/\/+$/, '');

  async function call<T>(method: 'GET' | 'PUT', path: string, schema: z.ZodType<T>, extra: { body?: string; headers?: Record<string, string> } = {}): Promise<T> {
    let res: Response;
    let text: string;
    try {
      res = await doFetch(`${base}/v1${path}`, {
        method,
        headers: { Accept: 'application/json', Authorization: `Bearer ${token}`, ...extra.headers },
        ...(extra.body !== undefined ? { body: extra.body } : {}),
        // A redirect would be followed with the token attached; the user fixes the base URL instead.
        redirect: 'manual',
        credentials: 'omit',
        signal: AbortSignal.timeout(timeoutMs),
      });
      // The body is read under the same timeout: a server that stalls mid-answer times out too.
      text = await readBodyCapped(res, MAX_RESPONSE_BYTES).catch((err: unknown) => {
        if (err instanceof Error && err.name === 'UnsafeJsonError') throw new ApiError('malformed', 'The team server sent an oversized or undecodable answer.');
        throw err;
      });
    } catch (err) {
      throw toApiError(err);
    }
    if (res.status === 0 || (res.status >= 300 && res.status < 400)) {
      throw new ApiError('rejected', 'The team server redirected the request; check the server address.', { status: res.status });
    }
    if (res.status >= 400) throw errorFromResponse(res, text);
    let data: unknown;
    try {
      data = parseUntrustedJson(text);
    } catch {
      throw new ApiError('malformed', 'The team server sent an answer that is not safe JSON.', { status: res.status });
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      // Only paths, never values: a value could be huge or carry anything.
      const where = parsed.error.issues.slice(0, 3).map((i) => i.path.join('.') || '(root)').join(', ');
      throw new ApiError('malformed', `The team server sent an invalid answer (${where}).`, { status: res.status });
    }
    return parsed.data;
  }

  function errorFromResponse(res: Response, text: string): ApiError {
    let body: z.infer<typeof ErrorBodySchema> | undefined;
    try {
      const parsed = ErrorBodySchema.safeParse(parseUntrustedJson(text));
      if (parsed.success) body = parsed.data;
    } catch {
      // An unreadable error body still has a status, which is what decides.
    }
    const retryAfter = Number(res.headers.get('retry-after'));
    return new ApiError(kindOfStatus(res.status), cleanMessage(body?.error.message ?? `The team server answered ${res.status}.`, token), {
      status: res.status,
      ...(body ? { code: body.error.code } : {}),
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: Math.min(retryAfter, 3600) * 1000 } : {}),
    });
  }

  return {
    me: () => call('GET', '/me', IdentitySchema),
    lookup(ref) {
      const q = new URLSearchParams({ crm: ref.crm, recordId: normaliseRecordId(ref.crm, ref.recordId) ?? ref.recordId.trim() });
      if (ref.orgKey) q.set('orgKey', ref.orgKey);
      return call('GET', `/accounts/lookup?${q}`, AccountBundleSchema);
    },
    async changes(since, limit = DEFAULT_PAGE_LIMIT) {
      const n = Math.max(1, Math.min(MAX_PAGE_LIMIT, Math.floor(limit)));
      const q = new URLSearchParams({ limit: String(n) });
      if (since !== undefined) q.set('since', since);
      const page = await call('GET', `/changes?${q}`, ChangesPageSchema);
      if (page.items.length > n) throw new ApiError('malformed', 'The team server sent more changes than asked for.');
      return page;
    },
    async putRecord(kind, record, idempotencyKey, base) {
      const valid = WRITTEN_KINDS[kind].safeParse(record);
      if (!valid.success) throw new ApiError('rejected', 'The record is not valid, so it was not sent.');
      const body = JSON.stringify(base ? { ...record, ...wireBase(base) } : record);
      if (new TextEncoder().encode(body).byteLength > MAX_BODY_BYTES) {
        throw new ApiError('rejected', 'The record is larger than the team server accepts (256 KB).', { code: 'payload_too_large' });
      }
      const path = `/records/${encodeURIComponent(kind)}/${encodeURIComponent(record.id)}`;
      const schema = putResponseSchema(kind) as unknown as z.ZodType<{ record: RecordOf<typeof kind> }>;
      const res = await call('PUT', path, schema, {
        body,
        headers: { 'Content-Type': 'application/json; charset=utf-8', 'Idempotency-Key': idempotencyKey },
      });
      if (res.record.id !== record.id) throw new ApiError('malformed', 'The team server answered with another record.');
      return res.record;
    },
    async setSigned(accountId, signedAt, idempotencyKey) {
      const res = await call('PUT', `/accounts/${encodeURIComponent(accountId)}/signed`, SignedAnswerSchema, {
        body: JSON.stringify({ signedAt }),
        headers: { 'Content-Type': 'application/json; charset=utf-8', 'Idempotency-Key': idempotencyKey },
      });
      if (res.account.id !== accountId) throw new ApiError('malformed', 'The team server answered with another account.');
      return res.account;
    },
  };
}
