import { useSelectedClass } from '../../app/ClassSelector';
import { useSchool } from '../../app/SchoolContext';
import type { ClassDoc } from '../../data/collections/classesCollection';
import { AssignmentEditor } from './AssignmentEditor';
import { subjectLabelOf } from './assignmentLabels';
import { setupStrings } from './strings';

const strings = setupStrings.assignments;

/** Who teaches what in a class, as stored. */
function CurrentAssignments({ schoolClass }: { readonly schoolClass: ClassDoc }) {
  const { school, assignments, writeContext } = useSchool();
  const names = new Map(school.staff.map((member) => [member.userId, member.fullName]));
  const own = assignments.filter(
    (assignment) =>
      assignment.classId === schoolClass.id && (assignment.homeroom || assignment.subjects.length > 0),
  );
  return (
    <div className="setup-current">
      <h3>{strings.currentHeading(schoolClass.name)}</h3>
      {own.length === 0 ? (
        <p className="status">{strings.currentNone}</p>
      ) : (
        <table className="data-table setup-table">
          <thead>
            <tr>
              <th scope="col">{strings.teacherColumn}</th>
              <th scope="col">{strings.homeroomMark}</th>
              <th scope="col">{strings.subjectColumn}</th>
            </tr>
          </thead>
          <tbody>
            {own.map((assignment) => (
              <tr key={assignment.id}>
                <td>{names.get(assignment.teacherId) ?? assignment.teacherId}</td>
                <td>{assignment.homeroom ? '✓' : ''}</td>
                <td>
                  {assignment.subjects
                    .map((key) => subjectLabelOf(writeContext.catalogue, schoolClass.grade, key))
                    .join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** Phân công: pick a class, set its homeroom and subject teachers, see the stored assignment. */
export function AssignmentSection({ readOnly }: { readonly readOnly: boolean }) {
  const { selected, visible, select } = useSelectedClass();
  return (
    <section className="panel setup-section" aria-labelledby="setup-assignments-heading">
      <h2 id="setup-assignments-heading">{strings.heading}</h2>
      {visible.length === 0 ? (
        <p className="status">{strings.noClasses}</p>
      ) : (
        <>
          <label className="field setup-class-choice">
            <span>{strings.classLabel}</span>
            <select value={selected?.id ?? ''} onChange={(event) => select(event.target.value)}>
              {visible.map((schoolClass) => (
                <option key={schoolClass.id} value={schoolClass.id}>
                  {schoolClass.name}
                </option>
              ))}
            </select>
          </label>
          {selected && (
            <div className="setup-assignments">
              <AssignmentEditor key={selected.id} schoolClass={selected} readOnly={readOnly} />
              <CurrentAssignments schoolClass={selected} />
            </div>
          )}
        </>
      )}
    </section>
  );
}
