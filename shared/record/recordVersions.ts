import { studyRecordHash } from './recordHash';
import { studyRecordSchema, type StudyRecord } from './studyRecord';

/**
 * A correction of a signed record (../shared/docs/domain.md: a signed record is immutable): the corrected
 * content becomes version n+1, pointing to version n's content hash and to the approved
 * amendment (biên bản) that allowed the change.
 */
export function amendStudyRecord(
  previous: StudyRecord,
  corrected: StudyRecord,
  amendmentId: string,
): StudyRecord {
  if (corrected.id !== previous.id)
    throw new RangeError('Bản điều chỉnh phải là của cùng học sinh và cùng năm học với học bạ trước.');
  if (amendmentId.trim() === '')
    throw new RangeError('Bản điều chỉnh cần mã biên bản điều chỉnh đã được duyệt.');
  return studyRecordSchema.parse({
    ...corrected,
    version: {
      number: previous.version.number + 1,
      previousHash: studyRecordHash(previous),
      amendmentId,
    },
  });
}

export type VersionLinkProblem = 'differentRecord' | 'notNext' | 'hashMismatch' | 'noAmendment';

/** Whether `next` is a valid correction of `previous`; the problems, in Vietnamese, otherwise. */
export function checkVersionLink(
  previous: StudyRecord,
  next: StudyRecord,
): { readonly ok: boolean; readonly problems: readonly { kind: VersionLinkProblem; message: string }[] } {
  const problems: { kind: VersionLinkProblem; message: string }[] = [];
  if (next.id !== previous.id)
    problems.push({ kind: 'differentRecord', message: 'Hai phiên bản không cùng một học bạ.' });
  if (next.version.number !== previous.version.number + 1)
    problems.push({
      kind: 'notNext',
      message: `Phiên bản ${next.version.number} không nối tiếp phiên bản ${previous.version.number}.`,
    });
  if (next.version.previousHash !== studyRecordHash(previous))
    problems.push({
      kind: 'hashMismatch',
      message: 'Mã băm phiên bản trước không khớp nội dung học bạ trước: học bạ trước đã bị thay đổi.',
    });
  if (next.version.amendmentId === null)
    problems.push({ kind: 'noAmendment', message: 'Phiên bản điều chỉnh không ghi biên bản điều chỉnh.' });
  return { ok: problems.length === 0, problems };
}
