import { serve, type ServerType } from '@hono/node-server';
import { readFileSync } from 'node:fs';
import { createApp } from './app';
import { createToken, ensureUser, revokeToken, RoleConflict, ROLES, type Role } from './auth';
import { openFromEnv, type Sql } from './db';
import { jsonLog, type Log } from './log';
import { retentionDays } from './ingest/config';
import { ingestCli, startIngestJobs } from './ingest/cli';
import { CHANNELS_USAGE, channelsCli } from './channels/cli';
import { startDeliveryWorker } from './channels/deliveries';
import { migrate } from './migrations';
import { createMetrics, serveMetrics } from './metrics';
import { pruneKeys } from './store';
import { ssoConfigFromEnv, type SsoConfig } from './sso/config';
import { DAY_MS } from '../../shared/dates/utc';

export interface Running {
  url: string;
  port: number;
  /** The Prometheus metrics port, when metrics were asked for. */
  metricsPort?: number;
  /** Stops taking connections, lets requests in flight finish, then closes the database. */
  stop(): Promise<void>;
}

/** How long an idle keep-alive connection stays open: longer than load balancers keep theirs. */
export const KEEP_ALIVE_MS = 65_000;

/** Starts the team server on `sql` (migrated first). Port 0 picks a free port. */
export async function startServer(sql: Sql, opts: { port?: number; host?: string; log?: Log; trustProxy?: boolean; metricsPort?: number; sso?: SsoConfig } = {}): Promise<Running> {
  const log = opts.log ?? jsonLog;
  const applied = await migrate(sql);
  if (applied.length) log('info', 'migrated', { versions: applied, database: sql.kind });
  const retention = retentionDays();
  const metrics = opts.metricsPort === undefined ? undefined : createMetrics(sql);
  const app = createApp({ sql, log, trustProxy: opts.trustProxy ?? false, retentionDays: retention, ...(metrics ? { metrics } : {}), ...(opts.sso ? { sso: opts.sso } : {}) });
  if (opts.sso) log('info', 'single sign-on', { issuer: opts.sso.issuer, team: opts.sso.team, domains: opts.sso.domains, role: opts.sso.role });
  let inFlight = 0;
  let idle: (() => void) | undefined;
  const server: ServerType = await new Promise((resolve) => {
    const s = serve(
      {
        fetch: async (req, env) => {
          inFlight++;
          try {
            return await app.fetch(req, env);
          } finally {
            inFlight--;
            if (inFlight === 0) idle?.();
          }
        },
        port: opts.port ?? 8787,
        hostname: opts.host ?? '127.0.0.1',
      },
      () => resolve(s),
    );
  });
  // Behind a load balancer, an idle keep-alive connection must be closed by the balancer, never by us:
  // a server closing one just as the balancer sends on it is a failed request (a 502). Balancers
  // close idle connections after about 60 s (docs/scale-out.md), so this server waits longer.
  const http = server as unknown as { keepAliveTimeout: number; headersTimeout: number };
  http.keepAliveTimeout = KEEP_ALIVE_MS;
  http.headersTimeout = KEEP_ALIVE_MS + 1000;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (opts.port ?? 8787);
  const prune = setInterval(() => void pruneKeys(sql).catch(() => undefined), 6 * 3600_000);
  prune.unref();
  const jobs = startIngestJobs(sql, log, retention);
  const deliveries = startDeliveryWorker(sql, log);
  // The metrics port listens on the API's host: an operator exposes it to the scraper, not to the internet.
  const exported = metrics ? await serveMetrics(metrics, { port: opts.metricsPort!, host: opts.host ?? '127.0.0.1' }) : undefined;
  log('info', 'listening', { port, database: sql.kind, ...(exported ? { metricsPort: exported.port } : {}) });
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    port,
    ...(exported ? { metricsPort: exported.port } : {}),
    stop: () =>
      (stopping ??= (async () => {
        clearInterval(prune);
        await exported?.stop();
        await jobs.stop();
        await deliveries.stop();
        // No new connections; idle keep-alive ones close; requests being answered finish first.
        // A keep-alive connection whose request was in flight turns idle only once answered, and
        // would otherwise stay open until the client drops it: close those as they turn idle.
        await new Promise<void>((resolve) => {
          const closeIdle = () => (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
          const sweep = setInterval(closeIdle, 25);
          server.close(() => {
            clearInterval(sweep);
            resolve();
          });
          closeIdle();
        });
        if (inFlight > 0) await new Promise<void>((resolve) => (idle = resolve));
        await sql.close();
        log('info', 'stopped', {});
      })()),
  };
}

const USAGE = `Account Lens team server

  npm run server                                   serve (PORT, default 8787; HOST, default 127.0.0.1)
  npm run server -- token create --team T --user U [--role sales|csm|manager] [--days N] [--change-role]
                   (an existing user keeps their role; --change-role changes it)
  npm run server -- token revoke --id ID
  npm run server -- import --team T FILE.csv|FILE.json   (as the team's manager)

Usage events, tickets and NPS (docs/ingest.md):
  npm run server -- ingest key create --team T [--name N]   a write-only key for POST /v1/events…
  npm run server -- ingest key revoke --id ID
  npm run server -- ingest config --team T [--set FILE.json]  show, or replace, the team's configuration
  npm run server -- ingest signing set --team T --source zendesk|freshdesk|tickets|nps (--secret-file F | --generate)
  npm run server -- ingest signing remove --team T --source S
                   a source's webhooks must be signed with the team's secret, or no longer
  npm run server -- rollup [--team T] [--day YYYY-MM-DD]      the day's health readings (default today, UTC)
  npm run server -- demo-events --team T [--days 30] [--seed 1] [--today YYYY-MM-DD]
                   a month of usage, tickets and NPS for the demo book, then its daily readings

${CHANNELS_USAGE}

Storage: PostgreSQL when DATABASE_URL is set (LENS_PG_POOL connections, default 10), else PGlite in
LENS_DATA_DIR (default ./server-data). Several servers on one PostgreSQL: docs/scale-out.md.
A checked token is trusted LENS_TOKEN_CACHE_SECONDS (0 to 30, default 30) before it is checked again:
another server sees a revocation within that time.
Behind a reverse proxy, LENS_TRUST_PROXY=1 counts failed sign-ins per X-Forwarded-For address.
Usage events are kept LENS_EVENTS_RETENTION_DAYS days (default 400, at least 91).
LENS_METRICS_PORT=9464 serves Prometheus metrics at /metrics on that port (on HOST; off when unset).
Single sign-on with an OpenID provider: LENS_OIDC_ISSUER, LENS_OIDC_CLIENT_ID, LENS_OIDC_TEAM, LENS_OIDC_DOMAINS
(and LENS_OIDC_ROLE, default sales): docs/sso.md.`;

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function cli(argv: string[], out: (s: string) => void = (s) => process.stdout.write(`${s}\n`)): Promise<number> {
  const [cmd, sub] = argv;
  if (cmd === 'help' || cmd === '--help') return out(USAGE), 0;
  const sql = await openFromEnv();
  if (!cmd || cmd === 'serve') {
    const metricsPort = process.env.LENS_METRICS_PORT ? Number(process.env.LENS_METRICS_PORT) : undefined;
    if (metricsPort !== undefined && !(Number.isInteger(metricsPort) && metricsPort >= 0 && metricsPort < 65536)) {
      out(`LENS_METRICS_PORT must be a port number (0 to 65535), not "${process.env.LENS_METRICS_PORT}"`);
      await sql.close();
      return 2;
    }
    let sso: SsoConfig | undefined;
    try {
      sso = ssoConfigFromEnv(process.env);
    } catch (err) {
      out((err as Error).message);
      await sql.close();
      return 2;
    }
    const running = await startServer(sql, { port: Number(process.env.PORT ?? 8787), host: process.env.HOST ?? '127.0.0.1', trustProxy: process.env.LENS_TRUST_PROXY === '1', ...(metricsPort === undefined ? {} : { metricsPort }), ...(sso ? { sso } : {}) });
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void running.stop().then(() => process.exit(0)));
    return -1; // keeps running
  }
  try {
    await migrate(sql);
    if (cmd === 'token' && sub === 'create') {
      const team = flag(argv, 'team');
      const user = flag(argv, 'user');
      const role = (flag(argv, 'role') ?? 'csm') as Role;
      const days = flag(argv, 'days');
      if (!team || !user || !ROLES.includes(role) || (days !== undefined && !(Number(days) > 0))) return out(USAGE), 2;
      let ensured: Awaited<ReturnType<typeof ensureUser>>;
      try {
        ensured = await ensureUser(sql, team, user, role, { changeRole: argv.includes('--change-role') });
      } catch (err) {
        if (!(err instanceof RoleConflict)) throw err;
        out(`${user} is already a ${err.current} in team ${team}; no token was made. To make them a ${role}, run the command again with --change-role.`);
        return 1;
      }
      const { id, token } = await createToken(sql, ensured.userId, days ? { expiresAt: new Date(Date.now() + Number(days) * DAY_MS) } : {});
      if (ensured.previousRole) out(`${user}'s role changed from ${ensured.previousRole} to ${role}: their existing tokens carry the new role too.`);
      out(`Token ${id} for ${user} (${role}) in team ${team}. Shown once; paste it into the extension's options:\n${token}`);
      return 0;
    }
    if (cmd === 'token' && sub === 'revoke') {
      const id = flag(argv, 'id');
      if (!id) return out(USAGE), 2;
      out((await revokeToken(sql, id)) ? `Token ${id} revoked.` : `No active token ${id}.`);
      return 0;
    }
    const channels = await channelsCli(sql, argv, out);
    if (channels !== null) return channels;
    const ingest = await ingestCli(sql, argv, out);
    if (ingest !== null) return ingest === 2 ? (out(USAGE), 2) : ingest;
    if (cmd === 'import') {
      const team = flag(argv, 'team');
      const file = argv.at(-1);
      if (!team || !file || file.startsWith('--')) return out(USAGE), 2;
      const body = readFileSync(file, 'utf8');
      const { userId } = await ensureUser(sql, team, 'import', 'manager', { changeRole: true });
      // A manager token for this one request, revoked whatever happens: none is left behind to find.
      const { id, token } = await createToken(sql, userId, { expiresAt: new Date(Date.now() + 600_000) });
      try {
        const app = createApp({ sql, log: () => undefined });
        const res = await app.request('/v1/import', {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': file.toLowerCase().endsWith('.json') ? 'application/json' : 'text/csv' },
          body,
        });
        out(JSON.stringify(await res.json()));
        return res.ok ? 0 : 1;
      } finally {
        await revokeToken(sql, id);
      }
    }
    out(USAGE);
    return 2;
  } finally {
    await sql.close();
  }
}

// Run as a program (npm run server), not when imported by tests.
if (process.argv[1] && /server[\\/]src[\\/]main\.ts$/.test(process.argv[1])) {
  void cli(process.argv.slice(2)).then((code) => {
    if (code >= 0) process.exit(code);
  });
}
