import { readFileSync } from 'node:fs';
import type { ApiAccount } from '../../../data/sync/schemas';
import { addDays, isIsoDate } from '../../../shared/dates/local-date';
import type { Sql } from '../db';
import type { Log } from '../log';
import { storeAccounts } from '../store';
import { loadConfig, retentionDays, saveConfig } from './config';
import { demoMonth } from './demo';
import { ensureDays, pruneEvents, storeEvents } from './events';
import { createIngestKey, revokeIngestKey } from './keys';
import { rollupAll, rollupTeam } from './rollup';
import { EMPTY_CONFIG, IngestConfigSchema } from './schemas';
import { newSigningSecret, removeSigningSecret, setSigningSecret, SIGNED_SOURCES, type SignedSource } from './signatures';
import { storeNps, storeTicket } from './support';
import { utcDate } from '../../../shared/dates/utc';

// A calendar date written YYYY-MM-DD (never throws: 2026-13-01 and 0000-01-01 are simply not days).
const isDay = isIsoDate;
function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/**
 * Every hour: the day partitions for today and tomorrow exist, today's and
 * yesterday's readings are rolled up (late events of the day just ended
 * count), and days past the retention are dropped.
 */
export function startIngestJobs(sql: Sql, log: Log, retention: number, everyMs = 3_600_000) {
  let running: Promise<void> | undefined;
  const tick = () => {
    running ??= (async () => {
      const now = new Date();
      const today = utcDate(now);
      await ensureDays(sql, [today, addDays(today, 1)]);
      for (const day of [addDays(today, -1), today]) {
        for (const r of await rollupAll(sql, day, now)) if (r.written) log('info', 'rollup', { ...r });
      }
      const dropped = await pruneEvents(sql, now, retention);
      if (dropped.length) log('info', 'events pruned', { days: dropped });
    })()
      .catch((err: unknown) => log('error', 'ingest jobs', { error: err instanceof Error ? err.message : String(err) }))
      .finally(() => (running = undefined));
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/** The ingest commands of the CLI: the exit code, 2 for a usage error, or null when `argv` is none of them. */
export async function ingestCli(sql: Sql, argv: string[], out: (s: string) => void): Promise<number | null> {
  const [cmd, sub, verb] = argv;
  if (cmd === 'ingest' && sub === 'key' && verb === 'create') {
    const team = flag(argv, 'team');
    if (!team) return 2;
    const { id, key } = await createIngestKey(sql, team, flag(argv, 'name') ?? 'ingest');
    out(`Ingest key ${id} for team ${team}: it can post events, tickets and NPS responses, nothing else. Shown once:\n${key}`);
    return 0;
  }
  if (cmd === 'ingest' && sub === 'key' && verb === 'revoke') {
    const id = flag(argv, 'id');
    if (!id) return 2;
    out((await revokeIngestKey(sql, id)) ? `Ingest key ${id} revoked.` : `No active ingest key ${id}.`);
    return 0;
  }
  if (cmd === 'ingest' && sub === 'signing') return signing(sql, argv, out);
  if (cmd === 'ingest' && sub === 'config') {
    const team = flag(argv, 'team');
    if (!team) return 2;
    const file = flag(argv, 'set');
    if (!file) {
      out(JSON.stringify((await loadConfig(sql, team)) ?? EMPTY_CONFIG, null, 2));
      return 0;
    }
    let text: string;
    let value: unknown;
    try {
      text = readFileSync(file, 'utf8');
      value = JSON.parse(text);
    } catch (err) {
      out(`${file}: ${err instanceof SyntaxError ? 'not valid JSON' : 'cannot be read'}; the configuration is unchanged.`);
      return 1;
    }
    const config = IngestConfigSchema.safeParse(value);
    if (!config.success) {
      out(`${file}: ${config.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'config'}: ${i.message}`).join('; ')}; the configuration is unchanged.`);
      return 1;
    }
    await saveConfig(sql, team, config.data, 'cli', new Date());
    out(`Configuration of team ${team} saved: ${config.data.coreEvents.length} core events, ${Object.keys(config.data.modules).length} modules, ${Object.keys(config.data.accounts).length} accounts.`);
    return 0;
  }
  if (cmd === 'rollup') {
    const day = flag(argv, 'day') ?? utcDate(new Date());
    if (!isDay(day)) return 2;
    const team = flag(argv, 'team');
    const results = team ? [{ team, ...(await rollupTeam(sql, team, day, new Date())) }] : await rollupAll(sql, day, new Date());
    for (const r of results) out(`${r.team} ${r.day}: ${r.accounts} accounts, ${r.written} readings written, ${r.unchanged} unchanged (${r.ms} ms)`);
    return 0;
  }
  if (cmd === 'demo-events') return demoEvents(sql, argv, out);
  return null;
}

/**
 * `ingest signing set --team T --source S (--secret-file F | --generate)` and
 * `ingest signing remove --team T --source S`. The secret is read from a file
 * (never a command-line argument, which ends up in the shell's history) or
 * generated and shown once.
 */
async function signing(sql: Sql, argv: string[], out: (s: string) => void): Promise<number> {
  const [, , verb] = argv;
  const team = flag(argv, 'team');
  const source = flag(argv, 'source') as SignedSource | undefined;
  if (!team || !source || !(SIGNED_SOURCES as readonly string[]).includes(source)) {
    out(`usage: ingest signing set|remove --team T --source ${SIGNED_SOURCES.join('|')} [--secret-file F | --generate]`);
    return 2;
  }
  if (verb === 'remove') {
    out((await removeSigningSecret(sql, team, source)) ? `Team ${team}'s ${source} webhooks are no longer checked for a signature.` : `Team ${team} had no signing secret for ${source}.`);
    return 0;
  }
  if (verb !== 'set') return 2;
  const file = flag(argv, 'secret-file');
  let secret: string;
  if (argv.includes('--generate')) {
    if (source === 'zendesk') {
      out('Zendesk makes the secret itself: copy it from the webhook\'s page in Zendesk into a file and pass --secret-file.');
      return 2;
    }
    secret = newSigningSecret();
  } else if (file) {
    try {
      secret = readFileSync(file, 'utf8').trim();
    } catch {
      out(`${file}: cannot be read; nothing changed.`);
      return 1;
    }
    if (secret.length < 16 || secret.length > 500 || /[\s\u0000]/.test(secret)) {
      out(`${file}: a signing secret is 16 to 500 characters with no spaces; nothing changed.`);
      return 1;
    }
  } else {
    out('give --secret-file F (the secret the help desk shows) or --generate');
    return 2;
  }
  await setSigningSecret(sql, team, source, secret, new Date());
  out(argv.includes('--generate')
    ? `Team ${team}'s ${source} webhooks must now be signed (Standard Webhooks). Give the sender this secret; it is shown once:\n${secret}`
    : `Team ${team}'s ${source} webhooks must now be signed with the secret in ${file}; unsigned or wrongly signed ones are refused with 401.`);
  return 0;
}

async function demoEvents(sql: Sql, argv: string[], out: (s: string) => void): Promise<number> {
  const team = flag(argv, 'team');
  const days = Number(flag(argv, 'days') ?? 30);
  const seed = Number(flag(argv, 'seed') ?? 1);
  const today = flag(argv, 'today') ?? utcDate(new Date());
  if (!team || !Number.isInteger(days) || days < 1 || days > 90 || !Number.isInteger(seed) || !isDay(today)) return 2;
  const started = performance.now();
  const month = demoMonth(today, { days, seed });
  await sql.query('insert into teams (id, name) values ($1, $1) on conflict (id) do nothing', [team]);
  const { rows } = await sql.query<{ id: string }>(`select id from items where team_id = $1 and kind = 'accounts' and id = any($2::text[])`, [team, month.accounts.map((a) => a.id)]);
  const have = new Set(rows.map((r) => r.id));
  const missing = month.accounts.filter((a) => !have.has(a.id)).map(({ source: _s, syncedAt: _y, ...a }) => a as ApiAccount);
  if (missing.length) await storeAccounts(sql, team, missing, []);
  const existing = await loadConfig(sql, team);
  if (!existing) await saveConfig(sql, team, month.config, 'demo-events', new Date());
  let accepted = 0;
  for (let i = 0; i < month.events.length; i += 1000) accepted += (await storeEvents(sql, team, month.events.slice(i, i + 1000), new Date(), retentionDays())).accepted;
  for (const t of month.tickets) await storeTicket(sql, team, 'demo', t);
  await storeNps(sql, team, 'demo', month.nps);
  let written = 0;
  for (let d = days - 1; d >= 0; d--) written += (await rollupTeam(sql, team, addDays(today, -d), new Date())).written;
  out([
    `Demo month for team ${team}, ${addDays(today, -(days - 1))} to ${today} (seed ${seed}):`,
    `  ${month.accounts.length} demo accounts (${missing.length} added to the team's book)`,
    `  ${accepted.toLocaleString('en')} new events of ${month.events.length.toLocaleString('en')} (a second run with the same seed adds none)`,
    `  ${month.tickets.length} ticket events, ${month.nps.length} NPS responses`,
    `  ${existing ? 'the team\'s own configuration kept' : 'the demo configuration saved (ingest config --team to see it)'}`,
    `  ${written} daily health readings written; ${((performance.now() - started) / 1000).toFixed(1)} s`,
  ].join('\n'));
  return 0;
}
