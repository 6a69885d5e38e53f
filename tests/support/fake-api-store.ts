import { normaliseRecordId } from '../../crm/normalise';
import { CRM_IDS, type CrmId } from '../../crm/types';
import { parseUntrustedJson, stableStringify } from '../../data/sync/json';
import type { AccountBundle, ApiAccount, ChangeItem, WrittenRecord } from '../../data/sync/schemas';
import { MAX_PAGE_LIMIT, DEFAULT_PAGE_LIMIT } from '../../data/sync/schemas';
import { WRITTEN_KINDS, type WrittenKind } from '../../data/model/records';
import { mergeWrite, readWriteBase, type FieldMarks } from '../../data/sync/versions';

/**
 * The team API's data, in memory: what the fake server (fake-api.ts) serves.
 * Answers are { status, body } so the HTTP layer stays thin.
 */
export interface Answer {
  status: number;
  body: unknown;
}

/** A write the server accepted and applied: replays of the same key are not listed again. */
export interface AcceptedWrite {
  key: string;
  kind: WrittenKind;
  id: string;
  record: WrittenRecord;
}

const KINDS = Object.keys(WRITTEN_KINDS) as WrittenKind[];
const isKind = (k: string): k is WrittenKind => (KINDS as string[]).includes(k);
export const apiError = (status: number, code: string, message: string): Answer => ({ status, body: { error: { code, message } } });

/** Cursors are opaque to clients; here, a base64url position in the change log. */
const encodeCursor = (pos: number) => Buffer.from(`pos:${pos}`).toString('base64url');
function decodeCursor(cursor: string): number | null {
  const m = /^pos:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  return m ? Number(m[1]) : null;
}

/** A write's body, parsed, when it carries an Idempotency-Key; else the 422 the server answers. */
function keyedBody(key: string | undefined, text: string): { data: unknown; key: string } | Answer {
  if (!key || key.length > 200) return apiError(422, 'validation_failed', 'Idempotency-Key header is required');
  try {
    return { data: parseUntrustedJson(text), key };
  } catch {
    return apiError(422, 'validation_failed', 'body is not JSON');
  }
}

export class FakeStore {
  readonly accounts = new Map<string, ApiAccount>();
  readonly records = new Map<string, WrittenRecord>();
  readonly writes: AcceptedWrite[] = [];
  private readonly log: { kind: 'accounts' | WrittenKind; id: string }[] = [];
  private readonly idempotency = new Map<string, { body: string; answer: Answer }>();
  private readonly marks = new Map<string, FieldMarks>();
  /** The server's clock for field marks; tests may set it. */
  now: () => Date = () => new Date();

  constructor(private readonly author = 'team-user') {}

  seedAccounts(accounts: ApiAccount[]): void {
    for (const a of accounts) {
      const account = { ...a, recordId: normaliseRecordId(a.crm, a.recordId) ?? a.recordId };
      this.accounts.set(a.id, account);
      this.log.push({ kind: 'accounts', id: a.id });
    }
  }

  seedRecord(kind: WrittenKind, record: WrittenRecord): void {
    this.records.set(`${kind}/${record.id}`, record);
    this.log.push({ kind, id: record.id });
  }

  lookup(q: URLSearchParams): Answer {
    const crm = q.get('crm') ?? '';
    const raw = q.get('recordId') ?? '';
    if (!(CRM_IDS as readonly string[]).includes(crm) || !raw) return apiError(422, 'validation_failed', 'crm and recordId are required');
    const recordId = normaliseRecordId(crm as CrmId, raw) ?? raw.trim();
    const orgKey = q.get('orgKey') ?? undefined;
    const rows = [...this.accounts.values()].filter((a) => a.crm === crm && a.recordId === recordId);
    const account =
      rows.find((a) => a.orgKey !== undefined && a.orgKey === orgKey) ??
      rows.find((a) => a.orgKey === undefined || orgKey === undefined);
    if (!account) return apiError(404, 'not_found', 'no such account');
    const bundle = { account } as Record<string, unknown>;
    for (const kind of KINDS) {
      bundle[kind] = [...this.records.entries()].filter(([k, r]) => k.startsWith(`${kind}/`) && r.accountId === account.id).map(([, r]) => r);
    }
    return { status: 200, body: bundle as unknown as AccountBundle };
  }

  changes(q: URLSearchParams): Answer {
    const limitText = q.get('limit');
    const limit = limitText === null ? DEFAULT_PAGE_LIMIT : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_LIMIT) return apiError(422, 'validation_failed', 'limit must be 1..1000');
    const since = q.get('since');
    const from = since === null ? 0 : decodeCursor(since);
    if (from === null) return apiError(422, 'validation_failed', 'unknown cursor');
    const slice = this.log.slice(from, from + limit);
    const items: ChangeItem[] = slice.map(({ kind, id }) =>
      kind === 'accounts'
        ? { kind, record: this.accounts.get(id)! }
        : ({ kind, record: this.records.get(`${kind}/${id}`)! } as ChangeItem),
    );
    const next = from + slice.length;
    return { status: 200, body: { items, nextCursor: encodeCursor(next), hasMore: next < this.log.length } };
  }

  /** `caller`: who is writing (the real server knows it from the token); else the record's author or the default. */
  put(kind: string, id: string, keyGiven: string | undefined, text: string, caller?: string): Answer {
    if (!isKind(kind)) return apiError(404, 'not_found', `no record kind ${kind}`);
    const read = keyedBody(keyGiven, text);
    if ('status' in read) return read;
    const { data, key } = read;
    const canonical = stableStringify(data);
    const seen = this.idempotency.get(key);
    if (seen) return seen.body === canonical ? seen.answer : apiError(409, 'idempotency_conflict', 'key already used with another body');
    const parsed = WRITTEN_KINDS[kind].safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return apiError(422, 'validation_failed', `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
    }
    if (parsed.data.id !== id) return apiError(422, 'validation_failed', 'id in the path and the body differ');
    const base = readWriteBase(data);
    if (base && 'error' in base) return apiError(422, 'validation_failed', base.error);
    // Merged field by field as the real server does (data/sync/versions.ts).
    const at = `${kind}/${id}`;
    const before = this.records.get(at);
    const who = caller ?? parsed.data.author ?? this.author;
    const merged = mergeWrite(before ? { data: before as unknown as Record<string, unknown>, marks: this.marks.get(at) ?? {} } : undefined, parsed.data, base, { by: who, at: this.now().toISOString() });
    // The server may set author; this one keeps the first writer's, or fills it when the client gave none.
    const record = (merged.changed ? { ...merged.data, id, author: before?.author ?? who, updatedAt: parsed.data.updatedAt } : before) as WrittenRecord;
    if (merged.changed) {
      this.records.set(at, record);
      this.marks.set(at, merged.marks);
      this.log.push({ kind, id });
      this.writes.push({ key, kind, id, record });
    }
    const answer = { status: 200, body: { record } };
    this.idempotency.set(key, { body: canonical, answer });
    return answer;
  }

  /** PUT /v1/accounts/{id}/signed: the account's signing date set (a date) or cleared (null), once per key. */
  signed(id: string, keyGiven: string | undefined, text: string): Answer {
    const read = keyedBody(keyGiven, text);
    if ('status' in read) return read;
    const { data, key } = read;
    const signedAt = (data as { signedAt?: unknown } | null)?.signedAt;
    if (signedAt !== null && (typeof signedAt !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(signedAt))) return apiError(422, 'validation_failed', 'signedAt: a date or null');
    const canonical = stableStringify({ id, signedAt });
    const seen = this.idempotency.get(key);
    if (seen) return seen.body === canonical ? seen.answer : apiError(409, 'idempotency_conflict', 'key already used with another body');
    const stored = this.accounts.get(id);
    if (!stored) return apiError(404, 'not_found', `account ${id} is not on this server`);
    const { signedAt: _was, ...rest } = stored;
    const account: ApiAccount = { ...rest, ...(signedAt ? { signedAt } : {}) };
    if (stored.signedAt !== (signedAt ?? undefined)) {
      this.accounts.set(id, account);
      this.log.push({ kind: 'accounts', id });
    }
    const answer = { status: 200, body: { account } };
    this.idempotency.set(key, { body: canonical, answer });
    return answer;
  }
}
