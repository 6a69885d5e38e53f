import type { Sql } from './db';

/**
 * The schema, as numbered migrations applied in order on start, the same on
 * PGlite and PostgreSQL. A migration is never edited once released: a change
 * is a new one. Several servers starting at once on one database take an
 * advisory lock, so each migration runs once.
 */
export const MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'teams, users, tokens, items, idempotency keys',
    sql: `
      create table teams (
        id text primary key,
        name text not null,
        created_at timestamptz not null default now()
      );
      create table users (
        id text primary key,
        team_id text not null references teams(id),
        name text not null,
        role text not null check (role in ('sales', 'csm', 'manager')),
        created_at timestamptz not null default now(),
        unique (team_id, name)
      );
      -- Tokens are stored as SHA-256 hashes of their secret part; the id part finds the row.
      create table tokens (
        id text primary key,
        user_id text not null references users(id),
        hash text not null,
        created_at timestamptz not null default now(),
        expires_at timestamptz,
        revoked_at timestamptz
      );
      -- Accounts and every record kind, as the JSON the contract defines; seq orders the change feed.
      create sequence change_seq;
      create table items (
        team_id text not null references teams(id),
        kind text not null,
        id text not null,
        account_id text not null,
        data jsonb not null,
        seq bigint not null,
        primary key (team_id, kind, id)
      );
      create index items_feed on items (team_id, seq);
      create index items_account on items (team_id, account_id, kind);
      create index items_crm on items (team_id, (data->>'crm'), (data->>'recordId')) where kind = 'accounts';
      create table idempotency (
        team_id text not null references teams(id),
        key text not null,
        body_hash text not null,
        answer jsonb not null,
        created_at timestamptz not null default now(),
        primary key (team_id, key)
      );
    `,
  },
  {
    version: 2,
    name: 'field versions of each record, for field-wise merging',
    sql: `
      -- For each field of a record: the record version that last changed it, by whom, when.
      -- Rows written before this migration have none: their fields count as version 0.
      alter table items add column field_marks jsonb not null default '{}'::jsonb;
    `,
  },
  {
    version: 3,
    name: 'per-team feed positions, record history',
    sql: `
      -- Feed positions count per team, so a team's cursor says nothing about other teams' writes.
      -- The row of team_feed is also what serialises a team's writers until they commit.
      create table team_feed (
        team_id text primary key references teams(id),
        last_seq bigint not null
      );
      update items i set seq = r.n
        from (select team_id, kind, id, row_number() over (partition by team_id order by seq) as n from items) r
        where i.team_id = r.team_id and i.kind = r.kind and i.id = r.id;
      insert into team_feed (team_id, last_seq) select team_id, max(seq) from items group by team_id;
      create function next_team_seq(team text) returns bigint language sql as $$
        insert into team_feed (team_id, last_seq) values (team, 1)
          on conflict (team_id) do update set last_seq = team_feed.last_seq + 1
          returning last_seq
      $$;
      -- Every accepted write: who (and in which role), when, what it did and the version stored.
      create table record_history (
        n bigserial primary key,
        team_id text not null references teams(id),
        kind text not null,
        id text not null,
        changed_at timestamptz not null,
        user_id text not null references users(id),
        user_name text not null,
        role text not null,
        actions text not null,
        data jsonb not null
      );
      create index record_history_record on record_history (team_id, kind, id, changed_at);
    `,
  },
  {
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
  },
  {
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
  },
  {
    version: 6,
    name: 'channels',
    sql: `
      -- Per team, the channels deliveries go out by: an SMTP server or a group robot (WeCom, DingTalk,
      -- Feishu). The config holds what sending needs (an SMTP password, a webhook URL with its key, a
      -- signing secret), in clear because sending needs it; never returned by the API or written to the log.
      create table channels (
        team_id text not null references teams(id),
        name text not null,
        kind text not null check (kind in ('email', 'wecom', 'dingtalk', 'feishu')),
        config jsonb not null,
        updated_at timestamptz not null,
        primary key (team_id, name)
      );
      -- A message someone asked the server to send by a channel. next_at: when it is next due (a queued
      -- one), or when a send in progress counts as abandoned (a server that stopped mid-send).
      create table deliveries (
        id text primary key,
        team_id text not null references teams(id),
        channel text not null,
        kind text not null,
        account_id text not null,
        user_name text not null,
        subject text,
        body text not null,
        recipients jsonb not null default '[]'::jsonb,
        idempotency_key text,
        state text not null check (state in ('queued', 'sending', 'sent', 'failed')),
        attempts int not null default 0,
        last_error text,
        next_at timestamptz,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        sent_at timestamptz,
        unique (team_id, idempotency_key)
      );
      create index deliveries_due on deliveries (next_at) where state in ('queued', 'sending');
      create index deliveries_account on deliveries (team_id, account_id, created_at);
    `,
  },
  {
    version: 7,
    name: 'automation rules and scheduled messages',
    sql: `
      -- Per team, each automation (welcome, report-reminder): off until a manager turns it on. feed_seq: how far the
      -- team's change feed was read for accepted handovers; checked_day: the team's local day last looked at for
      -- reports due. Only what happens after enabled_at counts, so turning a rule on sends nothing about the past.
      create table automation_rules (
        team_id text not null references teams(id),
        rule text not null check (rule in ('welcome', 'report-reminder')),
        enabled boolean not null,
        config jsonb not null,
        enabled_at timestamptz,
        feed_seq bigint not null default 0,
        checked_day text,
        updated_at timestamptz not null,
        primary key (team_id, rule)
      );
      -- A message a rule scheduled: shown before it goes (preview), cancellable until due_at; at due_at it becomes a
      -- delivery. key names what it is for (the handover; the account and month), so each goes once.
      create table automation_jobs (
        id text primary key,
        team_id text not null references teams(id),
        rule text not null,
        key text not null,
        account_id text not null,
        channel text not null,
        kind text not null,
        subject text,
        body text not null,
        recipients jsonb not null default '[]'::jsonb,
        due_at timestamptz not null,
        state text not null check (state in ('scheduled', 'cancelled', 'queued', 'skipped')),
        note text,
        delivery_id text,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        unique (team_id, rule, key)
      );
      create index automation_jobs_due on automation_jobs (due_at) where state = 'scheduled';
      create index automation_jobs_account on automation_jobs (team_id, account_id, created_at);
    `,
  },
  {
    version: 8,
    name: 'the hour of the report reminders',
    sql: `
      -- report-reminder: the local hour (in the rule's time zone) from which a day's reminders go; rules set
      -- before this migration keep the hour they had, 09:00.
      alter table automation_rules add column reminder_hour smallint not null default 9 check (reminder_hour between 0 and 23);
    `,
  },
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
