import { useCallback, useEffect, useState } from 'react';
import type { CompiledCatalogue } from '../../../shared/domain/evaluation/compiledCatalogue';
import { useSchool } from '../../app/SchoolContext';
import { useDatabase } from '../../data/DatabaseContext';
import type { HocbaDatabase } from '../../data/database';
import { loadRollOverData, type RollOverData, type RollOverSchool } from '../../data/queries/rollOverData';
import { nextSchoolYearOf } from '../../data/writes/setupWrites';

/** What the section shows: the roll-over to apply, or a preview of the next one. */
export type RollOverView = {
  readonly data: RollOverData;
  readonly preview: boolean;
  /** The year whose students have all moved on already (the last roll-over is done). */
  readonly doneYear?: string;
};

type Loaded =
  | { readonly key: string; readonly view: RollOverView; readonly failed?: undefined }
  | { readonly key: string; readonly view?: undefined; readonly failed: true };

/**
 * Last year's students still to move, once the new year has started; otherwise a preview of the
 * year in progress as if the next one had started, so the principal sees who is not settled while
 * the year's results can still be completed on Tổng hợp (which shows the current year only).
 */
async function loadView(
  database: HocbaDatabase,
  catalogue: CompiledCatalogue,
  school: RollOverSchool,
): Promise<RollOverView> {
  const data = await loadRollOverData(database, catalogue, school);
  if (data.started && data.input.students.length > 0) return { data, preview: false };
  const next = nextSchoolYearOf(school);
  const asIfStarted = { ...school, schoolYear: next, schoolYears: [...school.schoolYears, next] };
  const preview = await loadRollOverData(database, catalogue, asIfStarted);
  return { data: preview, preview: true, ...(data.started ? { doneYear: data.fromYear } : {}) };
}

/**
 * The roll-over's data (undefined while loading; nothing is read until `enabled`: a school's year
 * of results is tens of thousands of documents), read again when the years change and after `reload`.
 */
export function useRollOverData(enabled: boolean) {
  const database = useDatabase();
  const { school, writeContext } = useSchool();
  const [version, setVersion] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
  const { id, schoolYear } = school;
  const years = school.schoolYears.join(',');
  const key = `${id}|${schoolYear}|${years}|${version}`;
  useEffect(() => {
    if (!enabled) return undefined;
    let cancelled = false;
    const schoolYears = years.split(',');
    loadView(database, writeContext.catalogue, { id, schoolYear, schoolYears }).then(
      (view) => {
        if (!cancelled) setLoaded({ key, view });
      },
      (error: unknown) => {
        console.error('roll-over data', error);
        if (!cancelled) setLoaded({ key, failed: true });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [database, writeContext.catalogue, id, schoolYear, years, key, enabled]);
  const reload = useCallback(() => setVersion((current) => current + 1), []);
  const current = loaded?.key === key ? loaded : undefined;
  return { view: current?.view, failed: current?.failed === true, reload };
}
