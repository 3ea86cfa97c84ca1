import './profiles.css';
import { useMemo, useState } from 'react';
import { classCompleteness } from '../../../shared/domain/studentProfile';
import { ClassSelector, useSelectedClass } from '../../app/ClassSelector';
import { useRouteParam } from '../../app/RouteContext';
import { useSchool } from '../../app/SchoolContext';
import type { ClassDoc } from '../../data/collections/classesCollection';
import { useClassStudents } from '../../data/queries/classQueries';
import { ImportClassListDialog } from '../classList/ImportClassListDialog';
import { ProfileForm } from './ProfileForm';
import { ProfileRoster } from './ProfileRoster';
import { profilesStrings } from './strings';

/**
 * One class: its completeness, the roster, and the chosen student's identity page. `importing`
 * holds the roster as it is while a class list is written (it is read once, after).
 */
function ClassProfiles({ schoolClass, importing }: { schoolClass: ClassDoc; importing: boolean }) {
  const { permissions } = useSchool();
  const students = useClassStudents(schoolClass.id, importing);
  const [studentId, setStudentId] = useRouteParam('student');
  const summary = useMemo(() => (students ? classCompleteness(students) : undefined), [students]);
  if (!students || !summary) return <p className="status">{profilesStrings.loading}</p>;
  if (students.length === 0) return <p className="notice">{profilesStrings.noStudents}</p>;
  const student = students.find((candidate) => candidate.id === studentId);
  return (
    <div className="profiles-body">
      <section
        className="panel profiles-roster-panel"
        aria-label={profilesStrings.classHeading(schoolClass.name)}
      >
        <h2>{profilesStrings.classHeading(schoolClass.name)}</h2>
        <p className="profiles-class-summary">
          <strong>{profilesStrings.classComplete(summary.complete, summary.students)}</strong>
        </p>
        <p className="hint">{profilesStrings.classAverage(Math.round(summary.average * 100))}</p>
        <ProfileRoster students={students} selectedId={student?.id} onSelect={setStudentId} />
      </section>
      {student ? (
        <ProfileForm
          key={student.id}
          student={student}
          schoolClass={schoolClass}
          readOnly={!permissions.isHomeroomOf(schoolClass.id)}
        />
      ) : (
        <p className="panel status">{profilesStrings.pickStudent}</p>
      )}
    </div>
  );
}

/** Hồ sơ học sinh: the identity pages of a class's học bạ, and the class list import. */
export function ProfilesScreen() {
  const { selected } = useSelectedClass();
  const { permissions } = useSchool();
  const [importing, setImporting] = useState(false);
  const [confirmation, setConfirmation] = useState<string | undefined>(undefined);
  const mayImport = selected !== undefined && permissions.canImportClassList(selected.id);
  return (
    <div className="screen">
      <div className="screen-header">
        <h1>{profilesStrings.title}</h1>
        <div className="toolbar">
          <ClassSelector />
          <button
            type="button"
            className="button"
            disabled={!mayImport}
            title={mayImport ? undefined : profilesStrings.importNotAllowed}
            onClick={() => {
              setConfirmation(undefined);
              setImporting(true);
            }}
          >
            {profilesStrings.importButton}
          </button>
        </div>
      </div>
      {confirmation && (
        <p className="notice" role="status">
          {confirmation}
        </p>
      )}
      {selected && <ClassProfiles key={selected.id} schoolClass={selected} importing={importing} />}
      {importing && selected && (
        <ImportClassListDialog
          schoolClass={selected}
          onClose={() => setImporting(false)}
          onImported={(count) => {
            setImporting(false);
            setConfirmation(profilesStrings.imported(count, selected.name));
          }}
        />
      )}
    </div>
  );
}
