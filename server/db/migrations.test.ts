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
