import { formatDate } from '../../../shared/domain/dates';
import type { PersonDoc } from '../../data/collections/people/peopleCollection';
import { homeStrings } from './strings';

type Props = {
  readonly students: readonly PersonDoc[];
  readonly caption: string;
  /** Shown when the table lists students of several classes (search results). */
  readonly classNames?: ReadonlyMap<string, string>;
};

/** A class register: STT, name, birth date, gender, ethnicity, student code. */
export function StudentTable({ students, caption, classNames }: Props) {
  const columns = homeStrings.columns;
  return (
    <table className="roster">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="num">
            {columns.number}
          </th>
          <th scope="col">{columns.fullName}</th>
          {classNames && <th scope="col">{columns.className}</th>}
          <th scope="col">{columns.birthDate}</th>
          <th scope="col">{columns.gender}</th>
          <th scope="col">{columns.ethnicity}</th>
          <th scope="col">{columns.studentCode}</th>
        </tr>
      </thead>
      <tbody>
        {students.map((student, index) => (
          <tr key={student.id}>
            <td className="num">{index + 1}</td>
            <td className="name">{student.fullName}</td>
            {classNames && <td>{classNames.get(student.classId) ?? ''}</td>}
            <td>{formatDate(student.birthDate)}</td>
            <td>{homeStrings.gender[student.gender]}</td>
            <td>{student.ethnicity}</td>
            <td className="code">{student.studentCode}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
