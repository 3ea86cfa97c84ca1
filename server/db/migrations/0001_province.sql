-- Province-level tables (Citus reference tables): the schools list, the province-wide login
-- directory that routes a sign-in to its school, the token signing keys, the admin page's sessions.
create table schools (
  school_id text primary key,
  code text not null unique,
  name text not null,
  district text not null,
  created_at timestamptz not null
);

-- A login is unique in the province; school_id is 'province' for province admins.
create table logins (
  login text primary key,
  school_id text not null,
  user_id text not null unique
);

create table server_keys (
  kid text primary key,
  secret text not null,
  created_at timestamptz not null
);

create table admin_web_sessions (
  session_hash text primary key,
  user_id text not null,
  csrf_token text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null
);
