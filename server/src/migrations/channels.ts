import type { Migration } from './types';

/**
 * The channels messages go out by, and the messages sent by them.
 */

export const channelsAndDeliveries: Migration = {
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
};
