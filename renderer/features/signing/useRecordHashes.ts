import { useCallback, useState } from 'react';
import type { ClassId } from '../../../shared/domain/ids';

/**
 * The content hash of each record as the offline data would make it now, by class, filled in by
 * one `RecordHashReporter` per class on screen (hooks cannot be called in a loop).
 */
export function useRecordHashes() {
  const [byClass, setByClass] = useState<ReadonlyMap<ClassId, ReadonlyMap<string, string>>>(new Map());
  const report = useCallback((classId: ClassId, hashes: ReadonlyMap<string, string>) => {
    setByClass((current) => new Map(current).set(classId, hashes));
  }, []);
  return { byClass, report };
}
