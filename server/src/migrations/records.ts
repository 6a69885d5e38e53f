import type { Migration } from './types';

/**
 * The records store: teams and their users, tokens, every record as JSON with the field marks that
 * merging writes needs, the per-team change feed and the history of accepted writes.
 */

export const teamsUsersItems: Migration = {
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
};

export const fieldMarks: Migration = {
  version: 2,
  name: 'field versions of each record, for field-wise merging',
  sql: `
    -- For each field of a record: the record version that last changed it, by whom, when.
    -- Rows written before this migration have none: their fields count as version 0.
    alter table items add column field_marks jsonb not null default '{}'::jsonb;
  `,
};

export const teamFeedAndHistory: Migration = {
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
};
