import { useEffect } from 'react';
import type { ClassId } from '../../../shared/domain/ids';
import { studyRecordHash } from '../../../shared/record/recordHash';
import { studyRecordIdOf } from '../../../shared/record/studyRecord';
import type { ClassDoc } from '../../data/collections/classesCollection';
import { useClassRecords } from '../records/useClassRecords';

type Props = {
  readonly schoolClass: ClassDoc;
  readonly schoolYear: string;
  readonly onHashes: (classId: ClassId, hashes: ReadonlyMap<string, string>) => void;
};

/** Reports the content hash of each of a class's records as its data makes it now; draws nothing. */
export function RecordHashReporter({ schoolClass, schoolYear, onHashes }: Props) {
  const entries = useClassRecords(schoolClass);
  useEffect(() => {
    if (!entries) return;
    const hashes = new Map<string, string>();
    for (const entry of entries)
      if (entry.record)
        hashes.set(studyRecordIdOf(entry.student.studentCode, schoolYear), studyRecordHash(entry.record));
    onHashes(schoolClass.id, hashes);
  }, [entries, schoolClass.id, schoolYear, onHashes]);
  return null;
}
