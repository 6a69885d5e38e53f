// @vitest-environment node
import type { Sql } from '../src/db';
import { silentLog } from '../src/log';
import { startServer } from '../src/main';
import { createMetrics } from '../src/metrics';
import { fakeAccount } from '../../tests/support/fake-api-data';
import { backends, Harness, sample, useBackend } from './helpers';

/**
 * Prometheus metrics on their own port: requests counted by route pattern
 * and status (never a path with ids or a token), the delivery and automation
 * backlog read from the database, the process's own figures; nothing of it
 * on the API's port.
 */

/** The same database, but stop() does not close it (the backend closes it). */
const keptOpen = (sql: Sql): Sql => ({ ...sql, query: (t, p) => sql.query(t, p), exec: (t) => sql.exec(t), transaction: (fn) => sql.transaction(fn), close: async () => undefined });

/** A sample's value in Prometheus's text format, by its name and exact label set ("" for none). */
function sampleOf(text: string, name: string, labels = ''): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels ? `{${labels}}` : ''} `));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

for (const backend of backends()) {
  describe(`metrics (${backend.name})`, () => {
    useBackend(backend);

    it('counts the API’s requests by route pattern and status on the metrics port, and the API port has no /metrics', async () => {
      const sql = await backend.fresh();
      const h = new Harness(sql);
      const token = await h.token('team-a', 'dana', 'csm');
      await h.seed('team-a', [fakeAccount(1)]);
      const running = await startServer(keptOpen(sql), { port: 0, log: silentLog, metricsPort: 0 });
      try {
        expect(running.metricsPort).toBeGreaterThan(0);
        expect(running.metricsPort).not.toBe(running.port);
        const auth = { Authorization: `Bearer ${token}` };
        const put = (id: string) =>
          fetch(`${running.url}/v1/records/promises/${id}`, { method: 'PUT', headers: { ...auth, 'Content-Type': 'application/json', 'Idempotency-Key': `key-${id}` }, body: JSON.stringify(sample.promises(id, 'acct-1')) });
        expect((await put('p-1')).status).toBe(200);
        expect((await put('p-2')).status).toBe(200);
        expect((await fetch(`${running.url}/v1/me`)).status).toBe(401);
        expect((await fetch(`${running.url}/health`)).status).toBe(200);
        expect((await fetch(`${running.url}/no/such/thing`, { headers: auth })).status).toBe(404);
        // The API's own port answers /metrics as any unknown path: nothing there to read without a token.
        expect((await fetch(`${running.url}/metrics`)).status).toBe(404);

        const res = await fetch(`http://127.0.0.1:${running.metricsPort}/metrics`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toContain('text/plain');
        const text = await res.text();
        expect(sampleOf(text, 'lens_http_requests_total', 'method="PUT",route="/v1/records/:kind/:id",status="200"')).toBe(2);
        expect(sampleOf(text, 'lens_http_requests_total', 'method="GET",route="/v1/me",status="401"')).toBe(1);
        expect(sampleOf(text, 'lens_http_requests_total', 'method="GET",route="/health",status="200"')).toBe(1);
        expect(sampleOf(text, 'lens_http_requests_total', 'method="GET",route="unmatched",status="404"')).toBe(2);
        expect(sampleOf(text, 'lens_http_request_duration_seconds_count', 'method="PUT",route="/v1/records/:kind/:id"')).toBe(2);
        expect(sampleOf(text, 'lens_http_requests_in_flight')).toBe(0);
        expect(sampleOf(text, 'lens_database_up')).toBe(1);
        expect(text).toMatch(/^lens_process_resident_memory_bytes \d+/m);
        // Labels hold patterns, never ids, people or secrets.
        for (const secret of ['p-1', 'acct-1', 'dana', 'team-a', token]) expect(text).not.toContain(secret);
        expect((await fetch(`http://127.0.0.1:${running.metricsPort}/anything-else`)).status).toBe(404);
      } finally {
        await running.stop();
      }
      // Stopped with the server: the port no longer answers.
      await expect(fetch(`http://127.0.0.1:${running.metricsPort}/metrics`)).rejects.toThrow();
    }, 30_000);

    it('reads the delivery and automation backlog from the database at each scrape', async () => {
      const sql = await backend.fresh();
      const h = new Harness(sql);
      await h.token('team-a', 'dana', 'manager');
      const metrics = createMetrics(sql);
      const gauges = async () => {
        const text = await metrics.registry.metrics();
        return {
          queued: sampleOf(text, 'lens_deliveries_waiting', 'state="queued"'),
          sending: sampleOf(text, 'lens_deliveries_waiting', 'state="sending"'),
          oldest: sampleOf(text, 'lens_deliveries_oldest_waiting_seconds'),
          scheduled: sampleOf(text, 'lens_automation_jobs_scheduled'),
        };
      };
      expect(await gauges()).toEqual({ queued: 0, sending: 0, oldest: 0, scheduled: 0 });

      const hourAgo = new Date(Date.now() - 3600_000).toISOString();
      const delivery = (id: string, state: string) =>
        sql.query(
          `insert into deliveries (id, team_id, channel, kind, account_id, user_name, body, state, created_at, updated_at) values ($1, 'team-a', 'mail', 'report', 'acct-1', 'dana', 'text', $2, $3, $3)`,
          [id, state, hourAgo],
        );
      await delivery('d1', 'queued');
      await delivery('d2', 'queued');
      await delivery('d3', 'sending');
      await delivery('d4', 'sent');
      await sql.query(
        `insert into automation_jobs (id, team_id, rule, key, account_id, channel, kind, body, due_at, state, created_at, updated_at)
         values ('j1', 'team-a', 'welcome', 'k1', 'acct-1', 'mail', 'email', 'hello', $1, 'scheduled', $1, $1),
                ('j2', 'team-a', 'welcome', 'k2', 'acct-2', 'mail', 'email', 'hello', $1, 'cancelled', $1, $1)`,
        [hourAgo],
      );
      const after = await gauges();
      expect({ ...after, oldest: undefined }).toEqual({ queued: 2, sending: 1, oldest: undefined, scheduled: 1 });
      expect(after.oldest).toBeGreaterThanOrEqual(3599);
      expect(after.oldest).toBeLessThan(3700);
    }, 30_000);

    it('says the database is down when the scrape cannot read it, and still answers', async () => {
      const broken: Sql = { kind: 'pglite', query: async () => { throw new Error('connection refused'); }, exec: async () => undefined, transaction: async () => { throw new Error('no'); }, close: async () => undefined };
      const text = await createMetrics(broken).registry.metrics();
      expect(sampleOf(text, 'lens_database_up')).toBe(0);
    });
  });
}
