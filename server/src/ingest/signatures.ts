import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Sql } from '../db';

/**
 * Signed webhooks. The ingest key says which team a request is for; a signing
 * secret, when a team sets one for a source, also proves the body came from
 * that help desk unchanged and recently (a replay older than the tolerance
 * is refused). Two schemes:
 * - `zendesk`: Zendesk's own, base64(HMAC-SHA256(secret, timestamp + body)) in
 *   X-Zendesk-Webhook-Signature, the timestamp in
 *   X-Zendesk-Webhook-Signature-Timestamp
 *   (https://developer.zendesk.com/documentation/webhooks/verifying/).
 * - every other source: the Standard Webhooks scheme, HMAC-SHA256 over
 *   `id.timestamp.body` in the `webhook-id`, `webhook-timestamp` (Unix seconds)
 *   and `webhook-signature` (`v1,<base64>`, several separated by spaces)
 *   headers (https://www.standardwebhooks.com/), which forwarders and most
 *   webhook relays can send.
 * Secrets are kept in the server's database, never logged or echoed back.
 */
export const SIGNATURE_TOLERANCE_MS = 5 * 60_000;
/** Zendesk's and Freshdesk's ticket webhooks, tickets in the lens shape, NPS responses. */
export const SIGNED_SOURCES = ['zendesk', 'freshdesk', 'tickets', 'nps'] as const;
export type SignedSource = (typeof SIGNED_SOURCES)[number];

export type Verdict = { ok: true } | { ok: false; message: string };

type Headers = (name: string) => string | undefined;

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A signature timestamp as milliseconds: Unix seconds, or an ISO 8601 date-time (Zendesk's form). */
function timestampMs(value: string): number | null {
  if (/^\d{9,11}$/.test(value)) return Number(value) * 1000;
  if (/^\d{4}-\d{2}-\d{2}T/.test(value) && value.length <= 40) {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : ms;
  }
  return null;
}

function fresh(stamp: string | undefined, header: string, now: Date): Verdict {
  if (!stamp) return { ok: false, message: `the ${header} header is missing` };
  const ms = timestampMs(stamp.trim());
  if (ms === null) return { ok: false, message: `the ${header} header is not a time` };
  if (Math.abs(now.getTime() - ms) > SIGNATURE_TOLERANCE_MS) {
    return { ok: false, message: `the signature is more than ${SIGNATURE_TOLERANCE_MS / 60_000} minutes old or ahead (a replay, or a clock that is off)` };
  }
  return { ok: true };
}

/** The key of a Standard Webhooks secret: `whsec_` + base64 is the key's bytes; any other text is used as it is. */
function standardKey(secret: string): Buffer {
  const m = /^whsec_([A-Za-z0-9+/=]+)$/.exec(secret);
  return m ? Buffer.from(m[1]!, 'base64') : Buffer.from(secret, 'utf8');
}

export function verifySignature(source: SignedSource, secret: string, header: Headers, body: string, now: Date): Verdict {
  if (source === 'zendesk') {
    const stampName = 'X-Zendesk-Webhook-Signature-Timestamp';
    const stamp = header(stampName);
    const when = fresh(stamp, stampName, now);
    if (!when.ok) return when;
    const given = header('X-Zendesk-Webhook-Signature');
    if (!given) return { ok: false, message: 'the X-Zendesk-Webhook-Signature header is missing' };
    const ok = sameBytes(Buffer.from(given.trim(), 'base64'), hmac(secret, `${stamp}${body}`));
    return ok ? { ok: true } : { ok: false, message: 'the signature does not match this body and the team’s signing secret' };
  }
  const id = header('webhook-id');
  if (!id) return { ok: false, message: 'the webhook-id header is missing' };
  const stamp = header('webhook-timestamp');
  const when = fresh(stamp, 'webhook-timestamp', now);
  if (!when.ok) return when;
  if (!/^\d{9,11}$/.test(stamp!.trim())) return { ok: false, message: 'the webhook-timestamp header must be Unix seconds' };
  const signatures = (header('webhook-signature') ?? '').split(' ').filter(Boolean);
  if (!signatures.length) return { ok: false, message: 'the webhook-signature header is missing' };
  const expected = hmac(standardKey(secret), `${id}.${stamp!.trim()}.${body}`);
  const match = signatures.some((s) => s.startsWith('v1,') && sameBytes(Buffer.from(s.slice(3), 'base64'), expected));
  return match ? { ok: true } : { ok: false, message: 'no v1 signature matches this body and the team’s signing secret' };
}

/** A new Standard Webhooks secret (`whsec_` + 32 random bytes in base64), for sources that let the sender set one. */
export const newSigningSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

export async function signingSecretOf(sql: Sql, teamId: string, source: SignedSource): Promise<string | null> {
  const { rows } = await sql.query<{ secret: string }>('select secret from webhook_secrets where team_id = $1 and source = $2', [teamId, source]);
  return rows[0]?.secret ?? null;
}

export async function setSigningSecret(sql: Sql, teamId: string, source: SignedSource, secret: string, now: Date): Promise<void> {
  await sql.query('insert into teams (id, name) values ($1, $1) on conflict (id) do nothing', [teamId]);
  await sql.query(
    `insert into webhook_secrets (team_id, source, secret, updated_at) values ($1, $2, $3, $4)
     on conflict (team_id, source) do update set secret = excluded.secret, updated_at = excluded.updated_at`,
    [teamId, source, secret, now.toISOString()],
  );
}

export async function removeSigningSecret(sql: Sql, teamId: string, source: SignedSource): Promise<boolean> {
  const { rows } = await sql.query('delete from webhook_secrets where team_id = $1 and source = $2 returning source', [teamId, source]);
  return rows.length > 0;
}
