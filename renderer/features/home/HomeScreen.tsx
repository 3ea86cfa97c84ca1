import { useEffect, useMemo, useState } from 'react';
import { staffChoiceLabel } from '../../../shared/domain/staffChoice';
import { searchKeyOf } from '../../../shared/domain/text';
import { useSchool } from '../../app/SchoolContext';
import { ClassPicker } from './ClassPicker';
import { homeStrings } from './strings';
import { StudentTable } from './StudentTable';
import { useSchoolOverview } from './useSchoolOverview';
import { shellStrings } from '../../app/strings';
import { markTrialHomeShown } from '../signin/startSampleTrial';

type Props = {
  readonly selectedClassId: string | undefined;
  readonly onSelectClass: (classId: string) => void;
};

/** Home: the school, its classes, and the students of the chosen class or of a name search. */
export function HomeScreen({ selectedClassId, onSelectClass }: Props) {
  const overview = useSchoolOverview();
  const { school: schoolDoc, assignments } = useSchool();
  const [query, setQuery] = useState('');
  /** The homeroom teacher as the user switch names them (a namesake with the login). */
  const homeroomLabel = (schoolClass: { readonly id: string; readonly homeroomTeacherName: string }) => {
    const teacherId = assignments.find((a) => a.classId === schoolClass.id && a.homeroom)?.teacherId;
    const member = schoolDoc.staff.find((candidate) => candidate.userId === teacherId);
    return member ? staffChoiceLabel(member, schoolDoc.staff) : schoolClass.homeroomTeacherName;
  };
  const searchKey = searchKeyOf(query);

  const counts = useMemo(
    () =>
      new Map(
        [...(overview?.studentsByClass ?? new Map<string, readonly unknown[]>())].map(([id, list]) => [
          id,
          list.length,
        ]),
      ),
    [overview],
  );
  const classNames = useMemo(() => new Map((overview?.classes ?? []).map((c) => [c.id, c.name])), [overview]);
  const matches = useMemo(
    () =>
      searchKey && overview
        ? overview.students.filter((student) => student.searchName.includes(searchKey))
        : [],
    [overview, searchKey],
  );

  const classesShown = (overview?.classes.length ?? 0) > 0;
  useEffect(() => {
    if (classesShown) markTrialHomeShown();
  }, [classesShown]);

  if (overview === undefined) return <p className="status">{shellStrings.loading}</p>;
  if (overview === null) return <p className="status">{homeStrings.noSchool}</p>;

  const { school, classes, students, studentsByClass } = overview;
  const selected = classes.find((schoolClass) => schoolClass.id === selectedClassId);
  const girls = students.filter((student) => student.gender === 'female').length;
  const minorities = students.filter((student) => student.ethnicity !== 'Kinh').length;

  return (
    <div className="home">
      <header className="school-header">
        <div>
          <h1>{school.name}</h1>
          <p className="muted">{school.address}</p>
        </div>
        <div className="school-meta">
          <span className="pill">{homeStrings.schoolYear(school.schoolYear)}</span>
          <span className="muted">{homeStrings.principal(school.principalName)}</span>
        </div>
      </header>

      <dl className="stats">
        <div>
          <dt>{homeStrings.stats.classes}</dt>
          <dd>{classes.length}</dd>
        </div>
        <div>
          <dt>{homeStrings.stats.students}</dt>
          <dd>{students.length}</dd>
        </div>
        <div>
          <dt>{homeStrings.stats.girls}</dt>
          <dd>{girls}</dd>
        </div>
        <div>
          <dt>{homeStrings.stats.minorities}</dt>
          <dd>{minorities}</dd>
        </div>
      </dl>

      <div className="home-body">
        <ClassPicker classes={classes} counts={counts} selectedId={selected?.id} onSelect={onSelectClass} />
        <section className="roster-panel" aria-live="polite">
          <label className="search">
            <span>{homeStrings.searchLabel}</span>
            <input
              type="search"
              value={query}
              placeholder={homeStrings.searchPlaceholder}
              onChange={(event) => setQuery(event.target.value)}
            />
          </label>
          {searchKey ? (
            matches.length > 0 ? (
              <StudentTable
                students={matches}
                caption={homeStrings.searchResults(matches.length)}
                classNames={classNames}
              />
            ) : (
              <p className="status">{homeStrings.noResults}</p>
            )
          ) : selected ? (
            <>
              <div className="roster-heading">
                <h2>{homeStrings.classHeading(selected.name)}</h2>
                <span className="muted">{homeStrings.homeroomTeacher(homeroomLabel(selected))}</span>
              </div>
              <StudentTable
                students={studentsByClass.get(selected.id) ?? []}
                caption={homeStrings.studentCount(studentsByClass.get(selected.id)?.length ?? 0)}
              />
            </>
          ) : (
            <p className="status">{homeStrings.pickClass}</p>
          )}
        </section>
      </div>
    </div>
  );
}
