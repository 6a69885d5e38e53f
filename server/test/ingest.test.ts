// @vitest-environment node
import { ChangesPageSchema } from '../../data/sync/schemas';
import { createIngestKey, revokeIngestKey } from '../src/ingest/keys';
import { eventTime, pruneEvents } from '../src/ingest/events';
import { fakeAccounts } from '../../tests/support/fake-api-data';
import { backends, expectError, Harness, useBackend } from './helpers';

/**
 * Usage events, tickets and NPS into the team server, on both databases:
 * the ingest key's reach, whole-batch validation, idempotency by messageId,
 * and the daily rollup against a fixture computed by hand.
 */
const NOW = new Date('2026-11-20T12:00:00.000Z');
const DAY = '2026-11-20';

const CONFIG = {
  coreEvents: ['report.created', 'dashboard.shared', 'export.run', 'alert.set'],
  modules: { reports: ['report.created'], dashboards: ['dashboard.shared', 'dashboard.viewed'], billing: ['invoice.paid'] },
  keyAction: { event: 'report.created', timesPerWeek: 2, weeks: 4 },
  accounts: { 'acct-1': { seats: 10, externalIds: ['org-77'] } },
};

let n = 0;
const track = (userId: string | null, event: string, timestamp: string, groupId?: string, extra: Record<string, unknown> = {}) => ({
  type: 'track', messageId: `m-${++n}`, event, timestamp, ...(userId ? { userId } : { anonymousId: 'anon-1' }), ...(groupId ? { context: { groupId } } : {}), ...extra,
});

async function setup(h: Harness) {
  await h.seed('team-a', fakeAccounts(3));
  const { key } = await createIngestKey(h.sql, 'team-a', 'pipeline');
  const manager = await h.token('team-a', 'Mara', 'manager');
  const csm = await h.token('team-a', 'Lee', 'csm');
  const post = (path: string, body: unknown, k = key, headers: Record<string, string> = {}) =>
    h.request(path, { method: 'POST', headers: { Authorization: `Bearer ${k}`, 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { key, manager, csm, post };
}

const count = async (h: Harness, table: string) => Number((await h.sql.query<{ n: string | number }>(`select count(*) as n from ${table}`)).rows[0]!.n);

describe('event time (Segment spec, timestamps)', () => {
  const received = new Date('2026-11-20T12:00:00.000Z');
  it('takes timestamp as given; else corrects the device clock by sentAt; else the time received', () => {
    expect(eventTime({ timestamp: '2026-11-19T08:00:00+08:00' }, undefined, received).toISOString()).toBe('2026-11-19T00:00:00.000Z');
    // The device is 2 hours fast: it stamped 13:55 and sent at 14:00, received at 12:00 → 11:55.
    expect(eventTime({ originalTimestamp: '2026-11-20T13:55:00Z', sentAt: '2026-11-20T14:00:00Z' }, undefined, received).toISOString()).toBe('2026-11-20T11:55:00.000Z');
    expect(eventTime({ originalTimestamp: '2026-11-20T13:55:00Z' }, '2026-11-20T14:00:00Z', received).toISOString()).toBe('2026-11-20T11:55:00.000Z');
    expect(eventTime({}, undefined, received)).toBe(received);
  });
});

describe.each(backends())('usage ingest on $name', (backend) => {
  useBackend(backend);

  describe('the ingest key', () => {
    it('posts events, and is refused everywhere else; a person\'s token is refused on the event endpoints', async () => {
      const h = new Harness(await backend.fresh(), () => NOW);
      const { key, manager, post } = await setup(h);
      const ok = await post('/v1/events', { batch: [track('u1', 'report.created', '2026-11-20T09:00:00Z', '100001')] });
      expect(ok.status, ok.text).toBe(200);
      expect(ok.json).toEqual({ success: true, accepted: 1, duplicates: 0, expired: 0 });
      for (const [method, path] of [['GET', '/v1/me'], ['GET', '/v1/changes'], ['GET', '/v1/accounts/lookup?crm=hubspot&recordId=100001'], ['GET', '/v1/ingest/config'],
        ['PUT', '/v1/ingest/config'], ['POST', '/v1/import'], ['PUT', '/v1/records/notes/n1'], ['GET', '/v1/accounts/acct-1/people'], ['POST', '/v1/ingest/rollup']] as const) {
        const a = await h.request(path, { method, headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', 'Idempotency-Key': 'k1' }, body: method === 'GET' ? undefined : '{}' });
        expect(expectError(a, 403, 'forbidden'), `${method} ${path}`).toMatch(/an ingest key can only post events/);
      }
      for (const path of ['/v1/events', '/v1/events/tickets', '/v1/events/nps']) {
        expect(expectError(await post(path, { batch: [] }, manager), 403, 'forbidden')).toMatch(/ingest key/);
      }
      // Basic authentication with the key as the user name, as Segment's HTTP API sends a write key.
      const basic = await h.request('/v1/events', { method: 'POST', headers: { Authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}`, 'Content-Type': 'application/json' }, body: JSON.stringify(track('u2', 'export.run', '2026-11-20T09:00:00Z')) });
      expect(basic.status, basic.text).toBe(200);
      expect(await count(h, 'events')).toBe(2);
    });

    it('a revoked or made-up key gets 401', async () => {
      const h = new Harness(await backend.fresh(), () => NOW);
      const { key, post } = await setup(h);
      const id = /^lensik_([A-Za-z0-9_-]{12})_/.exec(key)![1]!;
      expect(await revokeIngestKey(h.sql, id)).toBe(true);
      expectError(await post('/v1/events', { batch: [track('u1', 'x', '2026-11-20T09:00:00Z')] }), 401, 'unauthorized');
      expectError(await post('/v1/events', { batch: [] }, `lensik_${'a'.repeat(12)}_${'b'.repeat(43)}`), 401, 'unauthorized');
      expect(await count(h, 'events')).toBe(0);
    });
  });

  describe('POST /v1/events', () => {
    it('refuses a batch with any bad event whole, naming each bad event, and stores nothing', async () => {
      const h = new Harness(await backend.fresh(), () => NOW);
      const { post } = await setup(h);
      const good = track('u1', 'report.created', '2026-11-20T09:00:00Z', '100001');
      const a = await post('/v1/events', { batch: [
        good,
        { type: 'track', messageId: 'bad-1', userId: 'u1', timestamp: '2026-11-20T09:00:00Z' },
        { type: 'track', messageId: 'bad-2', event: 'x', timestamp: '2026-11-20T09:00:00Z' },
        { type: 'purchase', messageId: 'bad-3', userId: 'u1' },
        { type: 'track', messageId: 'bad-4', userId: 'u1', event: 'x', timestamp: 'yesterday' },
        { type: 'track', messageId: 'bad-5', userId: 'u1', event: 'x', timestamp: '2026-11-23T09:00:00Z' },
        { type: 'identify', messageId: 'bad-6', userId: 'u1', traits: { name: 'a\u0000b' } },
        { type: 'identify', messageId: 'bad-7', userId: 'u1', traits: { name: 'a\ud800b' } },
      ] });
      const message = expectError(a, 422, 'validation_failed');
      expect(message).toMatch(/^7 of 8 event\(s\) invalid, nothing stored/);
      const events = (a.json as { error: { events: { index: number; messageId?: string; problems: string[] }[] } }).error.events;
      expect(events.map((e) => [e.index, e.messageId])).toEqual([[1, 'bad-1'], [2, 'bad-2'], [3, 'bad-3'], [4, 'bad-4'], [5, 'bad-5'], [6, 'bad-6'], [7, 'bad-7']]);
      expect(events[0]!.problems.join()).toMatch(/^event:/);
      expect(events[1]!.problems.join()).toMatch(/userId: every call needs a userId or an anonymousId/);
      expect(events[2]!.problems.join()).toMatch(/type: must be one of identify, track, group/);
      expect(events[3]!.problems.join()).toMatch(/timestamp: must be an ISO 8601 date-time/);
      expect(events[4]!.problems.join()).toMatch(/more than a day ahead/);
      expect(events[5]!.problems.join()).toBe('traits.name: must not contain the NUL character (U+0000)');
      expect(events[6]!.problems.join()).toBe('traits.name: must not contain broken Unicode (a lone surrogate)');
      expect(await count(h, 'events')).toBe(0);
      expect(await count(h, 'event_keys')).toBe(0);
      expect(await count(h, 'end_users')).toBe(0);
      // Not JSON, prototype keys, an empty batch, no batch at all: 422 with a message, nothing stored.
      expect(expectError(await post('/v1/events', '{"batch": ['), 422, 'validation_failed')).toBe('body: not valid JSON');
      expect(expectError(await post('/v1/events', '{"batch": [{"__proto__": {}}]}'), 422, 'validation_failed')).toMatch(/__proto__/);
      expect(expectError(await post('/v1/events', { batch: [] }), 422, 'validation_failed')).toMatch(/at least one event/);
      expect(expectError(await post('/v1/events', { events: [good] }), 422, 'validation_failed')).toMatch(/batch/);
      expect(await count(h, 'events')).toBe(0);
    });

    it('stores each messageId once: a batch sent again, or a repeat inside a batch, is counted as a duplicate', async () => {
      const h = new Harness(await backend.fresh(), () => NOW);
      const { post } = await setup(h);
      const batch = [track('u1', 'report.created', '2026-11-20T09:00:00Z', '100001'), track('u2', 'export.run', '2026-11-19T09:00:00Z', '100001')];
      expect((await post('/v1/events', { batch: [...batch, batch[0]] })).json).toEqual({ success: true, accepted: 2, duplicates: 1, expired: 0 });
      const again = await Promise.all([post('/v1/events', { batch }), post('/v1/events', { batch })]);
      for (const a of again) expect(a.json).toEqual({ success: true, accepted: 0, duplicates: 2, expired: 0 });
      expect(await count(h, 'events')).toBe(2);
    });

    it('keeps late and out-of-order events in the day they happened; events past the retention are counted, not stored', async () => {
      const h = new Harness(await backend.fresh(), () => NOW);
      const { post } = await setup(h);
      const a = await post('/v1/events', { sentAt: '2026-11-20T14:00:00Z', batch: [
        track('u1', 'a', '2026-11-20T09:00:00Z'),
        track('u1', 'b', '2026-10-02T23:59:59+08:00'),
        { ...track('u1', 'c', '2026-11-20T00:00:00Z'), timestamp: undefined, originalTimestamp: '2026-11-20T13:00:00Z' },
        track('u1', 'd', '2024-01-01T00:00:00Z'),
      ] });
      expect(a.json).toEqual({ success: true, accepted: 3, duplicates: 0, expired: 1 });
      const { rows } = await h.sql.query<{ event: string; day: string }>(`select event, to_char(ts at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI') as day from events order by event`);
      expect(rows).toEqual([{ event: 'a', day: '2026-11-20T09:00' }, { event: 'b', day: '2026-10-02T15:59' }, { event: 'c', day: '2026-11-20T11:00' }]);
      const parts = await h.sql.query<{ name: string }>(`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent where p.relname = 'events' order by 1`);
      expect(parts.rows.map((r) => r.name)).toEqual(expect.arrayContaining(['events_20261002', 'events_20261120']));
      // The user's last activity is the latest event, whatever order they came in.
      const user = (await h.sql.query<{ last_event: string }>(`select last_event from end_users where user_id = 'u1'`)).rows[0];
      expect(user?.last_event).toBe('c');
      // Retention: the day partitions before the cut-off go, with their messageIds.
      const dropped = await pruneEvents(h.sql, NOW, 30);
      expect(dropped).toContain('2026-10-02');
      expect(await count(h, 'events')).toBe(2);
      expect(await count(h, 'event_keys')).toBe(2);
      // Posting into a dropped day again creates its partition again.
      expect((await post('/v1/events', { batch: [track('u1', 'e', '2026-10-02T10:00:00Z')] })).json).toMatchObject({ accepted: 1 });
    });
  });

  describe('tickets and NPS webhooks', () => {
    it('maps Zendesk, Freshdesk and the plain shape to one row per ticket, whatever order the events come in', async () => {
      const h = new Harness(await backend.fresh(), () => NOW);
      const { post } = await setup(h);
      // Solved arrives before opened.
      expect((await post('/v1/events/tickets', { id: 'T2', status: 'solved', at: '2026-11-05T04:00:00Z', groupId: '100001' })).status).toBe(200);
      expect((await post('/v1/events/tickets', { id: 'T2', status: 'open', priority: 'urgent', at: '2026-11-05T00:00:00Z', groupId: '100001' })).status).toBe(200);
      const zendesk = (type: string, status: string, time: string) => ({
        type: `zen:event-type:ticket.${type}`, account_id: 1, id: `ev-${time}`, time, subject: 'zen:ticket:35436',
        detail: { id: '35436', status, priority: 'HIGH', organization_id: 'org-77', requester_id: 'u3', created_at: '2026-11-10T00:00:00Z' },
      });
      expect((await post('/v1/events/tickets?format=zendesk', zendesk('created', 'NEW', '2026-11-10T00:00:00Z'))).status).toBe(200);
      expect((await post('/v1/events/tickets?format=zendesk', zendesk('status_changed', 'SOLVED', '2026-11-10T10:00:00Z'))).status).toBe(200);
      const fd = await post('/v1/events/tickets?format=freshdesk', { freshdesk_webhook: { ticket_id: 88, ticket_status: 'Open', ticket_priority: 'Medium', ticket_company_id: 'org-77', triggered_at: '2026-11-15T00:00:00Z' } });
      expect(fd.json).toEqual({ success: true, ticket: '88', status: 'open' });
      const { rows } = await h.sql.query<{ source: string; ticket_id: string; status: string; priority: string; opened: string; solved: string | null }>(
        `select source, ticket_id, status, priority, to_char(opened_at at time zone 'UTC', 'MM-DD HH24') as opened, to_char(solved_at at time zone 'UTC', 'MM-DD HH24') as solved from tickets order by ticket_id`);
      expect(rows).toEqual([
        { source: 'zendesk', ticket_id: '35436', status: 'solved', priority: 'high', opened: '11-10 00', solved: '11-10 10' },
        { source: 'freshdesk', ticket_id: '88', status: 'open', priority: 'normal', opened: '11-15 00', solved: null },
        { source: 'lens', ticket_id: 'T2', status: 'solved', priority: 'urgent', opened: '11-05 00', solved: '11-05 04' },
      ]);
      expect(expectError(await post('/v1/events/tickets', { id: 'T9', status: 'exploded', at: '2026-11-05T00:00:00Z' }), 422, 'validation_failed')).toMatch(/^status: not a ticket status/);
      expect(expectError(await post('/v1/events/tickets?format=zendesk', { type: 'zen:event-type:user.created', time: '2026-11-05T00:00:00Z', detail: {} }), 422, 'validation_failed')).toMatch(/type: must be a Zendesk ticket event/);
      expect(expectError(await post('/v1/events/tickets?format=jira', {}), 422, 'validation_failed')).toMatch(/format: one of lens, zendesk, freshdesk/);
      expect(expectError(await post('/v1/events/nps', { id: 'r1', score: 11, userId: 'u1', respondedAt: '2026-11-01T00:00:00Z' }), 422, 'validation_failed')).toMatch(/score: an NPS score is 0 to 10/);
      expect(expectError(await post('/v1/events/nps', { id: 'r1', score: 5, comment: 'ok\u0000', userId: 'u1', respondedAt: '2026-11-01T00:00:00Z' }), 422, 'validation_failed')).toBe('body.comment: must not contain the NUL character (U+0000)');
      expect(await count(h, 'nps_responses')).toBe(0);
      expect(await count(h, 'tickets')).toBe(3);
    });
  });

  describe('configuration', () => {
    it('is read by every role, written by managers only, and refused whole when invalid', async () => {
      const h = new Harness(await backend.fresh(), () => NOW);
      const { manager, csm } = await setup(h);
      const put = (token: string, body: unknown) => h.request('/v1/ingest/config', { method: 'PUT', token, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      expect((await h.get(csm, '/v1/ingest/config')).json).toEqual({ config: { coreEvents: [], modules: {}, accounts: {} } });
      expect(expectError(await put(csm, CONFIG), 403, 'forbidden')).toMatch(/only a manager/);
      expect(expectError(await put(manager, { ...CONFIG, keyAction: { event: 'x', weeks: 40 } }), 422, 'validation_failed')).toMatch(/^keyAction\.weeks:/);
      expect(expectError(await put(manager, { ...CONFIG, seats: 10 }), 422, 'validation_failed')).toMatch(/seats/);
      expect(expectError(await put(manager, { ...CONFIG, coreEvents: ['a\ud800'] }), 422, 'validation_failed')).toMatch(/coreEvents\.0: must not contain broken Unicode/);
      const ok = await put(manager, CONFIG);
      expect(ok.status, ok.text).toBe(200);
      expect((await h.get(csm, '/v1/ingest/config')).json).toEqual({ config: CONFIG });
    });
  });

  describe('the daily rollup', () => {
    /** The fixture: acct-1 (record 100001, external id org-77, 10 seats) over the 28 and 90 days ending 2026-11-20. */
    async function fixture(h: Harness) {
      const s = await setup(h);
      expect((await h.request('/v1/ingest/config', { method: 'PUT', token: s.manager, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(CONFIG) })).status).toBe(200);
      const batch = [
        // Week 0 (Nov 14–20): u1 does the key action twice.
        track('u1', 'report.created', '2026-11-20T09:00:00Z', '100001'),
        track('u1', 'report.created', '2026-11-15T10:00:00Z', '100001'),
        // Week 1 (Nov 7–13): u2, through the external id, twice.
        track('u2', 'report.created', '2026-11-10T08:00:00Z', 'org-77'),
        track('u2', 'report.created', '2026-11-12T08:00:00Z', 'org-77'),
        // u3 belongs to org-77 by a group call; its event carries no group: it counts through the user's group.
        { type: 'group', messageId: 'g-u3', userId: 'u3', groupId: 'org-77', timestamp: '2026-10-01T00:00:00Z' },
        track('u3', 'dashboard.viewed', '2026-11-01T10:00:00Z'),
        // Week 3 (Oct 24–30): u4, by the account's own id, a page and the key action twice.
        { type: 'page', messageId: 'p-u4', userId: 'u4', name: 'Home', context: { groupId: 'acct-1' }, timestamp: '2026-10-25T10:00:00Z' },
        track('u4', 'report.created', '2026-10-26T10:00:00Z', 'acct-1'),
        track('u4', 'report.created', '2026-10-28T10:00:00Z', 'acct-1'),
        // Outside the 28 days; after the day; an anonymous visitor (uses a core event, is no user).
        track('u5', 'dashboard.shared', '2026-10-20T10:00:00Z', '100001'),
        track('u6', 'report.created', '2026-11-21T01:00:00Z', '100001'),
        track(null, 'export.run', '2026-11-19T10:00:00Z', '100001'),
        { type: 'identify', messageId: 'i-u1', userId: 'u1', traits: { name: 'Wang Fang', email: 'wang@example.cn' }, timestamp: '2026-11-01T00:00:00Z' },
        // Another account, with no seats configured.
        track('u9', 'report.created', '2026-11-19T10:00:00Z', '100002'),
      ];
      expect((await s.post('/v1/events', { batch })).json).toMatchObject({ accepted: batch.length });
      const tickets = [
        { id: 'T1', status: 'open', at: '2026-11-01T10:00:00Z', groupId: 'org-77' },
        { id: 'T1', status: 'solved', at: '2026-11-01T12:00:00Z', groupId: 'org-77' },
        { id: 'T2', status: 'solved', at: '2026-11-05T04:00:00Z', groupId: '100001' },
        { id: 'T2', status: 'open', priority: 'urgent', at: '2026-11-05T00:00:00Z', groupId: '100001' },
        { id: 'T3', status: 'open', priority: 'high', at: '2026-11-10T00:00:00Z', userId: 'u3' },
        { id: 'T3', status: 'solved', at: '2026-11-10T10:00:00Z', userId: 'u3' },
        { id: 'T4', status: 'open', at: '2026-08-01T00:00:00Z', groupId: '100001' },
        { id: 'T4', status: 'solved', at: '2026-08-02T00:00:00Z', groupId: '100001' },
        { id: 'T5', status: 'open', at: '2026-11-15T00:00:00Z', groupId: '100001' },
      ];
      for (const t of tickets) expect((await s.post('/v1/events/tickets', t)).status).toBe(200);
      const nps = await s.post('/v1/events/nps', { responses: [
        { id: 'r1', score: 0, userId: 'u1', groupId: '100001', respondedAt: '2026-10-01T00:00:00Z' },
        { id: 'r2', score: 10, userId: 'u1', groupId: '100001', respondedAt: '2026-11-02T00:00:00Z', comment: '报表很好用' },
        { id: 'r3', score: 9, userId: 'u2', groupId: 'org-77', respondedAt: '2026-11-03T00:00:00Z' },
        { id: 'r4', score: 5, userId: 'u3', respondedAt: '2026-11-04T00:00:00Z' },
        { id: 'r5', score: 7, groupId: '100001', respondedAt: '2026-11-05T00:00:00Z' },
        { id: 'r6', score: 0, userId: 'u7', groupId: '100001', respondedAt: '2026-07-01T00:00:00Z' },
      ] });
      expect(nps.json).toEqual({ success: true, accepted: 6 });
      return s;
    }

    const snapshots = async (h: Harness, token: string) => {
      const page = ChangesPageSchema.parse((await h.get(token, '/v1/changes?limit=1000')).json);
      return page.items.filter((i) => i.kind === 'snapshots').map((i) => i.record as { id: string; inputs: Record<string, number>; version?: number });
    };

    it('computes each input as worked out by hand, and the extension receives it through the change feed', async () => {
      const h = new Harness(await backend.fresh(), () => NOW);
      const { manager, csm } = await fixture(h);
      const run = await h.request(`/v1/ingest/rollup?day=${DAY}`, { method: 'POST', token: manager });
      expect(run.json).toMatchObject({ day: DAY, accounts: 2, written: 2, unchanged: 0 });
      // Active users: u1, u2, u3 (through its group), u4 = 4 of 10 seats. Core: report.created and export.run = 2 of 4.
      // Modules: reports and dashboards of 3. Tickets opened in 90 days: T1, T2, T3, T5 (T4 is older). NPS: the latest
      // answer of each respondent in 90 days: u1 10, u2 9, u3 5, an anonymous 7 → (2 promoters − 1 detractor) ÷ 4 = 25.
      const list = await snapshots(h, csm);
      const a1 = list.find((s) => s.id === `acct-1:${DAY}`)!;
      expect(a1.inputs).toEqual({ activeUserRate: 40, coreFeatureAdoption: 50, moduleBreadth: 66.7, tickets90d: 4, ticketResolutionHours: 4, nps: 25 });
      expect(a1).toMatchObject({ accountId: 'acct-1', asOf: DAY, author: 'usage rollup', version: 1 });
      // The feed carries what the rollup found too (clients that do not know the field ignore it).
      const raw = (await h.sql.query<{ data: { usage: unknown } }>(`select data from items where kind = 'snapshots' and id = $1`, [`acct-1:${DAY}`])).rows[0]!.data;
      expect(raw.usage).toEqual({
        activeUsers: 4, knownUsers: 1, seats: 10, coreEventsUsed: ['report.created', 'export.run'], modulesUsed: ['reports', 'dashboards'],
        // Key action twice a week: weeks 0, 1 and 3 (week 2 has none).
        keyAction: { event: 'report.created', weeksDone: 3, weeks: 4, lastAt: '2026-11-20T09:00:00.000Z' },
        // T2 urgent and T3 high; resolution 2 h, 4 h, 10 h → median 4.
        ticketsHighPriority90d: 2, ticketResolutionHoursMedian: 4, npsResponses: 4,
      });
      expect(list.find((s) => s.id === `acct-2:${DAY}`)!.inputs).toEqual({ coreFeatureAdoption: 25, moduleBreadth: 33.3, tickets90d: 0 });
    });

    it('refuses a day that is not a calendar date with 422, never a 500', async () => {
      const h = new Harness(await backend.fresh(), () => NOW);
      const { manager } = await fixture(h);
      for (const day of ['2026-13-01', '2026-02-30', '0000-01-01', '2026-1-1', '%00']) {
        const run = await h.request(`/v1/ingest/rollup?day=${day}`, { method: 'POST', token: manager });
        expect(run.status, day).toBe(422);
        expect(run.json).toMatchObject({ error: { code: 'validation_failed', message: 'day: must be a calendar date written YYYY-MM-DD' } });
      }
    });

    it('writes nothing when nothing changed; a late event changes the day\'s reading and its version', async () => {
      const h = new Harness(await backend.fresh(), () => NOW);
      const { manager, csm, post } = await fixture(h);
      const run = () => h.request(`/v1/ingest/rollup?day=${DAY}`, { method: 'POST', token: manager });
      await run();
      const seq = await h.maxSeq();
      expect((await run()).json).toMatchObject({ written: 0, unchanged: 2 });
      expect(await h.maxSeq()).toBe(seq);
      await post('/v1/events', { batch: [track('u1', 'alert.set', '2026-11-18T10:00:00Z', '100001')] });
      expect((await run()).json).toMatchObject({ written: 1, unchanged: 1 });
      const a1 = (await snapshots(h, csm)).find((s) => s.id === `acct-1:${DAY}`)!;
      expect(a1.inputs.coreFeatureAdoption).toBe(75);
      expect(a1.version).toBe(2);
      // An earlier day is rolled up from the 28 days ending with it: events after it do not count.
      const before = await h.request('/v1/ingest/rollup?day=2026-11-17', { method: 'POST', token: manager });
      expect(before.json).toMatchObject({ day: '2026-11-17', accounts: 1 });
      const a17 = (await snapshots(h, csm)).find((s) => s.id === 'acct-1:2026-11-17')!;
      // On the 17th: u1 (Nov 15), u2, u3, u4 active; core: report.created only (export.run came on the 19th).
      expect(a17.inputs).toMatchObject({ activeUserRate: 40, coreFeatureAdoption: 25 });
    });

    it('keeps the inputs it does not compute from a reading imported for the same day', async () => {
      const h = new Harness(await backend.fresh(), () => NOW);
      const { manager, csm } = await fixture(h);
      const stamp = '2026-11-20T08:00:00.000Z';
      await h.putOk(manager, 'snapshots', { id: `acct-1:${DAY}`, accountId: 'acct-1', asOf: DAY, inputs: { trainingRate: 55, activeUserRate: 99 }, createdAt: stamp, updatedAt: stamp });
      await h.request(`/v1/ingest/rollup?day=${DAY}`, { method: 'POST', token: manager });
      const a1 = (await snapshots(h, csm)).find((s) => s.id === `acct-1:${DAY}`)!;
      expect(a1.inputs).toEqual({ trainingRate: 55, activeUserRate: 40, coreFeatureAdoption: 50, moduleBreadth: 66.7, tickets90d: 4, ticketResolutionHours: 4, nps: 25 });
      expect(a1.version).toBe(2);
    });

    it('finds the key people among the end users by the e-mail in their contact, with their last active day before the reading', async () => {
      const h = new Harness(await backend.fresh(), () => NOW);
      const { manager, post } = await fixture(h);
      await post('/v1/events', { batch: [{ type: 'identify', messageId: 'i-zhao', userId: 'u-zhao', traits: { email: 'zhao@example.cn' }, timestamp: '2026-11-02T00:00:00Z' }] });
      const stamp = '2026-11-01T08:00:00.000Z';
      await h.putOk(manager, 'handovers', {
        id: 'handover:acct-1', accountId: 'acct-1', status: 'accepted', createdAt: stamp, updatedAt: stamp,
        keyPeople: [
          // u1 by its e-mail trait, written in another case inside a longer contact.
          { id: 'p-wang', role: 'boss', name: 'Wang Fang', contact: 'Wang Fang <WANG@example.cn>, 138 0000 0000' },
          // Known to the product (identified) but never active.
          { role: 'champion', name: 'Zhao Min', contact: 'zhao@example.cn' },
          // No end user with this address; a phone number only; one who left: none of them is reported.
          { id: 'p-li', role: 'user', name: 'Li Lei', contact: 'li@example.cn' },
          { id: 'p-phone', role: 'other', name: 'Chen', contact: '139 1111 2222' },
          { id: 'p-left', role: 'other', name: 'Former', contact: 'wang@example.cn', leftAt: '2026-10-01' },
        ],
      });
      const usageOn = async (day: string) => {
        await h.request(`/v1/ingest/rollup?day=${day}`, { method: 'POST', token: manager });
        return (await h.sql.query<{ data: { usage: { keyPeople?: unknown } } }>(`select data from items where kind = 'snapshots' and id = $1`, [`acct-1:${day}`])).rows[0]!.data.usage.keyPeople;
      };
      expect(await usageOn(DAY)).toEqual([{ person: 'name:zhao min' }, { person: 'p-wang', lastActiveOn: '2026-11-20' }]);
      // On an earlier day, activity after it does not count: u1 was last active on the 15th.
      expect(await usageOn('2026-11-17')).toEqual([{ person: 'name:zhao min' }, { person: 'p-wang', lastActiveOn: '2026-11-15' }]);
    });

    it('answers an account\'s users and a named person\'s last activity', async () => {
      const h = new Harness(await backend.fresh(), () => NOW);
      const { csm, post } = await fixture(h);
      // Users belong to an account by group calls: u1 joins it now.
      await post('/v1/events', { batch: [{ type: 'group', messageId: 'g-u1', userId: 'u1', groupId: '100001', timestamp: '2026-11-01T00:00:00Z' }] });
      const all = await h.get(csm, '/v1/accounts/acct-1/people');
      expect(all.status, all.text).toBe(200);
      expect(all.json).toMatchObject({ accountId: 'acct-1', users: 2, activeUsers28d: 2, seats: 10 });
      const one = await h.get(csm, `/v1/accounts/acct-1/people?user=${encodeURIComponent('WANG@example.cn')}`);
      expect((one.json as { people: unknown[] }).people).toEqual([
        { userId: 'u1', name: 'Wang Fang', email: 'wang@example.cn', firstActiveAt: '2026-11-15T10:00:00.000Z', lastActiveAt: '2026-11-20T09:00:00.000Z', lastEvent: 'report.created', active: true },
      ]);
      expectError(await h.get(csm, '/v1/accounts/acct-404/people'), 404, 'not_found');
      expectError(await h.get(csm, `/v1/accounts/acct-1/people?user=${encodeURIComponent('a\u0000')}`), 422, 'validation_failed');
      // Another team sees none of it.
      const other = await h.token('team-b', 'Zed', 'manager');
      expectError(await h.get(other, '/v1/accounts/acct-1/people'), 404, 'not_found');
    });
  });
});

describe('the demo month', () => {
  it('is the same for the same day and seed, and every call reaches a demo account', async () => {
    const { demoMonth } = await import('../src/ingest/demo');
    const a = demoMonth('2026-11-20', { days: 30, seed: 3 });
    const b = demoMonth('2026-11-20', { days: 30, seed: 3 });
    expect(b.events.map((e) => [e.messageId, e.ts.toISOString(), e.event])).toEqual(a.events.map((e) => [e.messageId, e.ts.toISOString(), e.event]));
    const records = new Set(a.accounts.map((x) => x.recordId));
    expect(a.events.filter((e) => e.groupId !== null).every((e) => records.has(e.groupId!))).toBe(true);
    expect(new Set(a.events.map((e) => e.messageId)).size).toBe(a.events.length);
    expect(a.events.every((e) => e.ts.toISOString() >= '2026-10-22' && e.ts.toISOString() < '2026-11-21')).toBe(true);
    expect(a.events.length).toBeGreaterThan(10_000);
    expect(a.tickets.length).toBeGreaterThan(0);
    expect(a.nps.every((r) => r.score >= 0 && r.score <= 10)).toBe(true);
    expect(demoMonth('2026-11-20', { days: 30, seed: 4 }).events.map((e) => e.event)).not.toEqual(a.events.map((e) => e.event));
  });
});
