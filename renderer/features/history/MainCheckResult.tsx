import { formatInstant } from '../../../shared/domain/dates';
import type { ChainCheckAnswer } from './chainCheck';
import { historyStrings } from './strings';

type Props = {
  readonly result:
    | { readonly ok: true; readonly answer: ChainCheckAnswer }
    | { readonly ok: false; readonly message: string };
};

/** Main's verdict on the database's chains, beside the database's own check, and main's record of anomalies. */
export function MainCheckResult({ result }: Props) {
  if (!result.ok)
    return (
      <p className="notice warning" role="alert">
        {result.message}
      </p>
    );
  const { findings, anomalies, anomalyCount } = result.answer;
  const problems = findings.filter((finding) => finding.severity === 'problem');
  const notices = findings.filter((finding) => finding.severity === 'notice');
  return (
    <section aria-label={historyStrings.mainHeading}>
      {problems.length > 0 ? (
        <div className="notice error" role="alert">
          <strong>{historyStrings.mainHeading}</strong>
          <ul>
            {problems.map((finding) => (
              <li key={`${finding.kind}-${finding.message}`}>{finding.message}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="save-state saved" role="status">
          {notices.map((finding) => (
            <span key={`${finding.kind}-${finding.message}`}>{finding.message} </span>
          ))}
        </p>
      )}
      {anomalies.length > 0 && (
        <details className="hint">
          <summary>{historyStrings.anomaliesHeading(anomalyCount)}</summary>
          <ul>
            {anomalies.map((anomaly) => (
              <li key={`${anomaly.at}-${anomaly.kind}-${anomaly.message}`}>
                {historyStrings.anomalyLine(formatInstant(anomaly.at), anomaly.message, anomaly.count)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
