import type { Sql } from '../db';
import { IngestConfigSchema, type IngestConfig } from './schemas';

/** The team's ingest configuration, or null when none was set (then the rollup writes nothing). */
export async function loadConfig(sql: Sql, teamId: string): Promise<IngestConfig | null> {
  const { rows } = await sql.query<{ config: unknown }>('select config from ingest_config where team_id = $1', [teamId]);
  return rows[0] ? IngestConfigSchema.parse(rows[0].config) : null;
}

/** Replaces the team's configuration (already validated) and answers it as stored. */
export async function saveConfig(sql: Sql, teamId: string, config: IngestConfig, by: string, now: Date): Promise<IngestConfig> {
  await sql.query('insert into teams (id, name) values ($1, $1) on conflict (id) do nothing', [teamId]);
  await sql.query(
    `insert into ingest_config (team_id, config, updated_at, updated_by) values ($1, $2, $3, $4)
       on conflict (team_id) do update set config = excluded.config, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    [teamId, JSON.stringify(config), now.toISOString(), by],
  );
  return config;
}

/** Days events are kept (LENS_EVENTS_RETENTION_DAYS, default 400: a year and a month to compare with). */
export function retentionDays(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.LENS_EVENTS_RETENTION_DAYS;
  if (text === undefined || text === '') return 400;
  const n = Number(text);
  // The rollup reads up to 90 days back: a shorter retention would starve it.
  if (!Number.isInteger(n) || n < 91 || n > 10_000) throw new Error(`LENS_EVENTS_RETENTION_DAYS must be a whole number of days from 91 to 10000, not "${text.slice(0, 20)}"`);
  return n;
}
