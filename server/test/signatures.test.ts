// @vitest-environment node
import { createHmac } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestCli } from '../src/ingest/cli';
import { createIngestKey } from '../src/ingest/keys';
import { setSigningSecret, verifySignature } from '../src/ingest/signatures';
import { fakeAccounts } from '../../tests/support/fake-api-data';
import { backends, Harness, useBackend } from './helpers';

/**
 * Signed help-desk webhooks: Zendesk's scheme and the Standard Webhooks one,
 * checked only for the sources a team set a secret for, replays refused.
 */
const NOW = new Date('2026-11-20T12:00:00.000Z');
const SECRET = 'dGhpcyBpcyBhIHRlc3Qgc2lnbmluZyBzZWNyZXQ';
const STD_SECRET = `whsec_${Buffer.from('standard webhooks key bytes, 32!').toString('base64')}`;

const zendeskSign = (secret: string, stamp: string, body: string) => createHmac('sha256', secret).update(stamp + body).digest('base64');
const standardSign = (secret: string, id: string, stamp: string, body: string) => {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${stamp}.${body}`).digest('base64')}`;
};
const headersOf = (h: Record<string, string>) => (name: string) => Object.entries(h).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
const unix = (d: Date) => String(Math.floor(d.getTime() / 1000));

describe('verifySignature', () => {
  const body = '{"id":"T1","status":"open","at":"2026-11-20T11:00:00Z"}';

  it('takes Zendesk’s base64 HMAC of timestamp + body, and refuses a changed body, another secret or an old timestamp', () => {
    const stamp = '2026-11-20T11:58:00Z';
    const good = { 'X-Zendesk-Webhook-Signature': zendeskSign(SECRET, stamp, body), 'X-Zendesk-Webhook-Signature-Timestamp': stamp };
    expect(verifySignature('zendesk', SECRET, headersOf(good), body, NOW)).toEqual({ ok: true });
    expect(verifySignature('zendesk', SECRET, headersOf(good), body.replace('open', 'solved'), NOW).ok).toBe(false);
    expect(verifySignature('zendesk', 'another-secret-entirely', headersOf(good), body, NOW).ok).toBe(false);
    const old = '2026-11-20T11:54:59Z';
    const replay = verifySignature('zendesk', SECRET, headersOf({ 'X-Zendesk-Webhook-Signature': zendeskSign(SECRET, old, body), 'X-Zendesk-Webhook-Signature-Timestamp': old }), body, NOW);
    expect(replay).toEqual({ ok: false, message: expect.stringContaining('more than 5 minutes') });
    expect(verifySignature('zendesk', SECRET, headersOf({ 'X-Zendesk-Webhook-Signature-Timestamp': stamp }), body, NOW)).toEqual({ ok: false, message: 'the X-Zendesk-Webhook-Signature header is missing' });
    expect(verifySignature('zendesk', SECRET, headersOf({ 'X-Zendesk-Webhook-Signature': 'x' }), body, NOW).ok).toBe(false);
  });

  it('takes a Standard Webhooks v1 signature among several, and refuses a wrong id, a future timestamp or no v1', () => {
    const stamp = unix(new Date(NOW.getTime() - 60_000));
    const sig = standardSign(STD_SECRET, 'msg_1', stamp, body);
    const h = { 'webhook-id': 'msg_1', 'webhook-timestamp': stamp, 'webhook-signature': `v1,bm90IGl0 ${sig}` };
    expect(verifySignature('tickets', STD_SECRET, headersOf(h), body, NOW)).toEqual({ ok: true });
    expect(verifySignature('tickets', STD_SECRET, headersOf({ ...h, 'webhook-id': 'msg_2' }), body, NOW).ok).toBe(false);
    expect(verifySignature('tickets', STD_SECRET, headersOf({ ...h, 'webhook-signature': sig.replace('v1,', 'v2,') }), body, NOW).ok).toBe(false);
    const ahead = unix(new Date(NOW.getTime() + 6 * 60_000));
    expect(verifySignature('nps', STD_SECRET, headersOf({ ...h, 'webhook-timestamp': ahead, 'webhook-signature': standardSign(STD_SECRET, 'msg_1', ahead, body) }), body, NOW).ok).toBe(false);
    expect(verifySignature('nps', STD_SECRET, headersOf({ ...h, 'webhook-timestamp': '2026-11-20T11:59:00Z' }), body, NOW)).toEqual({ ok: false, message: 'the webhook-timestamp header must be Unix seconds' });
  });
});

describe.each(backends())('signed webhooks on $name', (backend) => {
  useBackend(backend);

  async function setup() {
    const h = new Harness(await backend.fresh(), () => NOW);
    await h.seed('team-a', fakeAccounts(1));
    const { key } = await createIngestKey(h.sql, 'team-a', 'help desk');
    const post = (path: string, body: string, headers: Record<string, string> = {}) =>
      h.request(path, { method: 'POST', headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', ...headers }, body });
    return { h, post };
  }
  const ticket = JSON.stringify({ id: 'T9', status: 'open', priority: 'high', at: '2026-11-20T11:00:00Z', groupId: '100001' });
  const tickets = async (h: Harness) => Number((await h.sql.query<{ n: string | number }>('select count(*) as n from tickets')).rows[0]!.n);

  it('without a secret the ingest key is enough; with one, only a correct, recent signature is stored', async () => {
    const { h, post } = await setup();
    expect((await post('/v1/events/tickets', ticket)).status).toBe(200);
    await setSigningSecret(h.sql, 'team-a', 'tickets', STD_SECRET, NOW);
    const unsigned = await post('/v1/events/tickets', ticket.replace('T9', 'T10'));
    expect(unsigned.status).toBe(401);
    expect(unsigned.json).toMatchObject({ error: { code: 'unauthorized', message: 'tickets webhook refused: the webhook-id header is missing' } });
    const stamp = unix(NOW);
    const body = ticket.replace('T9', 'T11');
    const signed = { 'webhook-id': 'msg_11', 'webhook-timestamp': stamp, 'webhook-signature': standardSign(STD_SECRET, 'msg_11', stamp, body) };
    expect((await post('/v1/events/tickets', body, signed)).status).toBe(200);
    expect((await post('/v1/events/tickets', body.replace('high', 'low'), signed)).status).toBe(401);
    expect(await tickets(h)).toBe(2); // T9 before the secret, T11 signed; T10 and the altered T11 refused
    // NPS is its own source: a secret for tickets does not make NPS need one.
    expect((await post('/v1/events/nps', JSON.stringify({ id: 'n1', score: 9, respondedAt: '2026-11-20T10:00:00Z', groupId: '100001' }))).status).toBe(200);
  });

  it('checks a Zendesk webhook with Zendesk’s headers, and never echoes the secret', async () => {
    const { h, post } = await setup();
    await setSigningSecret(h.sql, 'team-a', 'zendesk', SECRET, NOW);
    const body = JSON.stringify({
      type: 'zen:event-type:ticket.created', account_id: 1, id: 'ev-1', time: '2026-11-20T11:00:00Z', subject: 'zen:ticket:1',
      detail: { id: '1', status: 'NEW', priority: 'HIGH', organization_id: '100001', requester_id: 'u1', created_at: '2026-11-20T11:00:00Z' },
    });
    const stamp = '2026-11-20T11:59:30Z';
    const ok = await post('/v1/events/tickets?format=zendesk', body, { 'X-Zendesk-Webhook-Signature': zendeskSign(SECRET, stamp, body), 'X-Zendesk-Webhook-Signature-Timestamp': stamp });
    expect(ok.status, ok.text).toBe(200);
    const wrong = await post('/v1/events/tickets?format=zendesk', body, { 'X-Zendesk-Webhook-Signature': zendeskSign('not-the-secret-at-all', stamp, body), 'X-Zendesk-Webhook-Signature-Timestamp': stamp });
    expect(wrong.status).toBe(401);
    expect(wrong.text).not.toContain(SECRET);
    // Freshdesk has no secret set: unsigned is fine.
    expect((await post('/v1/events/tickets?format=freshdesk', JSON.stringify({ freshdesk_webhook: { ticket_id: 5, ticket_status: 'Open', ticket_priority: 'Low', ticket_company_id: '100001', triggered_at: '2026-11-20T10:00:00Z' } }))).status).toBe(200);
  });

  it('the CLI sets a secret from a file or generates one, refuses a weak one, and removes it', async () => {
    const { h, post } = await setup();
    const lines: string[] = [];
    const cli = (...argv: string[]) => ingestCli(h.sql, argv, (s) => lines.push(s));
    const dir = mkdtempSync(join(tmpdir(), 'lens-signing-'));
    writeFileSync(join(dir, 'weak'), 'short\n');
    writeFileSync(join(dir, 'zendesk'), `${SECRET}\n`);
    expect(await cli('ingest', 'signing', 'set', '--team', 'team-a', '--source', 'zendesk', '--secret-file', join(dir, 'weak'))).toBe(1);
    expect(await cli('ingest', 'signing', 'set', '--team', 'team-a', '--source', 'zendesk', '--generate')).toBe(2);
    expect(await cli('ingest', 'signing', 'set', '--team', 'team-a', '--source', 'jira', '--generate')).toBe(2);
    expect(await cli('ingest', 'signing', 'set', '--team', 'team-a', '--source', 'zendesk', '--secret-file', join(dir, 'zendesk'))).toBe(0);
    expect(lines.join('\n')).not.toContain(SECRET);
    expect(await cli('ingest', 'signing', 'set', '--team', 'team-a', '--source', 'tickets', '--generate')).toBe(0);
    const generated = /whsec_[A-Za-z0-9+/=]+/.exec(lines.at(-1)!)![0];
    expect((await post('/v1/events/tickets', ticket)).status).toBe(401);
    const stamp = unix(NOW);
    expect((await post('/v1/events/tickets', ticket, { 'webhook-id': 'a', 'webhook-timestamp': stamp, 'webhook-signature': standardSign(generated, 'a', stamp, ticket) })).status).toBe(200);
    expect(await cli('ingest', 'signing', 'remove', '--team', 'team-a', '--source', 'tickets')).toBe(0);
    expect((await post('/v1/events/tickets', ticket)).status).toBe(200);
  });
});
