import type { StudyRecord } from '../../shared/record/studyRecord';

export type SignerNames = { readonly teacher: string; readonly principal: string; readonly school: string };

/**
 * `record` naming these people in its signature boxes (and as its school), as a school whose
 * staff hold the test certificates would: the signer and the verifier check each certificate
 * against the person the record names.
 */
export function namingSigners(record: StudyRecord, names: SignerNames): StudyRecord {
  return {
    ...record,
    school: { ...record.school, name: names.school },
    year: { ...record.year, homeroomTeacherName: names.teacher, principalName: names.principal },
    signers: {
      homeroomTeacher: { ...record.signers.homeroomTeacher, name: names.teacher },
      principal: { ...record.signers.principal, name: names.principal },
      schoolSeal: { ...record.signers.schoolSeal, name: names.school },
    },
  };
}
