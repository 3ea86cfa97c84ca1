import { useEffect } from 'react';
import { useDatabase } from '../data/DatabaseContext';
import { useIpc } from '../ipc/IpcContext';
import { useSchoolState } from './SchoolContext';
import type { Session } from './session';
import { declareTrialActor } from './trialActor';

/**
 * Keeps main's view of the trial's actor current: when setup changes this person's assignments
 * (a class given or taken), main checks later calls against the new ones.
 */
export function TrialActorSync({ session }: { readonly session: Session }) {
  const ipc = useIpc();
  const database = useDatabase();
  const school = useSchoolState();
  const own = school?.assignments.filter((assignment) => assignment.teacherId === session.userId);
  const key = JSON.stringify(own?.map((a) => [a.id, a.homeroom, a.subjects]) ?? null);
  useEffect(() => {
    if (key === 'null') return;
    void declareTrialActor(ipc, database, session);
  }, [ipc, database, session, key]);
  return null;
}
