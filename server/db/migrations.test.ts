import { afterEach, describe, expect, it } from 'vitest';
import { openTestDatabase, testEngine, type TestDatabase } from '../testing/testDatabase';
import type { Database } from './database';
import { loadMigrations, migrate, pendingMigrations } from './migrate';

/** What each migration adds: every migration file must appear here, so each one has a test. */
const expectations: Record<string, (db: Database) => Promise<void>> = {
  '0001_province.sql': async (db) => {
    await db.query(
      "insert into schools (school_id, code, name, district, created_at) values ('school:T1', 'T1', 'Trường', 'Huyện', now())",
    );
    await expect(
      db.query(
        "insert into schools (school_id, code, name, district, created_at) values ('school:T2', 'T1', 'Trùng mã', 'Huyện', now())",
      ),
    ).rejects.toThrow();
    await db.query("insert into logins (login, school_id, user_id) values ('a.b', 'school:T1', 'user:a.b')");
    await db.query("insert into server_keys (kid, secret, created_at) values ('k', 's', now())");
    await db.query(
      "insert into admin_web_sessions (session_hash, user_id, csrf_token, created_at, expires_at) values ('h', 'user:x', 'c', now(), now())",
    );
  },
  '0002_accounts.sql': async (db) => {
    const insert = (schoolId: string, login: string, role: string) =>
      db.query(
        `insert into accounts (school_id, user_id, login, full_name, role, password_hash, created_at, updated_at)
         values ($1, $2, $3, 'Tên', $4, 'h', now(), now())`,
        [schoolId, `user:${login}`, login, role],
      );
    await insert('school:T1', 'gv1', 'teacher');
    await insert('province', 'so1', 'provinceAdmin');
    // A province admin belongs to no school, and a school account is never a province admin.
    await expect(insert('school:T1', 'gv2', 'provinceAdmin')).rejects.toThrow();
    await expect(insert('province', 'gv3', 'teacher')).rejects.toThrow();
    await db.query(
      "insert into session_families (school_id, family_id, user_id, created_at) values ('school:T1', 'f1', 'user:gv1', now())",
    );
    // A session of school A cannot point at an account of school B (the key includes school_id).
    await expect(
      db.query(
        "insert into session_families (school_id, family_id, user_id, created_at) values ('school:T2', 'f2', 'user:gv1', now())",
      ),
    ).rejects.toThrow();
    await db.query(
      "insert into refresh_tokens (school_id, token_hash, family_id, user_id, issued_at, expires_at) values ('school:T1', 'h1', 'f1', 'user:gv1', now(), now())",
    );
    await db.query(
      "insert into reset_codes (school_id, user_id, code_hash, created_by, created_at, expires_at) values ('school:T1', 'user:gv1', 'c', 'user:x', now(), now())",
    );
  },
  '0003_school_records.sql': async (db) => {
    await db.query(
      "insert into classes (school_id, class_id, school_year, grade, name, created_at) values ('school:T1', 'class:T1:2025-2026:1A', '2025-2026', 1, '1A', now())",
    );
    await expect(
      db.query(
        "insert into classes (school_id, class_id, school_year, grade, name, created_at) values ('school:T1', 'class:T1:2025-2026:6A', '2025-2026', 6, '6A', now())",
      ),
    ).rejects.toThrow();
    await db.query(
      `insert into assignments (school_id, class_id, teacher_id, homeroom, subjects, updated_at)
       values ('school:T1', 'class:T1:2025-2026:1A', 'user:gv1', true, '["toan"]'::jsonb, now())`,
    );
    // An assignment cannot join a class of one school to a teacher of another.
    await expect(
      db.query(
        `insert into assignments (school_id, class_id, teacher_id, homeroom, subjects, updated_at)
         values ('school:T2', 'class:T1:2025-2026:1A', 'user:gv1', true, '[]'::jsonb, now())`,
      ),
    ).rejects.toThrow();
    await db.query(
      "insert into students (school_id, student_id, class_id, full_name, updated_at) values ('school:T1', 'student:0000000001', 'class:T1:2025-2026:1A', 'Học sinh', now())",
    );
  },
  '0004_synced_documents.sql': async (db) => {
    await db.query("insert into sync_heads (school_id, seq) values ('school:T1', 2)");
    const put = (collection: string, docId: string, seq: number) =>
      db.query(
        `insert into synced_documents (school_id, collection, doc_id, seq, deleted, body, written_by, written_at)
         values ('school:T1', $1, $2, $3, false, '{"id":"x"}'::jsonb, 'user:gv1', now())`,
        [collection, docId, seq],
      );
    await put('people', 'student:0000000001', 1);
    await put('subjectResults', 'r1', 2);
    // One sequence number per school and collection, and only the synced collections.
    await expect(put('people', 'student:0000000002', 1)).rejects.toThrow();
    await expect(put('nothing', 'n1', 3)).rejects.toThrow();
    await expect(
      db.query("insert into sync_heads (school_id, seq) values ('school:T1', 5)"),
    ).rejects.toThrow();
  },
  '0005_audit_events.sql': async (db) => {
    const hash = 'a'.repeat(64);
    await db.query(
      `insert into audit_events (school_id, device_id, seq, hash, prev_hash, sync_seq, body, received_at)
       values ('school:T1', 'device-1', 1, $1, $2, 3, '{}'::jsonb, now())`,
      [hash, '0'.repeat(64)],
    );
    // Append-only, whatever the statement: no update, no delete, no truncate.
    await expect(db.query('update audit_events set body = \'{"x":1}\'::jsonb')).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query('delete from audit_events')).rejects.toThrow(/append-only/);
    await expect(db.query('truncate audit_events')).rejects.toThrow(/append-only/);
    await expect(
      db.query(
        `insert into audit_events (school_id, device_id, seq, hash, prev_hash, sync_seq, body, received_at)
         values ('school:T1', 'device-1', 1, $1, $1, 4, '{}'::jsonb, now())`,
        [hash],
      ),
    ).rejects.toThrow();
    expect(await db.query('select count(*)::int as n from audit_events')).toEqual([{ n: 1 }]);
  },
  '0006_signed_records.sql': async (db) => {
    const sha = 'b'.repeat(64);
    const upload = 'c'.repeat(32);
    const record = 'studyRecord:student:0000000001:2025-2026';
    await db.query(
      `insert into record_uploads (school_id, upload_id, record_id, sha256, total_bytes, received_bytes, uploaded_by, started_at)
       values ('school:T1', $1, $2, $3, 10, 0, 'user:a', now())`,
      [upload, record, sha],
    );
    // An upload never claims more than the file, and one account opens one upload per file.
    await expect(db.query('update record_uploads set received_bytes = 11')).rejects.toThrow();
    await expect(
      db.query(
        `insert into record_uploads (school_id, upload_id, record_id, sha256, total_bytes, received_bytes, uploaded_by, started_at)
         values ('school:T1', $1, $2, $3, 10, 0, 'user:a', now())`,
        ['d'.repeat(32), record, sha],
      ),
    ).rejects.toThrow();
    const insertVersion = (version: number, fileSha: string) =>
      db.query(
        `insert into signed_record_versions (school_id, record_id, version, sha256, pdf, verdict, record_version,
           school_year, class_name, signers, uploaded_by, uploaded_at)
         values ('school:T1', $1, $2, $3, '\\x25504446'::bytea, 'partial', 1, '2025-2026', '1A', '[]'::jsonb, 'user:a', now())`,
        [record, version, fileSha],
      );
    await insertVersion(1, sha);
    // Every version is kept as it came: no update, delete or truncate; the same file is one version.
    await expect(db.query("update signed_record_versions set verdict = 'complete'")).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query('delete from signed_record_versions')).rejects.toThrow(/append-only/);
    await expect(db.query('truncate signed_record_versions')).rejects.toThrow(/append-only/);
    await expect(insertVersion(2, sha)).rejects.toThrow();
    await expect(insertVersion(1, 'e'.repeat(64))).rejects.toThrow();
    await insertVersion(2, 'e'.repeat(64));
    expect(await db.query('select count(*)::int as n from signed_record_versions')).toEqual([{ n: 2 }]);
  },
};

describe(`migrations (${testEngine})`, () => {
  let database: TestDatabase | null = null;
  afterEach(async () => {
    await database?.drop();
    database = null;
  });

  it('every migration file has a test here, and names are numbered in order', async () => {
    const names = (await loadMigrations()).map((migration) => migration.name);
    expect(names).toEqual(Object.keys(expectations).sort());
    names.forEach((name, index) => expect(name.slice(0, 4)).toBe(String(index + 1).padStart(4, '0')));
  });

  for (const [name, check] of Object.entries(expectations)) {
    it(`${name} applies on top of the ones before it and does what it says`, async () => {
      database = await openTestDatabase();
      const previous = Object.keys(expectations).filter((other) => other < name);
      for (const earlier of previous) await migrate(database.db, earlier);
      expect(await pendingMigrations(database.db)).toContain(name);
      expect(await migrate(database.db, name)).toEqual([name]);
      for (const earlier of previous) await expectations[earlier]?.(database.db);
      await check(database.db);
    });
  }

  it('goes up from empty in one run, then has nothing pending and applies nothing twice', async () => {
    database = await openTestDatabase();
    expect(await pendingMigrations(database.db)).toEqual(Object.keys(expectations).sort());
    expect(await migrate(database.db)).toEqual(Object.keys(expectations).sort());
    expect(await pendingMigrations(database.db)).toEqual([]);
    expect(await migrate(database.db)).toEqual([]);
  });
});
