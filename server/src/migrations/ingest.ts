import type { Migration } from './types';

/**
 * What the health-data pipeline posts: usage events, help-desk tickets, NPS responses, the keys that
 * post them and the secrets their webhooks are signed with.
 */

export const ingestTables: Migration = {
  version: 4,
  name: 'usage events, support tickets, NPS responses, ingest keys and configuration',
  sql: `
    -- Write-only keys for the analytics pipeline and help desks: they post events and nothing else.
    create table ingest_keys (
      id text primary key,
      team_id text not null references teams(id),
      name text not null,
      hash text not null,
      created_at timestamptz not null default now(),
      revoked_at timestamptz
    );
    -- Per team: which events are core, which make up modules, the key action, seats and external ids per account.
    create table ingest_config (
      team_id text primary key references teams(id),
      config jsonb not null,
      updated_at timestamptz not null,
      updated_by text not null
    );
    -- Usage events (Segment spec calls), one partition per UTC day of the event's time (created on demand,
    -- dropped past the retention). Rows carry what the rollup and the people view need, not the properties.
    create table events (
      team_id text not null,
      ts timestamptz not null,
      type text not null,
      event text,
      user_id text,
      anonymous_id text,
      group_id text,
      received_at timestamptz not null
    ) partition by range (ts);
    create index events_team_ts on events (team_id, ts);
    -- messageIds seen, so a batch sent again stores nothing twice; pruned with the partitions by day.
    create table event_keys (
      team_id text not null,
      message_id text not null,
      day date not null,
      primary key (team_id, message_id)
    );
    create index event_keys_day on event_keys using brin (day);
    -- End users: who they are (identify traits), which group (account) they belong to, when last active.
    create table end_users (
      team_id text not null,
      user_id text not null,
      traits jsonb not null default '{}'::jsonb,
      group_id text,
      group_at timestamptz,
      first_seen timestamptz,
      last_seen timestamptz,
      last_event text,
      primary key (team_id, user_id)
    );
    create index end_users_group on end_users (team_id, group_id);
    -- Per team and UTC day, what the rollup reads instead of the raw events: which users were active under
    -- which group, and how often each event was used. A day is summarised again when events for it arrive.
    create table usage_days (
      team_id text not null,
      day date not null,
      dirty boolean not null,
      primary key (team_id, day)
    );
    create table usage_user_days (
      team_id text not null,
      day date not null,
      group_id text not null,
      user_id text not null
    );
    create index usage_user_days_day on usage_user_days (team_id, day);
    create table usage_event_days (
      team_id text not null,
      day date not null,
      group_id text not null,
      event text not null,
      n int not null,
      last timestamptz not null
    );
    create index usage_event_days_day on usage_event_days (team_id, day);
    -- Help-desk tickets: one row per ticket, opened and solved times filled in whichever order they arrive.
    create table tickets (
      team_id text not null,
      source text not null,
      ticket_id text not null,
      group_id text,
      user_id text,
      priority text,
      status text not null,
      opened_at timestamptz,
      solved_at timestamptz,
      updated_at timestamptz not null,
      primary key (team_id, source, ticket_id)
    );
    create index tickets_opened on tickets (team_id, opened_at);
    create table nps_responses (
      team_id text not null,
      source text not null,
      response_id text not null,
      group_id text,
      user_id text,
      score int not null check (score between 0 and 10),
      comment text,
      responded_at timestamptz not null,
      primary key (team_id, source, response_id)
    );
    create index nps_responded on nps_responses (team_id, responded_at);
    -- Creates the day partition of events for each day given, unless it exists (another server may race us).
    create function ensure_event_days(days date[]) returns void language plpgsql as $$
    declare d date;
    begin
      foreach d in array days loop
        if to_regclass('events_' || to_char(d, 'YYYYMMDD')) is null then
          begin
            execute format('create table %I partition of events for values from (%L) to (%L)',
              'events_' || to_char(d, 'YYYYMMDD'), d::text || ' 00:00:00+00', (d + 1)::text || ' 00:00:00+00');
          exception when duplicate_table then null;
          end;
        end if;
      end loop;
    end $$;
  `,
};

export const webhookSecrets: Migration = {
  version: 5,
  name: 'webhook signing secrets',
  sql: `
    -- Per team and source (zendesk, freshdesk, tickets, nps): the secret its webhooks are signed with. Kept
    -- in clear because checking an HMAC needs it; never returned by the API or written to the log.
    create table webhook_secrets (
      team_id text not null references teams(id),
      source text not null,
      secret text not null,
      updated_at timestamptz not null,
      primary key (team_id, source)
    );
  `,
};
