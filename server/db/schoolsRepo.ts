import { z } from 'zod';
import { schoolIdSchema, type SchoolId } from '../../shared/domain/ids';
import type { Queryable } from './database';
import { parseRows } from './rows';

/** The province's schools list (a reference table) and each school's counts (one shard each). */
export type SchoolRecord = {
  readonly schoolId: SchoolId;
  readonly code: string;
  readonly name: string;
  readonly district: string;
};

const schoolRow = z
  .object({ school_id: schoolIdSchema, code: z.string(), name: z.string(), district: z.string() })
  .transform((row): SchoolRecord => ({
    schoolId: row.school_id,
    code: row.code,
    name: row.name,
    district: row.district,
  }));

export async function insertSchool(db: Queryable, school: SchoolRecord, now: Date): Promise<void> {
  await db.query(
    'insert into schools (school_id, code, name, district, created_at) values ($1, $2, $3, $4, $5)',
    [school.schoolId, school.code, school.name, school.district, now],
  );
}

export async function listSchools(db: Queryable): Promise<SchoolRecord[]> {
  return parseRows(
    schoolRow,
    await db.query('select school_id, code, name, district from schools order by code'),
  );
}

export async function getSchool(db: Queryable, schoolId: SchoolId): Promise<SchoolRecord | null> {
  const rows = await db.query('select school_id, code, name, district from schools where school_id = $1', [
    schoolId,
  ]);
  return parseRows(schoolRow, rows)[0] ?? null;
}

export type SchoolCounts = { readonly students: number; readonly classes: number; readonly staff: number };

/** One school's counts: three queries on its own shard, never a join across schools. */
export async function countSchool(db: Queryable, schoolId: SchoolId): Promise<SchoolCounts> {
  const count = async (table: 'students' | 'classes' | 'accounts'): Promise<number> => {
    const rows = await db.query(`select count(*)::int as n from ${table} where school_id = $1`, [schoolId]);
    return parseRows(z.object({ n: z.number() }), rows)[0]?.n ?? 0;
  };
  return {
    students: await count('students'),
    classes: await count('classes'),
    staff: await count('accounts'),
  };
}
