-- The audit trail as the server keeps it: each device's hash chain, append-only. The database
-- itself refuses UPDATE, DELETE and TRUNCATE, so no code path (nor a mistaken script) rewrites
-- history; a chain continues only from the head the server holds (server/services/auditService.ts).
-- sync_seq is the school's sync sequence (sync_heads), by which desktops pull the events.
create table audit_events (
  school_id text not null,
  device_id text not null,
  seq bigint not null check (seq >= 1),
  hash text not null check (hash ~ '^[0-9a-f]{64}$'),
  prev_hash text not null check (prev_hash ~ '^[0-9a-f]{64}$'),
  sync_seq bigint not null check (sync_seq > 0),
  body jsonb not null,
  received_at timestamptz not null,
  primary key (school_id, device_id, seq)
);

create unique index audit_events_pull on audit_events (school_id, sync_seq);

create function refuse_audit_rewrite() returns trigger language plpgsql as $$
begin
  raise exception 'audit_events is append-only: % refused', tg_op using errcode = '42501';
end;
$$;

create trigger audit_events_append_only before update or delete on audit_events
  for each row execute function refuse_audit_rewrite();
create trigger audit_events_no_truncate before truncate on audit_events
  for each statement execute function refuse_audit_rewrite();
