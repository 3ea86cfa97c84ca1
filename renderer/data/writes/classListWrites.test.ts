import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../shared/audit/auditChain';
import { buildClassListPreview } from '../../../shared/classList/buildClassListPreview';
import { classListColumns, type ClassListField } from '../../../shared/classList/classListColumns';
import type { RawTable } from '../../../shared/classList/rawTable';
import { usualBirthYear } from '../../../shared/domain/grade';
import { startYearOf } from '../../../shared/domain/schoolYear';
import {
  contextAs,
  databaseHarness,
  seededDatabase,
  testDeviceId,
} from '../../../tests/support/browserDatabase';
import type { HocbaDatabase } from '../database';
import { importChunkSize, importClassList, type ImportProgress } from './classListWrites';

// Runs in real Chromium: the database is RxDB on the browser's own IndexedDB.
const harness = databaseHarness();
afterEach(() => harness.cleanUp());

type Row = Partial<Record<ClassListField, string>>;
const fields = classListColumns.map((column) => column.field);

function tableOf(rows: readonly Row[]): RawTable {
  return {
    sheetName: 'Danh sách lớp',
    headerRow: 1,
    headers: classListColumns.map((column) => column.header),
    rows: rows.map((row, index) => ({
      rowNumber: index + 2,
      cells: fields.map((field) => row[field] ?? ''),
      numericColumns: [],
    })),
  };
}

async function setUp() {
  const { database, school } = await seededDatabase(harness, 40);
  const schoolClass = school.classes.find((candidate) => candidate.grade === 2);
  if (!schoolClass) throw new Error('no grade 2 class');
  const homeroom = school.assignments.find((a) => a.classId === schoolClass.id && a.homeroom);
  const otherHomeroom = school.assignments.find((a) => a.classId !== schoolClass.id && a.homeroom);
  const principal = school.staff.find((member) => member.role === 'principal');
  if (!homeroom || !otherHomeroom || !principal) throw new Error('sample school incomplete');
  const born = `15/06/${usualBirthYear(schoolClass.grade, startYearOf(school.schoolYear))}`;
  const row = (code: string, fullName: string): Row => ({
    fullName,
    birthDate: born,
    gender: 'Nữ',
    studentCode: code,
  });
  const previewOf = (rows: readonly Row[]) =>
    buildClassListPreview(tableOf(rows), {
      existingStudentCodes: new Map(),
      existingPersonalIds: new Map(),
      schoolYear: school.schoolYear,
      grade: schoolClass.grade,
    });
  return {
    database,
    school,
    schoolClass,
    row,
    previewOf,
    homeroom: contextAs(school, homeroom.teacherId),
    otherHomeroom: contextAs(school, otherHomeroom.teacherId),
    principal: contextAs(school, principal.userId),
  };
}

/** A distinct given name of letters only, for each index (Aa, Ab, …). */
const givenNameOf = (index: number): string =>
  String.fromCharCode(65 + (Math.floor(index / 26) % 26)) + String.fromCharCode(97 + (index % 26));

async function chainOf(database: HocbaDatabase) {
  const docs = await database.auditEvents
    .find({ selector: { deviceId: testDeviceId }, sort: [{ seq: 'asc' }] })
    .exec();
  return docs.map((doc) => doc.toMutableJSON());
}

describe('importing a class list (all or nothing, audited)', () => {
  it('writes every valid row as a new student of the class, one audit event each', async () => {
    const { database, school, schoolClass, row, previewOf, homeroom } = await setUp();
    const preview = previewOf([
      row('0990000001', 'Phạm Thu Hà'),
      row('0990000002', 'Đỗ Minh Khôi'),
      { ...row('0990000003', 'Vũ An'), birthDate: '31/02/2018' },
    ]);
    expect(preview.validCount).toBe(2);
    const before = await database.people.count({ selector: { classId: schoolClass.id } }).exec();
    await expect(importClassList(database, homeroom, schoolClass.id, preview)).resolves.toBe(2);

    expect(await database.people.count({ selector: { classId: schoolClass.id } }).exec()).toBe(before + 2);
    const khoi = (await database.people.findOne('student:0990000002').exec())?.toMutableJSON();
    expect(khoi).toMatchObject({
      classId: schoolClass.id,
      schoolId: school.school.id,
      schoolYear: school.schoolYear,
      fullName: 'Đỗ Minh Khôi',
      searchName: 'do minh khoi',
      gender: 'female',
      nationality: 'Việt Nam',
      electives: [],
      photo: null,
      birthCertificateCheck: null,
      parentsConfirmation: null,
      updatedBy: homeroom.actor.userId,
    });
    expect(await database.people.findOne('student:0990000003').exec()).toBeNull();
    const chain = await chainOf(database);
    const created = chain.filter((event) => event.docId.startsWith('student:099000000'));
    expect(created.map((event) => [event.docId, event.field])).toEqual([
      ['student:0990000001', '*'],
      ['student:0990000002', '*'],
    ]);
    expect(verifyAuditChain(testDeviceId, chain)).toEqual([]);
  });

  it('reports its progress after every chunk, up to every student', async () => {
    const { database, schoolClass, row, previewOf, homeroom } = await setUp();
    const count = importChunkSize * 2 + 17;
    const preview = previewOf(
      Array.from({ length: count }, (_, index) =>
        row(`09911${String(index).padStart(5, '0')}`, `Lê Thị ${givenNameOf(index)}`),
      ),
    );
    expect(preview.validCount).toBe(count);
    const heard: ImportProgress[] = [];
    await expect(
      importClassList(database, homeroom, schoolClass.id, preview, (progress) => heard.push(progress)),
    ).resolves.toBe(count);
    expect(heard).toEqual([
      { written: importChunkSize, total: count },
      { written: importChunkSize * 2, total: count },
      { written: count, total: count },
    ]);
    expect(verifyAuditChain(testDeviceId, await chainOf(database))).toEqual([]);
  });

  it('lets leadership import, and refuses the homeroom teacher of another class', async () => {
    const { database, schoolClass, row, previewOf, principal, otherHomeroom } = await setUp();
    const preview = previewOf([row('0990000011', 'Ngô Bảo Ngọc')]);
    await expect(importClassList(database, otherHomeroom, schoolClass.id, preview)).rejects.toThrow(
      'Chỉ giáo viên chủ nhiệm của lớp hoặc ban giám hiệu',
    );
    expect(await database.people.findOne('student:0990000011').exec()).toBeNull();
    await expect(importClassList(database, principal, schoolClass.id, preview)).resolves.toBe(1);
  });

  it('writes nothing when a student of the list appeared meanwhile, or when no row is valid', async () => {
    const { database, school, schoolClass, row, previewOf, homeroom } = await setUp();
    const existing = school.students[0];
    if (!existing) throw new Error('no students');
    // Built as if the database were empty: the existing code is only found at write time.
    const preview = previewOf([row('0990000021', 'Lý Gia Huy'), row(existing.studentCode, 'Trùng Mã')]);
    expect(preview.validCount).toBe(2);
    const people = await database.people.count().exec();
    const events = (await chainOf(database)).length;
    await expect(importClassList(database, homeroom, schoolClass.id, preview)).rejects.toThrow(
      'Một số học sinh đã có trên máy',
    );
    expect(await database.people.count().exec()).toBe(people);
    expect((await chainOf(database)).length).toBe(events);

    const invalid = previewOf([{ ...row('0990000031', 'Mai Lan'), gender: 'X' }]);
    await expect(importClassList(database, homeroom, schoolClass.id, invalid)).rejects.toThrow(
      'Không có dòng hợp lệ',
    );
    expect(await database.people.count().exec()).toBe(people);
  });
});
