-- Signed học bạ handed in by the schools (shared/sync/signedRecordWire.ts). A file comes up in
-- chunks into record_uploads / record_upload_chunks (resumable: an upload remembers how far it
-- got), and once the whole file's SHA-256 matches and the shared verifier accepts it, it is kept
-- in signed_record_versions: every version, append-only (the database refuses UPDATE, DELETE and
-- TRUNCATE, as for audit_events). Keys start with school_id (docs/sharding.md).
create table record_uploads (
  school_id text not null,
  upload_id text not null check (upload_id ~ '^[0-9a-f]{32}$'),
  record_id text not null,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  total_bytes integer not null check (total_bytes > 0),
  received_bytes integer not null check (received_bytes >= 0 and received_bytes <= total_bytes),
  uploaded_by text not null,
  started_at timestamptz not null,
  primary key (school_id, upload_id)
);

-- One open upload per account and file: a desktop that comes back goes on with it.
create unique index record_uploads_resume on record_uploads (school_id, uploaded_by, record_id, sha256);

create table record_upload_chunks (
  school_id text not null,
  upload_id text not null,
  start_byte integer not null check (start_byte >= 0),
  bytes bytea not null,
  primary key (school_id, upload_id, start_byte)
);

create table signed_record_versions (
  school_id text not null,
  record_id text not null,
  version integer not null check (version >= 1),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  pdf bytea not null,
  verdict text not null check (verdict in ('complete', 'partial')),
  record_version integer not null check (record_version >= 1),
  -- The class the record's year names, for the province's progress by class.
  school_year text not null,
  class_name text not null,
  signers jsonb not null,
  uploaded_by text not null,
  uploaded_at timestamptz not null,
  primary key (school_id, record_id, version)
);

create unique index signed_record_versions_file on signed_record_versions (school_id, record_id, sha256);

create function refuse_signed_record_rewrite() returns trigger language plpgsql as $$
begin
  raise exception 'signed_record_versions is append-only: % refused', tg_op using errcode = '42501';
end;
$$;

create trigger signed_record_versions_append_only before update or delete on signed_record_versions
  for each row execute function refuse_signed_record_rewrite();
create trigger signed_record_versions_no_truncate before truncate on signed_record_versions
  for each statement execute function refuse_signed_record_rewrite();
