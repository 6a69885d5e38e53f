import { serve, type ServerType } from '@hono/node-server';
import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Sql } from './db';

/**
 * The team server's Prometheus metrics (prom-client, the standard Node
 * client): requests by route pattern and status, their duration, requests
 * in flight, the delivery and automation backlog read from the database at
 * each scrape, and the process's own (heap, event-loop lag, CPU). Labels
 * are route patterns ("/v1/records/:kind/:id"), methods and statuses only:
 * never a path with ids in it, a team, a user or a token.
 *
 * Served on a port of its own (LENS_METRICS_PORT), not the API's: the API
 * port faces the extensions and the internet, the metrics port the
 * operator's scraper, and it needs no token.
 */
export interface ServerMetrics {
  registry: Registry;
  /** Counts and times every request of the API (createApp's first middleware). */
  middleware: MiddlewareHandler;
}

/** Request durations (seconds): an API answer takes milliseconds, an import seconds. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The route pattern the request matched ("unmatched" for a 404 with no route): a label of bounded size. */
function routeOf(c: Parameters<MiddlewareHandler>[0]): string {
  const route = matchedRoutes(c).filter((r) => r.method !== 'ALL').at(-1);
  return route?.path ?? 'unmatched';
}

interface Backlog {
  queued: number;
  sending: number;
  oldestSeconds: number;
  scheduled: number;
}

/** What waits to go out, or null when the database does not answer. */
async function readBacklog(sql: Sql): Promise<Backlog | null> {
  try {
    const jobs = await sql.query<{ n: string | number }>(`select count(*) as n from automation_jobs where state = 'scheduled'`);
    const waiting = await sql.query<{ state: string; n: string | number; first: string | Date | null }>(
      `select state, count(*) as n, min(created_at) as first from deliveries where state in ('queued', 'sending') group by state`,
    );
    const count = (state: string) => Number(waiting.rows.find((r) => r.state === state)?.n ?? 0);
    const first = waiting.rows.reduce((min, r) => (r.first ? Math.min(min, new Date(r.first).getTime()) : min), Infinity);
    return { queued: count('queued'), sending: count('sending'), oldestSeconds: Number.isFinite(first) ? Math.max(0, (Date.now() - first) / 1000) : 0, scheduled: Number(jobs.rows[0]?.n ?? 0) };
  } catch {
    return null;
  }
}

export function createMetrics(sql: Sql): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'lens_' });
  const requests = new Counter({ name: 'lens_http_requests_total', help: 'API requests answered, by method, route pattern and status', labelNames: ['method', 'route', 'status'] as const, registers: [registry] });
  const duration = new Histogram({ name: 'lens_http_request_duration_seconds', help: 'Time to answer an API request, by method and route pattern', labelNames: ['method', 'route'] as const, buckets: BUCKETS, registers: [registry] });
  const inFlight = new Gauge({ name: 'lens_http_requests_in_flight', help: 'API requests being answered', registers: [registry] });

  // Read at each scrape. A registry asks its metrics all at once, so the four gauges share one read
  // of the database (the one in flight) and speak of the same moment. Partial indexes serve the queries.
  let pending: Promise<Backlog | null> | undefined;
  const backlog = () => (pending ??= readBacklog(sql).finally(() => (pending = undefined)));
  const gauge = (name: string, help: string, set: (g: Gauge<'state'>, b: Backlog | null) => void, labelNames: 'state'[] = []) =>
    registry.registerMetric(new Gauge({ name, help, labelNames, registers: [], async collect() { set(this, await backlog()); } }));
  gauge('lens_database_up', "1 when the database answered the scrape's queries, else 0", (g, b) => g.set(b ? 1 : 0));
  gauge('lens_deliveries_waiting', 'Messages (e-mail, robots) waiting to be sent or being sent, by state', (g, b) => {
    if (b) for (const state of ['queued', 'sending'] as const) g.set({ state }, b[state]);
  }, ['state']);
  gauge('lens_deliveries_oldest_waiting_seconds', 'Age of the oldest message still waiting to be sent (0 when none)', (g, b) => b && g.set(b.oldestSeconds));
  gauge('lens_automation_jobs_scheduled', 'Automatic messages (welcomes, report reminders) scheduled and not yet handed over', (g, b) => b && g.set(b.scheduled));

  const middleware: MiddlewareHandler = async (c, next) => {
    const end = duration.startTimer();
    inFlight.inc();
    try {
      await next();
    } finally {
      inFlight.dec();
      const labels = { method: c.req.method, route: routeOf(c) };
      end(labels);
      requests.inc({ ...labels, status: String(c.res.status) });
    }
  };
  return { registry, middleware };
}

export interface MetricsServer {
  port: number;
  stop(): Promise<void>;
}

/** GET /metrics in Prometheus's text format on its own port; anything else is 404. */
export async function serveMetrics(metrics: ServerMetrics, opts: { port: number; host: string }): Promise<MetricsServer> {
  const server: ServerType = await new Promise((resolve) => {
    const s = serve(
      {
        fetch: async (req) => {
          const url = new URL(req.url);
          if (req.method !== 'GET' || url.pathname !== '/metrics') return new Response('not found\n', { status: 404 });
          return new Response(await metrics.registry.metrics(), { headers: { 'Content-Type': metrics.registry.contentType } });
        },
        port: opts.port,
        hostname: opts.host,
      },
      () => resolve(s),
    );
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : opts.port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
