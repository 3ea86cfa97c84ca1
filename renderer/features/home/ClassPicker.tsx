import { grades } from '../../../shared/domain/grade';
import type { ClassDoc } from '../../data/collections/classesCollection';
import { homeStrings } from './strings';

type Props = {
  readonly classes: readonly ClassDoc[];
  readonly counts: ReadonlyMap<string, number>;
  readonly selectedId: string | undefined;
  readonly onSelect: (classId: string) => void;
};

/** The school's classes grouped by grade. */
export function ClassPicker({ classes, counts, selectedId, onSelect }: Props) {
  return (
    <nav className="class-picker" aria-label={homeStrings.classesHeading}>
      <h2>{homeStrings.classesHeading}</h2>
      {grades.map((grade) => {
        const inGrade = classes.filter((schoolClass) => schoolClass.grade === grade);
        if (inGrade.length === 0) return null;
        return (
          <section key={grade} className="grade-group">
            <h3>{homeStrings.gradeHeading(grade)}</h3>
            <ul>
              {inGrade.map((schoolClass) => (
                <li key={schoolClass.id}>
                  <button
                    type="button"
                    className={schoolClass.id === selectedId ? 'class-chip selected' : 'class-chip'}
                    aria-pressed={schoolClass.id === selectedId}
                    onClick={() => onSelect(schoolClass.id)}
                  >
                    {homeStrings.classButton(schoolClass.name, counts.get(schoolClass.id) ?? 0)}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </nav>
  );
}
