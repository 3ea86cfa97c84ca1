import { createRxDatabase } from 'rxdb';
import { afterEach, describe, expect, it } from 'vitest';
import { generateSampleSchool } from '../../../../shared/sample/generateSampleSchool';
import { contextAs, databaseHarness } from '../../../../tests/support/browserDatabase';
import { defaultStorage } from '../../database';
import { sampleSchoolDocuments } from '../../../../shared/sample/sampleDocuments';
import { setStaffIdentity } from '../../writes/signingIdentityWrites';
import { schoolsV1Json, type SchoolDocV1 } from '../../../../shared/documents/schools/schoolsV1';
import { rxSchemaOf } from '../rxSchemaOf';

// Real Chromium IndexedDB: a school stored by schema v1 (before personal IDs), opened by this version.
const harness = databaseHarness();
afterEach(() => harness.cleanUp());

const sample = generateSampleSchool({ seed: 7, students: 30 });
const principal = sample.staff.find((member) => member.role === 'principal')?.userId ?? '';

describe('schools v1 → v2 (the signers’ identities)', () => {
  it('keeps every staff member and year, records nothing as known, and takes IDs afterwards', async () => {
    const name = `test-schools-v1-${Date.now().toString(36)}`;
    const v1 = await createRxDatabase({ name, storage: defaultStorage(), multiInstance: false });
    const { schools } = await v1.addCollections({
      schools: { schema: rxSchemaOf<SchoolDocV1>(schoolsV1Json) },
    });
    const { school } = sampleSchoolDocuments(sample, undefined, principal, new Date('2025-09-05T01:00:00Z'));
    const { foreignLanguage1: _language, ...schoolBeforeV3 } = school;
    const schoolV1: SchoolDocV1 = {
      ...schoolBeforeV3,
      staff: school.staff.map(({ userId, login, fullName, role, active }) => ({
        userId,
        login,
        fullName,
        role,
        active,
      })),
    };
    await schools.insert(schoolV1);
    await v1.close();

    const migrated = await harness.open(name);
    const doc = (await migrated.schools.findOne(school.id).exec())?.toMutableJSON();
    expect(doc).toMatchObject({
      name: school.name,
      staff: schoolV1.staff,
      schoolYears: school.schoolYears,
      taxCode: null,
      budgetCode: null,
      sealCertificate: null,
      foreignLanguage1: 'Tiếng Anh',
    });
    expect(
      doc?.staff.every((member) => member.personalId === undefined && member.certificate === undefined),
    ).toBe(true);

    // The migrated document takes the new fields (the v2 schema accepts them).
    const teacher = sample.staff.find((member) => member.role === 'teacher');
    if (!teacher) throw new Error('no teacher');
    await setStaffIdentity(migrated, contextAs(sample, principal), teacher.userId, {
      personalId: '001190012345',
      formerIdNumber: '',
    });
    const after = (await migrated.schools.findOne(school.id).exec())?.toMutableJSON();
    expect(after?.staff.find((member) => member.userId === teacher.userId)?.personalId).toBe('001190012345');
  });

  it('refuses a staff member whose personal ID breaks the stored shape', async () => {
    const database = await harness.open();
    const { school } = sampleSchoolDocuments(sample, undefined, principal, new Date());
    const [first, ...rest] = school.staff;
    if (!first) throw new Error('no staff');
    await expect(
      database.schools.insert({ ...school, staff: [{ ...first, personalId: '0011900123456789' }, ...rest] }),
    ).rejects.toThrow();
    await expect(database.schools.insert({ ...school, taxCode: 12345 as never })).rejects.toThrow();
  });
});
