import type { Migration } from './types';

/** Single sign-on: who a person is at the team's identity provider, and the sessions the server issues them. */

export const ssoSessions: Migration = {
  version: 10,
  name: 'single sign-on: identity of people at the provider, sessions with rotating refresh tokens',
  sql: `
    -- The provider's issuer and subject identify a person for good; their e-mail may change.
    alter table users add column sso_subject text;
    alter table users add column email text;
    create unique index users_sso_subject on users (team_id, sso_subject) where sso_subject is not null;
    -- A signed-in browser: the refresh token's hash (rotated on each use) and the one before it,
    -- so a refresh token used twice ends the session (a copy is in someone else's hands).
    create table sso_sessions (
      id text primary key,
      user_id text not null references users(id),
      refresh_hash text not null,
      previous_hash text,
      created_at timestamptz not null default now(),
      refreshed_at timestamptz,
      expires_at timestamptz not null,
      revoked_at timestamptz
    );
    create index sso_sessions_user on sso_sessions (user_id);
    -- The short-lived access tokens a session hands out are ordinary tokens that name their session.
    alter table tokens add column session_id text references sso_sessions(id);
    create index tokens_session on tokens (session_id) where session_id is not null;
  `,
};
