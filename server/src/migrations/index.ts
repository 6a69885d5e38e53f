import type { Sql } from '../db';
import { lastUsedAndAudit } from './admin';
import { automationRules, reminderHour } from './automation';
import { channelsAndDeliveries } from './channels';
import { ingestTables, webhookSecrets } from './ingest';
import { fieldMarks, teamFeedAndHistory, teamsUsersItems } from './records';
import { ssoSessions } from './sso';
import type { Migration } from './types';

export type { Migration } from './types';

/**
 * The schema, as numbered migrations applied in order on start, the same on
 * PGlite and PostgreSQL. A migration is never edited once released: a change
 * is a new one, added at the end of this list. Several servers starting at
 * once on one database take an advisory lock, so each migration runs once.
 */
export const MIGRATIONS: Migration[] = [
  teamsUsersItems, // 1
  fieldMarks, // 2
  teamFeedAndHistory, // 3
  ingestTables, // 4
  webhookSecrets, // 5
  channelsAndDeliveries, // 6
  automationRules, // 7
  reminderHour, // 8
  lastUsedAndAudit, // 9
  ssoSessions, // 10
];

export async function migrate(sql: Sql): Promise<number[]> {
  return sql.transaction(async (tx) => {
    // Serialises concurrent starts; released at commit.
    await tx.query('select pg_advisory_xact_lock(7041)');
    await tx.query('create table if not exists schema_migrations (version int primary key, name text not null, applied_at timestamptz not null default now())');
    const done = new Set((await tx.query<{ version: number }>('select version from schema_migrations')).rows.map((r) => Number(r.version)));
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
