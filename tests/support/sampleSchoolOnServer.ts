import { expect } from 'vitest';
import { provisionSchool } from '../../server/services/provisioning';
import { generateSampleSchool } from '../../shared/sample/generateSampleSchool';
import { sampleSchoolDocuments, type SampleDocuments } from '../../shared/sample/sampleDocuments';
import type { SampleSchoolFile } from '../../shared/sample/sampleSchoolFile';
import { pushAnswerSchema, type SyncedCollection } from '../../shared/sync/syncWire';
import { asAccount, type TestProvinceServer } from './provinceServer';

/** The sample school's principal's login (every staff member's password is the one given). */
export const samplePrincipalLogin = 'hieutruong';

/**
 * A sample school as a principal's desktop leaves it on the province server: its staff with
 * accounts (all with `password`), its classes and assignments set up through the API, and its
 * school, class, assignment and student documents pushed as the principal's sync would.
 */
export async function sampleSchoolOnServer(
  server: TestProvinceServer,
  options: { readonly seed: number; readonly students: number; readonly password: string },
): Promise<{ readonly sample: SampleSchoolFile; readonly documents: SampleDocuments }> {
  const { password } = options;
  const sample = generateSampleSchool({ seed: options.seed, students: options.students });
  const documents = sampleSchoolDocuments(
    sample,
    undefined,
    `user:${samplePrincipalLogin}`,
    new Date('2026-09-05T01:00:00Z'),
  );
  await provisionSchool(server.running().ctx, {
    school: { code: sample.school.code, name: sample.school.name, district: 'Huyện' },
    principal: { login: samplePrincipalLogin, fullName: 'Hiệu trưởng', password },
    staff: sample.staff
      .filter((member) => member.role !== 'principal')
      .map((member) => ({ login: member.login, fullName: member.fullName, role: member.role, password })),
  });
  const { call } = await asAccount(server, samplePrincipalLogin, password);
  const school = `/schools/${encodeURIComponent(sample.school.id)}`;
  for (const schoolClass of sample.classes)
    await call('POST', `${school}/classes`, {
      schoolYear: sample.schoolYear,
      grade: schoolClass.grade,
      name: schoolClass.name,
    });
  for (const a of sample.assignments)
    await call(
      'PUT',
      `${school}/classes/${encodeURIComponent(a.classId)}/assignments/${encodeURIComponent(a.teacherId)}`,
      { homeroom: a.homeroom, subjects: a.subjects },
    );
  const seed: [SyncedCollection, readonly Record<string, unknown>[]][] = [
    ['schools', [documents.school]],
    ['classes', documents.classes],
    ['assignments', documents.assignments],
    ['people', documents.people],
  ];
  for (const [collection, docs] of seed) {
    const answer = pushAnswerSchema.parse(
      await call('POST', `${school}/sync/${collection}/push`, {
        rows: docs.map((doc) => ({
          assumedMasterState: null,
          newDocumentState: { ...doc, _deleted: false },
        })),
      }),
    );
    expect(answer.conflicts).toEqual([]);
  }
  return { sample, documents };
}
