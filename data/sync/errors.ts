/**
 * Every way a call to the team API can fail, reduced to what the caller must
 * decide: retry later (offline, timeout, server), ask the user for a new token
 * (unauthorized), show the record as refused (rejected, not_found), re-key
 * (conflict), distrust the server's answer (malformed), or sign in again
 * (signed_out: the single sign-on session ended, so there is no token).
 */
export const API_ERROR_KINDS = ['offline', 'unauthorized', 'server', 'timeout', 'malformed', 'rejected', 'conflict', 'not_found', 'signed_out'] as const;
export type ApiErrorKind = (typeof API_ERROR_KINDS)[number];

/** The stable error codes of the contract (docs/api.md). */
export const API_ERROR_CODES = [
  'unauthorized', 'forbidden', 'not_found', 'validation_failed', 'idempotency_conflict', 'payload_too_large', 'rate_limited', 'internal',
] as const;

/** What is kept of an error in the database (meta rows, outbox entries): plain data, never the token. */
export interface ApiErrorInfo {
  kind: ApiErrorKind;
  status?: number;
  /** The server's stable code when it sent one (e.g. validation_failed). */
  code?: string;
  /** The server's own words (bounded, token cut out), or the client's when the server said nothing. */
  message: string;
}

export class ApiError extends Error implements ApiErrorInfo {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  readonly status?: number;
  readonly code?: string;
  /** From Retry-After on 429/503: the earliest moment worth retrying. */
  readonly retryAfterMs?: number;

  constructor(kind: ApiErrorKind, message: string, extra: { status?: number; code?: string; retryAfterMs?: number } = {}) {
    super(message);
    this.kind = kind;
    if (extra.status !== undefined) this.status = extra.status;
    if (extra.code !== undefined) this.code = extra.code;
    if (extra.retryAfterMs !== undefined) this.retryAfterMs = extra.retryAfterMs;
  }

  info(): ApiErrorInfo {
    return {
      kind: this.kind,
      message: this.message,
      ...(this.status !== undefined ? { status: this.status } : {}),
      ...(this.code !== undefined ? { code: this.code } : {}),
    };
  }
}

/**
 * The kind an HTTP error status maps to. 408 and 429 are transient, so they
 * retry like 5xx. Every other 4xx but 401 and 409 is a refusal of this one
 * request: 403 is the caller's role not allowing this write (the token is
 * fine, so the other writes still go), not a bad token.
 */
export function kindOfStatus(status: number): ApiErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 408) return 'timeout';
  if (status === 429 || status >= 500) return 'server';
  return 'rejected';
}

/** Anything thrown while talking to the server, as an ApiError (fetch failures have no status). */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const name = err instanceof Error || err instanceof DOMException ? err.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return new ApiError('timeout', 'The team server did not answer in time.');
  // fetch rejects with a TypeError for DNS, refused and reset connections; anything
  // else unexpected is treated the same way: the request did not get an answer.
  return new ApiError('offline', 'Could not reach the team server.');
}

/** The server's text, bounded and with the token cut out, in case a server echoes the request. */
export function cleanMessage(message: string, token: string): string {
  const cut = token.length >= 4 ? message.split(token).join('[redacted]') : message;
  return cut.slice(0, 300);
}
