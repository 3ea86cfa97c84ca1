import { samePersonName } from './personName';
import type { StaffMember } from './staff';

/**
 * A staff member as a picker shows them: the name, and the login when someone else on the staff
 * has the same name (schools do have two "Nguyễn Thị Hà"), so the right person is chosen.
 */
export function staffChoiceLabel(member: StaffMember, staff: readonly StaffMember[]): string {
  const namesake = staff.some(
    (other) => other.userId !== member.userId && samePersonName(other.fullName, member.fullName),
  );
  return namesake ? `${member.fullName} (${member.login})` : member.fullName;
}
