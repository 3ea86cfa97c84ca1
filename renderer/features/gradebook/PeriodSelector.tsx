import { periodCodes, type PeriodCode } from '../../../shared/domain/evaluation/catalogueSchema';
import { useRouteParam } from '../../app/RouteContext';
import { useSchool } from '../../app/SchoolContext';
import { currentPeriodOn } from './currentPeriod';
import { gradebookStrings } from './strings';

/** The period in the route (`?period=CK1`), or the one teachers are most likely at today. */
export function useSelectedPeriod(): [PeriodCode, (period: PeriodCode) => void] {
  const [value, set] = useRouteParam('period');
  const period = periodCodes.find((code) => code === value) ?? currentPeriodOn(new Date());
  return [period, set];
}

export function PeriodSelector() {
  const [period, setPeriod] = useSelectedPeriod();
  const { writeContext } = useSchool();
  return (
    <label className="toolbar-field">
      <span>{gradebookStrings.periodLabel}</span>
      <select value={period} onChange={(event) => setPeriod(event.target.value as PeriodCode)}>
        {periodCodes.map((code) => (
          <option key={code} value={code}>
            {writeContext.catalogue.periodName(code)}
          </option>
        ))}
      </select>
    </label>
  );
}
