import { compareVietnameseNames } from '../../../shared/domain/personName';
import { staffRoles, type StaffMember } from '../../../shared/domain/staff';
import { useSchool } from '../../app/SchoolContext';
import { useDatabase } from '../../data/DatabaseContext';
import { updateStaffMember, type StaffChanges } from '../../data/writes/setupWrites';
import { AddStaffForm } from './AddStaffForm';
import { teacherAssignmentLines } from './assignmentLabels';
import { SetupFeedback } from './SetupFeedback';
import { StaffRow } from './StaffRow';
import { setupStrings } from './strings';
import { useSetupAction } from './useSetupAction';

const strings = setupStrings.staff;

/** Active first, leadership first, then by name as a class list sorts it. */
function staffOrder(a: StaffMember, b: StaffMember): number {
  return (
    Number(b.active) - Number(a.active) ||
    staffRoles.indexOf(a.role) - staffRoles.indexOf(b.role) ||
    compareVietnameseNames(a.fullName, b.fullName)
  );
}

/** Giáo viên: the school's staff, what each teaches this year, adding and editing. */
export function StaffSection({ readOnly }: { readonly readOnly: boolean }) {
  const database = useDatabase();
  const { school, schoolYear, classes, assignments, actor, writeContext } = useSchool();
  const { feedback, busy, run } = useSetupAction();
  const staff = [...school.staff].sort(staffOrder);

  const change = (member: StaffMember, changes: StaffChanges, success: string) =>
    run(() => updateStaffMember(database, writeContext, member.userId, changes), success);

  return (
    <section className="panel setup-section" aria-labelledby="setup-staff-heading">
      <h2 id="setup-staff-heading">{strings.heading}</h2>
      <div className="setup-scroll">
        <table className="data-table setup-table">
          <caption>{strings.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{strings.nameColumn}</th>
              <th scope="col">{strings.loginColumn}</th>
              <th scope="col">{strings.roleColumn}</th>
              <th scope="col">{strings.statusColumn}</th>
              <th scope="col">{strings.assignmentColumn(schoolYear)}</th>
              {!readOnly && <th scope="col">{strings.actionsColumn}</th>}
            </tr>
          </thead>
          <tbody>
            {staff.map((member) => (
              <StaffRow
                key={member.userId}
                member={member}
                lines={teacherAssignmentLines(writeContext.catalogue, classes, assignments, member.userId)}
                readOnly={readOnly}
                isSelf={member.userId === actor.userId}
                busy={busy}
                onChange={change}
              />
            ))}
          </tbody>
        </table>
      </div>
      <SetupFeedback feedback={feedback} />
      {!readOnly && <AddStaffForm />}
    </section>
  );
}
