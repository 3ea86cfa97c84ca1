import './setup.css';
import { useSchool } from '../../app/SchoolContext';
import { AssignmentSection } from './AssignmentSection';
import { ClassesSection } from './ClassesSection';
import { RollOverSection } from './RollOverSection';
import { SchoolYearSection } from './SchoolYearSection';
import { SigningIdentitySection } from './SigningIdentitySection';
import { StaffSection } from './StaffSection';
import { setupStrings } from './strings';

/**
 * Thiết lập năm học: the principal sets up the year, its classes, the staff and who teaches
 * what. Everyone else sees the same pages read-only; every write checks the rights again.
 */
export function SetupScreen() {
  const { permissions } = useSchool();
  const readOnly = !permissions.canSetUpSchool;
  return (
    <div className="screen setup-screen">
      <div className="screen-header">
        <div>
          <h1>{setupStrings.title}</h1>
          <p className="hint">{setupStrings.intro}</p>
        </div>
      </div>
      {readOnly && (
        <p className="notice" role="note">
          {setupStrings.readOnly}
        </p>
      )}
      <SchoolYearSection readOnly={readOnly} />
      <ClassesSection readOnly={readOnly} />
      {!readOnly && <RollOverSection />}
      <StaffSection readOnly={readOnly} />
      <AssignmentSection readOnly={readOnly} />
      <SigningIdentitySection readOnly={readOnly} />
    </div>
  );
}
