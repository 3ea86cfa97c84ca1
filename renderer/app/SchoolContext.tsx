import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { defaultCompiledCatalogue } from '../../shared/domain/evaluation/compiledCatalogue';
import { permissionsOfStaff, type Actor, type Permissions } from '../../shared/domain/permissions';
import type { AssignmentDoc } from '../data/collections/assignmentsCollection';
import type { ClassDoc } from '../data/collections/classesCollection';
import type { SchoolDoc } from '../data/collections/schools/schoolsCollection';
import { useDatabase } from '../data/DatabaseContext';
import { useObservable } from '../data/useRxQueryResult';
import type { WriteContext } from '../data/writes/writeContext';
import { schoolServerThroughMain } from '../data/writes/schoolServer';
import { useIpc } from '../ipc/IpcContext';
import type { Session } from './session';

/** The school as the signed-in person sees it: its year, classes, assignments, and their rights. */
export type SchoolState = {
  readonly school: SchoolDoc;
  readonly schoolYear: string;
  readonly classes: readonly ClassDoc[];
  readonly assignments: readonly AssignmentDoc[];
  readonly actor: Actor;
  readonly permissions: Permissions;
  readonly writeContext: WriteContext;
  /** A real account (its staff accounts live on the province server) or the sample trial. */
  readonly sessionMode: Session['mode'];
};

const SchoolContext = createContext<SchoolState | null | undefined>(undefined);

function byGradeAndName(a: ClassDoc, b: ClassDoc): number {
  return a.grade - b.grade || a.name.localeCompare(b.name, 'vi', { numeric: true });
}

/** Loads the school, its classes and assignments, and keeps them live. `null` when there is no school yet. */
export function SchoolProvider({
  session,
  deviceId,
  children,
}: {
  session: Session;
  deviceId: string | undefined;
  children: ReactNode;
}) {
  const database = useDatabase();
  const ipc = useIpc();
  const schools = useObservable(useMemo(() => database.schools.find().$, [database]));
  const school = useMemo(() => schools?.[0]?.toMutableJSON(), [schools]);
  const schoolId = school?.id;
  const schoolYear = school?.schoolYear;
  const classes = useObservable(
    useMemo(
      () => database.classes.find({ selector: { schoolId: schoolId ?? '', schoolYear: schoolYear ?? '' } }).$,
      [database, schoolId, schoolYear],
    ),
  );
  const assignments = useObservable(
    useMemo(
      () => database.assignments.find({ selector: { schoolYear: schoolYear ?? '' } }).$,
      [database, schoolYear],
    ),
  );

  const state = useMemo((): SchoolState | null | undefined => {
    if (schools === undefined) return undefined;
    if (!school || !schoolYear) return null;
    if (!classes || !assignments || !deviceId) return undefined;
    const actor: Actor = { userId: session.userId, role: session.role };
    const assignmentList = assignments.map((doc) => doc.toMutableJSON());
    const permissions = permissionsOfStaff(school.staff, session.userId, assignmentList);
    return {
      school,
      schoolYear,
      classes: classes.map((doc) => doc.toMutableJSON()).sort(byGradeAndName),
      assignments: assignmentList,
      actor,
      permissions,
      sessionMode: session.mode,
      writeContext: {
        deviceId,
        actor,
        permissions,
        catalogue: defaultCompiledCatalogue(),
        now: () => new Date(),
        ...(session.mode === 'account' ? { schoolServer: schoolServerThroughMain(ipc) } : {}),
      },
    };
  }, [
    schools,
    school,
    schoolYear,
    classes,
    assignments,
    deviceId,
    session.userId,
    session.role,
    session.mode,
    ipc,
  ]);

  return <SchoolContext.Provider value={state}>{children}</SchoolContext.Provider>;
}

/** The school state; `undefined` while loading, `null` when this database has no school. */
export function useSchoolState(): SchoolState | null | undefined {
  return useContext(SchoolContext);
}

/** For screens that only render once the school is loaded. */
export function useSchool(): SchoolState {
  const state = useContext(SchoolContext);
  if (!state) throw new Error('useSchool before the school is loaded');
  return state;
}
