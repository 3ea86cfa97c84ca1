import { useEffect } from 'react';
import type { ClassDoc } from '../data/collections/classesCollection';
import { useRouteParam } from './RouteContext';
import { useSchool } from './SchoolContext';
import { shellStrings } from './strings';

/**
 * The class a class-scoped screen works on, kept in the route (`?class=…`). Only classes the
 * person may see are offered; their own classes first.
 */
export function useSelectedClass(): {
  selected: ClassDoc | undefined;
  visible: readonly ClassDoc[];
  select: (classId: string) => void;
} {
  const { classes, permissions } = useSchool();
  const [classId, setClassId] = useRouteParam('class');
  const visible = classes.filter((schoolClass) => permissions.canSeeClass(schoolClass.id));
  const selected = visible.find((schoolClass) => schoolClass.id === classId);
  const fallback =
    visible.find((schoolClass) => permissions.assignedClassIds.has(schoolClass.id)) ?? visible[0];
  useEffect(() => {
    if (!selected && fallback) setClassId(fallback.id);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the choice is missing
  }, [selected?.id, fallback?.id]);
  return { selected, visible, select: setClassId };
}

export function ClassSelector() {
  const { selected, visible, select } = useSelectedClass();
  const { permissions } = useSchool();
  if (visible.length === 0) return <p className="status">{shellStrings.noClasses}</p>;
  return (
    <label className="toolbar-field">
      <span>{shellStrings.classLabel}</span>
      <select
        value={selected?.id ?? ''}
        onChange={(event) => select(event.target.value)}
        aria-label={shellStrings.classLabel}
      >
        {visible.map((schoolClass) => (
          <option key={schoolClass.id} value={schoolClass.id}>
            {shellStrings.classOption(schoolClass.name, permissions.assignedClassIds.has(schoolClass.id))}
          </option>
        ))}
      </select>
    </label>
  );
}
