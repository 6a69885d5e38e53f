import type { Migration } from './types';

/** What the admin page shows: when each token and ingest key was last used, and the team's audit log in order. */

export const lastUsedAndAudit: Migration = {
  version: 9,
  name: 'last use of tokens and ingest keys, the team audit log by position',
  sql: `
    -- Set on use at most once a minute per token or key (admin/last-used.ts), so sign-ins cost no write each.
    alter table tokens add column last_used_at timestamptz;
    alter table ingest_keys add column last_used_at timestamptz;
    -- The admin page pages through a team's accepted writes, newest first.
    create index record_history_team on record_history (team_id, n);
  `,
};
