import { profileCompleteness } from '../../../shared/domain/studentProfile';
import type { PersonDoc } from '../../data/collections/people/peopleCollection';
import { profilesStrings } from './strings';

type Props = {
  readonly students: readonly PersonDoc[];
  readonly selectedId: string | undefined;
  readonly onSelect: (studentId: string) => void;
};

/** The class in register order, each student with how complete their identity page is. */
export function ProfileRoster({ students, selectedId, onSelect }: Props) {
  const columns = profilesStrings.columns;
  return (
    <table className="roster profile-roster">
      <caption>{profilesStrings.rosterCaption}</caption>
      <thead>
        <tr>
          <th scope="col" className="num">
            {columns.number}
          </th>
          <th scope="col">{columns.fullName}</th>
          <th scope="col">{columns.profile}</th>
        </tr>
      </thead>
      <tbody>
        {students.map((student, index) => {
          const { missing } = profileCompleteness(student);
          const selected = student.id === selectedId;
          return (
            <tr key={student.id} className={selected ? 'selected' : undefined}>
              <td className="num">{index + 1}</td>
              <td className="name">
                <button
                  type="button"
                  className="link-button"
                  aria-current={selected ? 'true' : undefined}
                  onClick={() => onSelect(student.id)}
                >
                  {student.fullName}
                </button>
              </td>
              <td>
                {missing.length === 0 ? (
                  <span className="profile-badge complete">{profilesStrings.badgeComplete}</span>
                ) : (
                  <span
                    className="profile-badge"
                    title={profilesStrings.missingList(missing.map((item) => item.label).join(', '))}
                  >
                    {profilesStrings.badgeMissing(missing.length)}
                  </span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
