-- The school's synced documents (every collection the desktops replicate) and, per school, the
-- sequence that orders them for pull. A push takes its school's sync_heads row first and holds it
-- to commit, so one school's writes commit in the order of their sequence numbers: a pull that
-- has read up to n never misses a row committed later with a number below n. Schools never wait
-- for each other, and no statement crosses schools (keys start with school_id; see docs/sharding.md).
create table sync_heads (
  school_id text primary key,
  seq bigint not null check (seq >= 0)
);

create table synced_documents (
  school_id text not null,
  collection text not null check (collection in ('schools', 'classes', 'people', 'assignments',
    'subjectResults', 'characterResults', 'yearResults', 'auditEvents')),
  doc_id text not null,
  seq bigint not null check (seq > 0),
  deleted boolean not null,
  body jsonb not null,
  written_by text not null,
  written_at timestamptz not null,
  primary key (school_id, collection, doc_id)
);

create unique index synced_documents_pull on synced_documents (school_id, collection, seq);
