import { useCallback, useEffect, useState } from 'react';
import { useSchool } from '../../app/SchoolContext';
import { useDatabase } from '../../data/DatabaseContext';
import { loadRollOverData, type RollOverData } from '../../data/queries/rollOverData';

type Loaded =
  | { readonly key: string; readonly data: RollOverData; readonly failed?: undefined }
  | { readonly key: string; readonly data?: undefined; readonly failed: true };

/**
 * Last year's classes, students and year outcomes as the roll-over reads them (undefined while
 * loading); read again when the school's years change and after `reload` (the roll-over applied).
 */
export function useRollOverData() {
  const database = useDatabase();
  const { school, writeContext } = useSchool();
  const [version, setVersion] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
  const key = `${school.schoolYear}|${school.schoolYears.join(',')}|${version}`;
  useEffect(() => {
    let cancelled = false;
    loadRollOverData(database, writeContext.catalogue, school).then(
      (data) => {
        if (!cancelled) setLoaded({ key, data });
      },
      (error: unknown) => {
        console.error('roll-over data', error);
        if (!cancelled) setLoaded({ key, failed: true });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [database, writeContext.catalogue, school, key]);
  const reload = useCallback(() => setVersion((current) => current + 1), []);
  const current = loaded?.key === key ? loaded : undefined;
  return { data: current?.data, failed: current?.failed === true, reload };
}
