import type { Migration } from './types';

/**
 * The automations a manager turns on and the messages they schedule.
 */

export const automationRules: Migration = {
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
};

export const reminderHour: Migration = {
  version: 8,
  name: 'the hour of the report reminders',
  sql: `
    -- report-reminder: the local hour (in the rule's time zone) from which a day's reminders go; rules set
    -- before this migration keep the hour they had, 09:00.
    alter table automation_rules add column reminder_hour smallint not null default 9 check (reminder_hour between 0 and 23);
  `,
};
