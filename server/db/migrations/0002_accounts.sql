-- Accounts and their sessions, distributed by school_id. Province admins live under the reserved
-- shard key 'province' (no school has that id: school ids are 'school:<code>').
create table accounts (
  school_id text not null,
  user_id text not null,
  login text not null,
  full_name text not null,
  role text not null check (role in ('provinceAdmin', 'principal', 'vicePrincipal', 'groupHead', 'teacher')),
  password_hash text not null,
  must_change_password boolean not null default false,
  disabled boolean not null default false,
  failed_attempts integer not null default 0,
  locked_until timestamptz,
  token_version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (school_id, user_id),
  check ((school_id = 'province') = (role = 'provinceAdmin'))
);

-- One sign-in of one device: every refresh token it is handed belongs to this family.
create table session_families (
  school_id text not null,
  family_id text not null,
  user_id text not null,
  device_id text,
  device_name text,
  created_at timestamptz not null,
  revoked_at timestamptz,
  revoked_reason text,
  primary key (school_id, family_id),
  foreign key (school_id, user_id) references accounts (school_id, user_id) on delete cascade
);

-- Refresh tokens, stored only as SHA-256. A rotated token presented again revokes its family.
create table refresh_tokens (
  school_id text not null,
  token_hash text not null,
  family_id text not null,
  user_id text not null,
  issued_at timestamptz not null,
  expires_at timestamptz not null,
  rotated_at timestamptz,
  primary key (school_id, token_hash),
  foreign key (school_id, family_id) references session_families (school_id, family_id) on delete cascade
);

-- The one live reset code per account, stored as SHA-256, single use.
create table reset_codes (
  school_id text not null,
  user_id text not null,
  code_hash text not null,
  created_by text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz,
  primary key (school_id, user_id),
  foreign key (school_id, user_id) references accounts (school_id, user_id) on delete cascade
);
