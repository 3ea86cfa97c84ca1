import type { ClassSummary } from '../../../shared/domain/evaluation/classSummary';
import { summaryStrings } from './strings';

/** Counts per subject and level, and at the end of the year per result, by gender. */
export function SummaryStatisticsPanel({ summary }: { summary: ClassSummary }) {
  const { statistics } = summary;
  return (
    <section className="panel" aria-label={summaryStrings.statistics}>
      <h2>{summaryStrings.statistics}</h2>
      {summary.period === 'CN' && (
        <dl className="result-counts">
          {(['HTXS', 'HTT', 'HT', 'CHT'] as const).map((result) => (
            <div key={result}>
              <dt>{result}</dt>
              <dd>
                {summaryStrings.count(statistics.results[result].total, statistics.results[result].female)}
              </dd>
            </div>
          ))}
          {statistics.results.incomplete > 0 && (
            <div>
              <dt>{summaryStrings.incomplete(statistics.results.incomplete)}</dt>
              <dd />
            </div>
          )}
        </dl>
      )}
      <table className="data-table statistics-table">
        <caption>{summaryStrings.levelCounts}</caption>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">T</th>
            <th scope="col">H / Đ</th>
            <th scope="col">C</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(statistics.subjects).map(([key, counts]) => (
            <tr key={key}>
              <th scope="row">{counts.label}</th>
              <td>{summaryStrings.count(counts.levels.T.total, counts.levels.T.female)}</td>
              <td>{summaryStrings.count(counts.levels.H.total, counts.levels.H.female)}</td>
              <td>{summaryStrings.count(counts.levels.C.total, counts.levels.C.female)}</td>
            </tr>
          ))}
          {Object.entries(statistics.traits).map(([key, counts]) => (
            <tr key={key}>
              <th scope="row">{counts.label}</th>
              <td>{summaryStrings.count(counts.levels.T.total, counts.levels.T.female)}</td>
              <td>{summaryStrings.count(counts.levels.Đ.total, counts.levels.Đ.female)}</td>
              <td>{summaryStrings.count(counts.levels.C.total, counts.levels.C.female)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
